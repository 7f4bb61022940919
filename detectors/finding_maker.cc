#include "detectors/finding_maker.h"

#include <algorithm>
#include <functional>
#include <string>

#include "core/line_count.h"
#include "detectors/masking.h"

namespace piiscan::detectors {

namespace {

// Derived fields kept per file at most (~150 bytes each), then forgotten.
constexpr size_t kMaxDerived = size_t{1} << 17;

// The key of a (spec, value) pair: the spec's index, then the value.
void DerivedKey(size_t spec, std::string_view value, std::string& key) {
  key.assign(reinterpret_cast<const char*>(&spec), sizeof spec);
  key += value;
}

}  // namespace

void FindingAggregator::BeginSegment(const Location& where, const std::vector<Finding>& out) {
  if (out.size() != seen_size_) ForgetSlots();
  location_key_.clear();
  for (const auto& step : where) {
    location_key_ += step;
    location_key_ += '\x1f';
  }
}

void FindingAggregator::Clear() {
  ForgetSlots();
  derived_keys_.clear();
  derived_table_.clear();
  derived_.clear();
}

const FindingAggregator::Derived* FindingAggregator::FindDerived(size_t spec, std::string_view value) {
  DerivedKey(spec, value, key_);
  derived_hash_ = std::hash<std::string_view>{}(key_);
  if (derived_table_.empty()) return nullptr;
  const size_t mask = derived_table_.size() - 1;
  for (size_t i = derived_hash_ & mask; derived_table_[i].index != 0; i = (i + 1) & mask) {
    const DerivedEntry& e = derived_table_[i];
    if (e.hash == derived_hash_ && std::string_view(derived_keys_).substr(e.offset, e.length) == key_) {
      return &derived_[e.index - 1];
    }
  }
  return nullptr;
}

void FindingAggregator::KeepDerived(size_t spec, std::string_view value, Derived derived) {
  if (derived_.size() >= kMaxDerived || derived_keys_.size() > (size_t{1} << 26)) {
    derived_keys_.clear();
    derived_table_.clear();
    derived_.clear();
  }
  if (2 * (derived_.size() + 1) > derived_table_.size()) {
    std::vector<DerivedEntry> old = std::move(derived_table_);
    derived_table_.assign(old.empty() ? 256 : 2 * old.size(), DerivedEntry{});
    const size_t mask = derived_table_.size() - 1;
    for (const auto& e : old) {
      if (e.index == 0) continue;
      size_t i = e.hash & mask;
      while (derived_table_[i].index != 0) i = (i + 1) & mask;
      derived_table_[i] = e;
    }
  }
  DerivedKey(spec, value, key_);
  const size_t mask = derived_table_.size() - 1;
  size_t i = derived_hash_ & mask;
  while (derived_table_[i].index != 0) i = (i + 1) & mask;
  derived_.push_back(std::move(derived));
  derived_table_[i] = DerivedEntry{derived_hash_, static_cast<uint32_t>(derived_keys_.size()),
                                   static_cast<uint32_t>(key_.size()), static_cast<uint32_t>(derived_.size())};
  derived_keys_ += key_;
}

void FindingAggregator::ForgetSlots() {
  arena_.clear();
  used_ = 0;
  if (++generation_ == 0) {  // wrapped: every entry must read as dead
    for (auto& e : table_) e.generation = 0;
    generation_ = 1;
  }
  seen_size_ = 0;
}

void FindingAggregator::Grow() {
  std::vector<Entry> old = std::move(table_);
  table_.assign(old.empty() ? 256 : 2 * old.size(), Entry{});
  const size_t mask = table_.size() - 1;
  for (const auto& e : old) {
    if (e.generation != generation_) continue;
    size_t i = e.hash & mask;
    while (table_[i].generation == generation_) i = (i + 1) & mask;
    table_[i] = e;
  }
}

std::pair<size_t, bool> FindingAggregator::Slot(size_t spec, std::string_view value, size_t next) {
  key_ = location_key_;
  key_ += '\x1e';
  key_ += std::to_string(spec);
  key_ += '\x1e';
  key_ += value;
  if (2 * (used_ + 1) > table_.size()) Grow();
  const uint64_t hash = std::hash<std::string_view>{}(key_);
  const size_t mask = table_.size() - 1;
  size_t i = hash & mask;
  for (; table_[i].generation == generation_; i = (i + 1) & mask) {
    const Entry& e = table_[i];
    if (e.hash == hash && e.length == key_.size() &&
        std::string_view(arena_).substr(e.offset, e.length) == key_) {
      return {e.index, false};
    }
  }
  table_[i] = Entry{hash, static_cast<uint32_t>(arena_.size()), static_cast<uint32_t>(key_.size()),
                    static_cast<uint32_t>(next), generation_};
  arena_ += key_;
  ++used_;
  return {next, true};
}

void MakeFindings(const std::vector<rules::DetectorSpec>& specs, std::string_view text,
                  const SegmentInfo& info, std::span<const Detection> detections,
                  const FindingOptions& options, std::vector<Finding>& out, FindingAggregator* aggregator) {
  // The extractor's cursor over its whole source where it gave one, else
  // one over this segment (detections come sorted by begin).
  LineCursor segment_lines(text, info.base_line, 0);
  LineCursor& lines = info.lines != nullptr ? *info.lines : segment_lines;
  const uint64_t base = info.lines != nullptr ? info.base_offset : 0;
  std::string hashed;  // "category:value", one buffer for the segment's findings
  for (const auto& d : detections) {
    Confidence conf = ConfidenceFromScore(d.score);
    if (conf < options.min_confidence) continue;
    const auto& spec = specs[d.spec];
    if (aggregator != nullptr) {
      if (auto [at, fresh] = aggregator->Slot(d.spec, d.value, out.size()); !fresh) {
        Finding& same = out[at];
        ++same.count;
        if (d.score > same.score) {
          same.score = d.score;
          same.confidence = conf;
          same.note = d.note;
        }
        continue;
      }
    }
    Finding f;
    f.detector = spec.id;
    f.category = spec.category;
    f.confidence = conf;
    f.score = d.score;
    if (const auto* known = aggregator != nullptr ? aggregator->FindDerived(d.spec, d.value) : nullptr) {
      f.masked = known->masked;
      f.value_hash = known->value_hash;
      f.name_key = known->name_key;
      f.name_tokens = known->name_tokens;
    } else {
      f.masked = Mask(d.value, spec.masker);
      hashed.assign(spec.category);
      hashed += ':';
      hashed += d.value;
      f.value_hash = options.hasher->Hash(hashed);
      if (options.name_keyer != nullptr) {
        NameKeys keys;
        if (spec.category == "name") keys = options.name_keyer->ForName(d.value);
        else if (spec.category == "email") keys = options.name_keyer->ForEmail(d.value);
        f.name_key = keys.key;
        f.name_tokens = std::move(keys.tokens);
      }
      if (aggregator != nullptr) {
        aggregator->KeepDerived(d.spec, d.value, {f.masked, f.value_hash, f.name_tokens, f.name_key});
      }
    }
    if (options.show_values) f.value = d.value;
    if (info.has_offsets) f.offset = info.base_offset + d.begin;
    if (info.has_lines) f.line = lines.LineAt(base + std::min<uint64_t>(d.begin, text.size()));
    if (info.page > 0) f.page = info.page;
    f.note = d.note;
    out.push_back(std::move(f));
  }
}

}  // namespace piiscan::detectors
