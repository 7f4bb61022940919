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
  uint64_t text_window = 256ULL << 10;         // detection window for long texts (fits L2 with its passes' data)
  uint64_t text_overlap = 4096;                // overlap between windows
};

}  // namespace piiscan
