#include "detectors/cell_memo.h"

#include <cstring>
#include <functional>

namespace piiscan::detectors {
namespace {

// The table starts small and doubles up to kMaxSlots (8 MiB); at half
// full the memo starts over.
constexpr size_t kFirstSlots = size_t{1} << 12;
constexpr size_t kMaxSlots = size_t{1} << 17;
// A column is reviewed after kReview lookups: memoised on while at least
// one in eight of them hit; once off, tried again after kOffLookups cells.
constexpr uint32_t kReview = 1024;
constexpr uint32_t kOffLookups = 32 * 1024;
constexpr size_t kMaxColumns = 1024;

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
    table_.clear();
    results_.clear();
    used_ = 0;
  }
  columns_.push_back(Column{std::string(label), has_row});
  return last_column_ = static_cast<uint16_t>(columns_.size() - 1);
}

const std::vector<Detection>* CellMemo::Find(std::string_view label, bool has_row,
                                             std::string_view text) {
  static const std::vector<Detection> kNone;
  storable_ = false;
  if (text.size() > kMaxCell) return nullptr;
  column_ = ColumnOf(label, has_row);
  Column& c = columns_[column_];
  if (!c.on) {
    if (++c.skipped < kOffLookups) return nullptr;
    c.on = true;  // a fresh trial
    c.lookups = c.hits = 0;
  }
  if (c.lookups >= kReview) {
    c.on = c.hits * 8 >= c.lookups;
    c.lookups = c.hits = c.skipped = 0;
    if (!c.on) return nullptr;
  }
  ++c.lookups;
  hash_ = std::hash<std::string_view>{}(text) ^ (uint64_t{column_} * 0x9E3779B97F4A7C15ull);
  text_ = text;
  if (!table_.empty()) {
    const size_t mask = table_.size() - 1;
    for (size_t i = hash_ & mask; table_[i].result != 0; i = (i + 1) & mask) {
      const Entry& e = table_[i];
      if (e.hash == hash_ && e.column == column_ && e.length == text.size() &&
          std::memcmp(e.text, text.data(), text.size()) == 0) {
        ++c.hits;
        return e.result == 1 ? &kNone : &results_[e.result - 2];
      }
    }
  }
  storable_ = true;
  return nullptr;
}

void CellMemo::Store(std::span<const Detection> detections) {
  if (!storable_) return;
  storable_ = false;
  if (table_.empty()) {
    Reset(kFirstSlots);
  } else if (2 * (used_ + 1) > table_.size()) {
    if (table_.size() >= kMaxSlots) {
      Reset(table_.size());
    } else {
      std::vector<Entry> old = std::move(table_);
      table_.assign(2 * old.size(), Entry{});
      const size_t mask = table_.size() - 1;
      for (const auto& e : old) {
        if (e.result == 0) continue;
        size_t i = e.hash & mask;
        while (table_[i].result != 0) i = (i + 1) & mask;
        table_[i] = e;
      }
    }
  }
  const size_t mask = table_.size() - 1;
  size_t i = hash_ & mask;
  while (table_[i].result != 0) i = (i + 1) & mask;
  Entry& e = table_[i];
  e.hash = hash_;
  e.column = column_;
  e.length = static_cast<uint8_t>(text_.size());
  std::memcpy(e.text, text_.data(), text_.size());
  if (detections.empty()) {
    e.result = 1;
  } else {
    results_.emplace_back(detections.begin(), detections.end());
    e.result = static_cast<uint32_t>(results_.size() + 1);
  }
  ++used_;
}

void CellMemo::Reset(size_t slots) {
  table_.assign(slots, Entry{});
  results_.clear();
  used_ = 0;
}

}  // namespace piiscan::detectors
