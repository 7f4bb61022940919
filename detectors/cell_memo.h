#pragma once
// Remembers the detections of short table cells by their column label and
// text, so that a cell seen before is not scanned again: a CSV export or a
// spreadsheet repeats its statuses, dates, names and customers' identifiers
// thousands of times, and a cell's detections depend only on its text, its
// label and (rarely, see EngineScanner::Scan) its row.
//
// Built for the cache: one 64-byte entry per cell holds the hash, the
// column and the text itself, so a lookup touches one cache line (in huge
// pages, huge_table.h). A column whose cells rarely repeat (order numbers,
// free text) is not memoised. Which columns repeat is judged by a sample,
// not by the memo's own hits: one cell in sixteen (by hash, so a value is
// always or never sampled) goes to a small direct-mapped table of
// fingerprints, and a column whose sampled cells were seen there before at
// least one time in six is memoised. The sample sees a value recur across
// a whole column (a customer's IBAN every ~80,000 rows of an export),
// where a memo judged by its hits over its last thousand lookups only saw
// statuses and dates repeat. Bounded: when full, the memo forgets
// everything and fills again.
//
// Thread safety: none; one per EngineScanner (one thread).

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "detectors/detection.h"
#include "detectors/huge_table.h"

namespace piiscan::detectors {

class CellMemo {
 public:
  // Cells longer than this are scanned every time (the text is kept inline).
  static constexpr size_t kMaxCell = 44;

  // What the memo holds for a cell: its detections, and one word per
  // detection for the caller to remember something about it while the memo
  // keeps it (the finding aggregator's slot, FindingAggregator::Slot); 0
  // when stored. Valid until the next Store or Find.
  struct Hit {
    std::span<const Detection> detections;
    std::span<uint64_t> tags;
  };
  // True, with `hit` set, when the cell (label, text) is stored. After
  // false, Storable() says whether to Store the cell's detections. A cell
  // handed with its row's texts and one handed without are apart
  // (`has_row`): the engine judges a BSN in a row-less cell by its own
  // text alone.
  bool Find(std::string_view label, bool has_row, std::string_view text, Hit& hit);
  bool Storable() const { return storable_; }
  // Stores the detections of the cell of the last Find (when Storable();
  // the label and text that Find was given must still be valid);
  // returns their tags (empty when not stored), so that the caller can tag
  // the first sighting's findings too. Valid until the next Store or Find.
  std::span<uint64_t> Store(std::span<const Detection> detections);

 private:
  // A cell's detections are pool_[first - 1, first - 1 + count). The tag
  // of a cell's only detection (most cells with any) is kept here, in the
  // line the lookup read anyway; those of more are in tags_.
  struct alignas(64) Entry {
    uint32_t hash = 0;   // the low half of the cell's hash
    uint32_t first = 0;  // 0: empty slot
    uint64_t tag = 0;
    uint16_t column = 0;
    uint8_t length = 0;
    uint8_t count = 0;
    char text[kMaxCell] = {};
  };
  static_assert(sizeof(Entry) == 64);
  struct Column {
    std::string label;
    bool has_row = false;
    uint32_t sampled = 0, seen = 0;  // sampled cells since the last review; seen before
    bool on = true;
  };
  uint16_t ColumnOf(std::string_view label, bool has_row);
  // Samples the cell of hash_ into its column's judgement; false while
  // the column is left out.
  bool Judge(Column& c);
  void Reset(size_t slots);

  std::vector<Column> columns_;
  uint16_t last_column_ = 0;
  std::vector<uint32_t> sample_;  // fingerprints of sampled cells, direct-mapped
  HugeTable<Entry> table_;        // open addressing, power of two
  size_t used_ = 0;
  // The stored cells' detections one after the other (one allocation, and
  // a hit reads one place), and their tags.
  std::vector<Detection> pool_;
  std::vector<uint64_t> tags_;
  // The last Find: its cell, for Store.
  bool storable_ = false;
  uint64_t hash_ = 0;
  uint16_t column_ = 0;
  std::string_view text_;
};

}  // namespace piiscan::detectors
