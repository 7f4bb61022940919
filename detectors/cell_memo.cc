#include "detectors/cell_memo.h"

#include <algorithm>
#include <functional>

namespace piiscan::detectors {
namespace {

// First sightings remembered (8 MiB), memo slots (6 MiB) and the entries
// stored before the memo starts over. The arrays are allocated at the first
// cell, so a scanner that never sees a table pays nothing.
constexpr size_t kSeenSlots = size_t{1} << 20;
constexpr size_t kTableSlots = size_t{1} << 18;
constexpr size_t kMaxEntries = kTableSlots / 2;

uint64_t HashCell(std::string_view label, std::string_view text) {
  const uint64_t a = std::hash<std::string_view>{}(label);
  const uint64_t b = std::hash<std::string_view>{}(text);
  return (a * 0x9E3779B97F4A7C15ull) ^ b;
}

}  // namespace

CellMemo::CellMemo() = default;

const std::vector<Detection>* CellMemo::Find(std::string_view label, std::string_view text) {
  if (table_.empty()) {
    seen_.assign(kSeenSlots, 0);
    table_.assign(kTableSlots, Entry{});
  }
  hash_ = HashCell(label, text);
  const size_t mask = table_.size() - 1;
  for (size_t i = hash_ & mask; table_[i].detections != 0; i = (i + 1) & mask) {
    const Entry& e = table_[i];
    if (e.hash != hash_ || e.label_length != label.size() || e.text_length != text.size()) continue;
    std::string_view key(arena_.data() + e.offset, e.label_length + e.text_length);
    if (key.substr(0, label.size()) == label && key.substr(label.size()) == text) {
      return &results_[e.detections - 1];
    }
  }
  return nullptr;
}

bool CellMemo::Admit() {
  uint64_t& slot = seen_[(hash_ >> 20) & (kSeenSlots - 1)];
  if (slot == hash_) return true;
  slot = hash_;
  return false;
}

void CellMemo::Store(std::string_view label, std::string_view text,
                     std::span<const Detection> detections) {
  if (label.size() > UINT16_MAX || text.size() > UINT16_MAX) return;
  if (used_ >= kMaxEntries) Clear();
  const size_t mask = table_.size() - 1;
  size_t i = hash_ & mask;
  while (table_[i].detections != 0) i = (i + 1) & mask;
  results_.emplace_back(detections.begin(), detections.end());
  table_[i] = Entry{hash_, static_cast<uint32_t>(arena_.size()), static_cast<uint16_t>(label.size()),
                    static_cast<uint16_t>(text.size()), static_cast<uint32_t>(results_.size())};
  arena_ += label;
  arena_ += text;
  ++used_;
}

void CellMemo::Clear() {
  std::fill(table_.begin(), table_.end(), Entry{});
  arena_.clear();
  results_.clear();
  used_ = 0;
}

}  // namespace piiscan::detectors
