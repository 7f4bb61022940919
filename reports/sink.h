#pragma once
// Where scan results go. One reporter thread feeds every sink, one top-level
// file at a time, so sinks need no locks and output stays grouped per file.
// Sinks: JSONL, CSV (this folder), later SQLite and HTML.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/scan_info.h"
#include "core/status.h"

namespace piiscan::reports {

struct ScanSummary {
  uint64_t files = 0;             // top-level files handed to extractors
  uint64_t bytes = 0;             // their size on disk
  uint64_t text_bytes = 0;        // text handed to the detectors
  uint64_t findings = 0;          // records: distinct values per file, location and detector
  uint64_t occurrences = 0;       // the sum of their counts
  double seconds = 0;
  bool interrupted = false;
  std::map<std::string, uint64_t> by_status;    // "encrypted" -> files
  std::map<std::string, uint64_t> by_detector;  // "iban" -> findings
  std::map<std::string, uint64_t> by_type;      // sniffed type -> files
};

// The reporter thread calls Begin once, before any Item, then Item per
// top-level file (or part of one), then Finish once.
class Sink {
 public:
  virtual ~Sink() = default;
  // The scan's identity, before the first finding (the JSONL sink writes it
  // as its header record; a store keys the run by it).
  virtual void Begin(const ScanInfo& info) { (void)info; }
  virtual void Item(const ItemReport& report) = 0;
  // Flushes; returns false when the output could not be written.
  virtual bool Finish(const ScanSummary& summary) = 0;
};

}  // namespace piiscan::reports
