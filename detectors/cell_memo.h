#pragma once
// Remembers the detections of short table cells by their column label and
// text, so that a cell seen before is not scanned again: a CSV export or a
// spreadsheet repeats its statuses, dates, names and customers' identifiers
// thousands of times, and a cell's detections depend only on its text, its
// label and (rarely, see EngineScanner::Scan) its row.
//
// Built for the cache: one 64-byte entry per cell holds the hash, the
// column and the text itself, so a lookup touches one cache line. A column
// whose cells rarely repeat (order numbers, free text) is not memoised: each
// column keeps its hit rate over its last lookups and is left out while it
// stays below one in eight, with a fresh trial now and then. Bounded: when
// full, the memo forgets everything and fills again.
//
// Thread safety: none; one per EngineScanner (one thread).

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "detectors/detection.h"

namespace piiscan::detectors {

class CellMemo {
 public:
  // Cells longer than this are scanned every time (the text is kept inline).
  static constexpr size_t kMaxCell = 48;

  // The stored detections of the cell (label, text), or null. After null,
  // Storable() says whether to Store the cell's detections. A cell handed
  // with its row's texts and one handed without are apart (`has_row`): the
  // engine judges a BSN in a row-less cell by its own text alone.
  const std::vector<Detection>* Find(std::string_view label, bool has_row, std::string_view text);
  bool Storable() const { return storable_; }
  // Stores the detections of the cell of the last Find (when Storable()).
  void Store(std::span<const Detection> detections);

 private:
  struct alignas(64) Entry {
    uint64_t hash = 0;
    uint32_t result = 0;  // 0: empty slot; 1: no detections; else results_[result - 2]
    uint16_t column = 0;
    uint8_t length = 0;
    char text[kMaxCell + 1] = {};
  };
  static_assert(sizeof(Entry) == 64);
  struct Column {
    std::string label;
    bool has_row = false;
    uint32_t lookups = 0, hits = 0;  // since the column's last review
    uint32_t skipped = 0;            // while off: lookups left out since
    bool on = true;
  };
  uint16_t ColumnOf(std::string_view label, bool has_row);
  void Reset(size_t slots);

  std::vector<Column> columns_;
  uint16_t last_column_ = 0;
  std::vector<Entry> table_;  // open addressing, power of two
  size_t used_ = 0;
  std::vector<std::vector<Detection>> results_;
  // The last Find: its cell, for Store.
  bool storable_ = false;
  uint64_t hash_ = 0;
  uint16_t column_ = 0;
  std::string_view text_;
};

}  // namespace piiscan::detectors
