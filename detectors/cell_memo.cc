#include "detectors/cell_memo.h"

#include <cstring>
#include <functional>

namespace piiscan::detectors {
namespace {

// The table starts small and doubles up to kMaxSlots (16 MiB); at half
// full the memo starts over. Half of 2^18 holds the distinct values of a
// CRM export's value column (80,000 in bench/gen_dense.py) besides the
// names, dates and statuses.
constexpr size_t kFirstSlots = size_t{1} << 12;
constexpr size_t kMaxSlots = size_t{1} << 18;
// One cell in 2^kSampleShift by hash is sampled, into kSampleSlots
// fingerprints (32 KiB, shared by the columns): ~131k values' worth, as
// many as the memo holds, so that a column counts as repeating when its
// values recur within what the memo could keep of them. A column is
// reviewed after kReview sampled cells (~1,000 cells): memoised while at
// least one in six of them was seen before (the value column of
// bench/gen_dense.py: 16-35 of 64; its article texts, which recur ~700k
// rows apart: 0-9).
constexpr int kSampleShift = 4;
constexpr size_t kSampleSlots = size_t{1} << 13;
constexpr uint32_t kReview = 64;
constexpr size_t kMaxColumns = 1024;

// A hash of a short cell (at most kMaxCell bytes), 8 bytes a step, well
// mixed in every bit: the sample reads the top bits, the tables the low.
uint64_t CellHash(std::string_view text) {
  uint64_t h = 0x9E3779B97F4A7C15ull ^ text.size();
  size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, text.data() + i, 8);
    h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
    h ^= h >> 31;
  }
  if (i < text.size()) {
    uint64_t w = 0;
    std::memcpy(&w, text.data() + i, text.size() - i);
    h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
  }
  h ^= h >> 33;  // murmur3's finaliser
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  return h ^ (h >> 33);
}

}  // namespace

uint16_t CellMemo::ColumnOf(std::string_view label, bool has_row) {
  // Cells come row by row, column after column: try the next one first.
  size_t next = size_t{last_column_} + 1 < columns_.size() ? size_t{last_column_} + 1 : 0;
  for (size_t i : {next, static_cast<size_t>(last_column_)}) {
    if (i < columns_.size() && columns_[i].label == label && columns_[i].has_row == has_row)
      return last_column_ = static_cast<uint16_t>(i);
  }
  for (size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i].label == label && columns_[i].has_row == has_row)
      return last_column_ = static_cast<uint16_t>(i);
  }
  if (columns_.size() >= kMaxColumns) {  // many files' headers: start over
    columns_.clear();
    table_ = {};
    pool_.clear();
    tags_.clear();
    used_ = 0;
    sample_.assign(sample_.size(), 0);
  }
  columns_.push_back(Column{std::string(label), has_row});
  return last_column_ = static_cast<uint16_t>(columns_.size() - 1);
}

bool CellMemo::Judge(Column& c) {
  if ((hash_ >> (64 - kSampleShift)) != 0) return c.on;
  if (sample_.empty()) sample_.assign(kSampleSlots, 0);
  uint32_t& slot = sample_[hash_ & (kSampleSlots - 1)];
  const uint32_t print = static_cast<uint32_t>(hash_ >> 24) | 1;  // never 0 (empty)
  ++c.sampled;
  if (slot == print) {
    ++c.seen;
  } else {
    slot = print;
  }
  if (c.sampled >= kReview) {
    c.on = c.seen * 6 >= c.sampled;
    c.sampled = c.seen = 0;
  }
  return c.on;
}

bool CellMemo::Find(std::string_view label, bool has_row, std::string_view text, Hit& hit) {
  storable_ = false;
  if (text.size() > kMaxCell) return false;
  column_ = ColumnOf(label, has_row);
  hash_ = CellHash(text) ^ (uint64_t{column_} * 0x9E3779B97F4A7C15ull);
  if (!Judge(columns_[column_])) return false;
  text_ = text;
  if (!table_.empty()) {
    const size_t mask = table_.size() - 1;
    for (size_t i = hash_ & mask; table_[i].first != 0; i = (i + 1) & mask) {
      Entry& e = table_[i];
      if (e.hash == static_cast<uint32_t>(hash_) && e.column == column_ &&
          e.length == text.size() && std::memcmp(e.text, text.data(), text.size()) == 0) {
        hit.detections = std::span<const Detection>(pool_).subspan(e.first - 1, e.count);
        hit.tags = e.count == 1 ? std::span<uint64_t>(&e.tag, 1)
                                : std::span<uint64_t>(tags_).subspan(e.first - 1, e.count);
        return true;
      }
    }
  }
  storable_ = true;
  return false;
}

std::span<uint64_t> CellMemo::Store(std::span<const Detection> detections) {
  if (!storable_) return {};
  storable_ = false;
  if (detections.size() > UINT8_MAX) return {};  // a cell of 44 bytes: never
  if (table_.empty()) {
    Reset(kFirstSlots);
  } else if (2 * (used_ + 1) > table_.size()) {
    if (table_.size() >= kMaxSlots) {
      Reset(table_.size());
    } else {
      HugeTable<Entry> old = std::move(table_);
      table_ = HugeTable<Entry>(2 * old.size());
      const size_t mask = table_.size() - 1;
      for (const auto& e : old) {
        if (e.first == 0) continue;
        size_t i = e.hash & mask;
        while (table_[i].first != 0) i = (i + 1) & mask;
        table_[i] = e;
      }
    }
  }
  const size_t mask = table_.size() - 1;
  size_t i = hash_ & mask;
  while (table_[i].first != 0) i = (i + 1) & mask;
  Entry& e = table_[i];
  e.hash = static_cast<uint32_t>(hash_);
  e.column = column_;
  e.length = static_cast<uint8_t>(text_.size());
  std::memcpy(e.text, text_.data(), text_.size());
  e.first = static_cast<uint32_t>(pool_.size() + 1);
  e.count = static_cast<uint8_t>(detections.size());
  pool_.insert(pool_.end(), detections.begin(), detections.end());
  tags_.resize(pool_.size(), 0);
  ++used_;
  return e.count == 1 ? std::span<uint64_t>(&e.tag, 1)
                      : std::span<uint64_t>(tags_).subspan(e.first - 1, e.count);
}

void CellMemo::Reset(size_t slots) {
  table_ = HugeTable<Entry>(slots);
  pool_.clear();
  tags_.clear();
  used_ = 0;
}

}  // namespace piiscan::detectors
