#pragma once
// Every limit of a scan, in one place. Containers (archives, mailboxes,
// documents with embedded objects) expand under one budget per top-level file:
// reaching a limit becomes a StatusRecord{kLimit} naming the limit, and the
// scan goes on with the next file.

#include <chrono>
#include <cstdint>

namespace piiscan {

struct Limits {
  uint64_t max_file_size = 0;                  // 0 = no limit (top-level files)
  int max_depth = 8;                           // container nesting
  uint64_t max_expanded_bytes = 4ULL << 30;    // bytes expanded per top-level file
  double max_ratio = 200.0;                    // expanded / compressed per member
  uint64_t max_members = 1000000;              // children per top-level file (an
                                               // mbox of a million messages is real)
  uint64_t max_member_size = 1ULL << 30;       // one decompressed member
  // Decompressed members held whole in memory by one worker at a time, all
  // nesting levels together (zip in zip, OOXML, PDF need their whole bytes;
  // text streams through in windows instead). 2 workers stay under 200 MB.
  uint64_t max_member_in_memory = 64ULL << 20;
  std::chrono::seconds max_time_per_file{600}; // wall time per top-level file
  // Extractors that call third-party libraries (the format module: Poppler,
  // GMime, libpff, libolecf, libxml2, libarchive) run in a helper process
  // per worker (formats/isolation.h), so that a crash or an endless loop in
  // a library costs one file, not the scan.
  bool isolate_extractors = true;
  // --file-timeout: a helper that sends nothing (no text, no problem) for
  // this long is ended and the file gets a `limit` status (file_timeout).
  std::chrono::seconds file_timeout{60};
  // Address space a helper may add while reading one item, besides the
  // item's own bytes; an item over it gets a `limit` status
  // (max_extractor_memory). Not enforced in sanitizer builds.
  uint64_t max_extractor_memory = 512ULL << 20;
  uint64_t text_window = 256ULL << 10;         // detection window for long texts (fits L2 with its passes' data)
  uint64_t text_overlap = 4096;                // overlap between windows
};

// What one top-level file has used of its Limits so far. Kept by the
// scanner's ItemContext; handed to an extractor helper process and back
// (formats/isolation.h), so it is plain data.
struct FileBudget {
  int depth = 0;
  uint64_t members = 0;
  uint64_t expanded = 0;
  int64_t deadline_ns = 0;  // steady_clock (CLOCK_MONOTONIC, the same in every process)
  bool exhausted = false;
  bool depth_reported = false;
  bool deadline_reported = false;
};

}  // namespace piiscan
