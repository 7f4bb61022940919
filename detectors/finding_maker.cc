#include "detectors/finding_maker.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <functional>
#include <string>

#include "core/line_count.h"
#include "detectors/masking.h"

namespace piiscan::detectors {

namespace {

uint64_t Mix(uint64_t hash, uint64_t tag) { return hash ^ ((tag + 1) * 0x9E3779B97F4A7C15ull); }

}  // namespace

bool FindingAggregator::KeyTable::Same(const Entry& e, uint64_t tag, std::string_view value,
                                       uint64_t hash) const {
  if (e.hash != hash || e.tag != tag || e.length != value.size()) return false;
  const char* stored = value.size() <= kInline ? e.text : arena_.data() + e.offset;
  return std::memcmp(stored, value.data(), value.size()) == 0;
}

uint32_t FindingAggregator::KeyTable::Find(uint64_t tag, std::string_view value,
                                           uint64_t hash) const {
  if (table_.empty()) return 0;
  const size_t mask = table_.size() - 1;
  for (size_t i = hash & mask; table_[i].generation == generation_; i = (i + 1) & mask) {
    if (Same(table_[i], tag, value, hash)) return table_[i].index;
  }
  return 0;
}

void FindingAggregator::KeyTable::Insert(uint64_t tag, std::string_view value, uint64_t hash,
                                         uint32_t index) {
  if (2 * (used_ + 1) > table_.size()) Grow();
  const size_t mask = table_.size() - 1;
  size_t i = hash & mask;
  while (table_[i].generation == generation_) i = (i + 1) & mask;
  Entry& e = table_[i];
  e.hash = hash;
  e.tag = tag;
  e.index = index;
  e.generation = generation_;
  e.length = static_cast<uint32_t>(value.size());
  if (value.size() <= kInline) {
    std::memcpy(e.text, value.data(), value.size());
  } else {
    e.offset = static_cast<uint32_t>(arena_.size());
    arena_ += value;
  }
  ++used_;
}

void FindingAggregator::KeyTable::Clear() {
  arena_.clear();
  used_ = 0;
  if (++generation_ == 0) {  // wrapped: every entry must read as dead
    for (auto& e : table_) e.generation = 0;
    generation_ = 1;
  }
}

void FindingAggregator::KeyTable::Grow() {
  HugeTable<Entry> old = std::move(table_);
  table_ = HugeTable<Entry>(old.empty() ? 256 : 2 * old.size());
  const size_t mask = table_.size() - 1;
  for (const auto& e : old) {
    if (e.generation != generation_) continue;
    size_t i = e.hash & mask;
    while (table_[i].generation == generation_) i = (i + 1) & mask;
    table_[i] = e;
  }
}

void FindingAggregator::Restamp() {
  static std::atomic<uint64_t> next{1};
  stamp_ = next.fetch_add(1, std::memory_order_relaxed);
}

void FindingAggregator::BeginSegment(const Location& where, const std::vector<Finding>& out) {
  if (out.size() != seen_size_) Clear();
  if (where_known_ && where == last_where_) return;
  Restamp();
  location_key_.clear();
  for (const auto& step : where) {
    location_key_ += step;
    location_key_ += '\x1f';
  }
  location_ =
      locations_.try_emplace(location_key_, static_cast<uint32_t>(locations_.size())).first->second;
  last_where_ = where;
  where_known_ = true;
}

void FindingAggregator::Clear() {
  slots_.Clear();
  best_.clear();
  pending_.clear();
  any_pending_ = false;
  locations_.clear();
  where_known_ = false;
  seen_size_ = 0;
  Restamp();
}

FindingAggregator::Occurrence FindingAggregator::Repeat(size_t i, double score) {
  ++pending_[i];
  any_pending_ = true;
  const bool higher = score > best_[i];
  if (higher) best_[i] = score;
  return {i, false, higher};
}

FindingAggregator::Occurrence FindingAggregator::Slot(size_t spec, std::string_view value,
                                                      double score, size_t next, uint64_t* tag) {
  constexpr uint64_t kIndexMask = kTagIndexMask;
  if (tag != nullptr && (*tag >> kTagIndexBits) == stamp_ && (*tag & kIndexMask) != 0) {
    return Repeat((*tag & kIndexMask) - 1, score);
  }
  const uint64_t key_tag = (uint64_t{location_} << 32) | spec;
  const uint64_t hash = Mix(std::hash<std::string_view>{}(value), key_tag);
  Occurrence o;
  if (uint32_t at = slots_.Find(key_tag, value, hash); at != 0) {
    o = Repeat(at - 1, score);
  } else {
    slots_.Insert(key_tag, value, hash, static_cast<uint32_t>(next + 1));
    if (best_.size() <= next) {
      best_.resize(next + 1);
      pending_.resize(next + 1);
    }
    best_[next] = score;
    pending_[next] = 0;
    o = {next, true, false};
  }
  if (tag != nullptr && o.index + 1 <= kIndexMask) *tag = (stamp_ << kTagIndexBits) | (o.index + 1);
  return o;
}

void FindingAggregator::Settle(std::vector<Finding>& out) {
  if (!any_pending_) return;
  const size_t n = std::min(out.size(), pending_.size());
  for (size_t i = 0; i < n; ++i) {
    out[i].count += pending_[i];
    pending_[i] = 0;
  }
  any_pending_ = false;
}

void MakeFindings(const std::vector<rules::DetectorSpec>& specs, std::string_view text,
                  const SegmentInfo& info, std::span<const Detection> detections,
                  const FindingOptions& options, std::vector<Finding>& out,
                  FindingAggregator* aggregator, std::span<uint64_t> tags) {
  // The extractor's cursor over its whole source where it gave one, else
  // one over this segment (detections come sorted by begin).
  LineCursor segment_lines(text, info.base_line, 0);
  LineCursor& lines = info.lines != nullptr ? *info.lines : segment_lines;
  const uint64_t base = info.lines != nullptr ? info.base_offset : 0;
  std::string hashed;  // "category:value", one buffer for the segment's findings
  const bool tagged = aggregator != nullptr && tags.size() == detections.size();
  for (size_t k = 0; k < detections.size(); ++k) {
    // A memoised cell's detection counted before: its tag alone (the
    // detection itself, far away in the memo, is not read).
    if (tagged && aggregator->CountTagged(tags[k])) continue;
    const Detection& d = detections[k];
    Confidence conf = ConfidenceFromScore(d.score);
    if (conf < options.min_confidence) continue;
    const auto& spec = specs[d.spec];
    if (aggregator != nullptr) {
      if (auto o =
              aggregator->Slot(d.spec, d.value, d.score, out.size(), tagged ? &tags[k] : nullptr);
          !o.fresh) {
        if (o.higher) {
          Finding& same = out[o.index];
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
    if (options.show_values) f.value = d.value;
    if (info.has_offsets) f.offset = info.base_offset + d.begin;
    if (info.has_lines) f.line = lines.LineAt(base + std::min<uint64_t>(d.begin, text.size()));
    if (info.page > 0) f.page = info.page;
    f.note = d.note;
    out.push_back(std::move(f));
  }
}

}  // namespace piiscan::detectors
