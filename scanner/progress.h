#pragma once
// The live progress line on a terminal: files, MB, MB/s, findings and an ETA
// once the walk has finished counting. Drawn by its own thread four times a
// second from atomic counters; cleared at the end.

#include <atomic>
#include <cstdint>
#include <thread>

namespace piiscan::scanner {

struct ProgressCounters {
  std::atomic<uint64_t> files_found{0};
  std::atomic<bool> walk_done{false};
  std::atomic<uint64_t> files_done{0};
  std::atomic<uint64_t> bytes_done{0};
  std::atomic<uint64_t> findings{0};
};

class ProgressLine {
 public:
  // Draws only when `enabled` and stderr is a terminal.
  ProgressLine(const ProgressCounters& counters, bool enabled);
  ~ProgressLine();  // stops and clears the line

 private:
  void Loop(std::stop_token stop);
  const ProgressCounters& c_;
  std::jthread thread_;
};

}  // namespace piiscan::scanner
