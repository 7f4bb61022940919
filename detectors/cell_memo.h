#pragma once
// Remembers the detections of short table cells by their text and column
// label, so that a cell seen before is not scanned again: a CSV export or a
// spreadsheet repeats its statuses, dates, names and customers' identifiers
// thousands of times, and a cell's detections depend only on its text, its
// label and (rarely, see EngineScanner::Scan) its row.
//
// A cell is stored on its second sighting only: a direct-mapped array of
// hashes remembers first sightings (a collision there costs a memo entry,
// never a wrong answer: lookups compare the whole key), so that the unique
// cells of an export (order numbers, free text) do not push out the ones
// that repeat. Bounded: when full, the memo forgets everything and fills
// again.
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
  // Cells longer than this are scanned every time.
  static constexpr size_t kMaxCell = 256;

  CellMemo();

  // Looks up `label` + `text`; remembers the hash for Admit.
  // Returns the stored detections, or null when the cell is not stored.
  const std::vector<Detection>* Find(std::string_view label, std::string_view text);
  // After a Find that returned null: whether the cell was seen before (its
  // detections are worth storing), and marks it seen.
  bool Admit();
  // Stores the detections of the cell of the last Find.
  void Store(std::string_view label, std::string_view text, std::span<const Detection> detections);

 private:
  struct Entry {
    uint64_t hash = 0;
    uint32_t offset = 0;       // label then text, in arena_
    uint16_t label_length = 0, text_length = 0;
    uint32_t detections = 0;   // in results_, +1 (0: empty slot)
  };
  void Clear();

  uint64_t hash_ = 0;  // of the last Find
  std::vector<uint64_t> seen_;  // first sightings, direct-mapped
  std::vector<Entry> table_;    // open addressing, power of two
  size_t used_ = 0;
  std::string arena_;
  std::vector<std::vector<Detection>> results_;
};

}  // namespace piiscan::detectors
