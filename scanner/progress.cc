#include "scanner/progress.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>

namespace piiscan::scanner {

ProgressLine::ProgressLine(const ProgressCounters& counters, bool enabled) : c_(counters) {
  if (enabled && ::isatty(STDERR_FILENO)) {
    thread_ = std::jthread([this](std::stop_token st) { Loop(st); });
  }
}

ProgressLine::~ProgressLine() {
  if (thread_.joinable()) {
    thread_.request_stop();
    thread_.join();
    std::fprintf(stderr, "\r\033[K");
  }
}

void ProgressLine::Loop(std::stop_token stop) {
  auto start = std::chrono::steady_clock::now();
  while (!stop.stop_requested()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    uint64_t done = c_.files_done.load(), found = c_.files_found.load();
    double mb = static_cast<double>(c_.bytes_done.load()) / 1e6;
    char eta[64] = "";
    if (c_.walk_done.load() && done > 0 && found > done) {
      double left = secs * static_cast<double>(found - done) / static_cast<double>(done);
      std::snprintf(eta, sizeof eta, ", ETA %.0f s", left);
    }
    std::fprintf(stderr, "\r\033[K%llu/%llu%s files, %.1f MB, %.1f MB/s, %llu findings%s",
                 static_cast<unsigned long long>(done), static_cast<unsigned long long>(found),
                 c_.walk_done.load() ? "" : "+", mb, secs > 0 ? mb / secs : 0.0,
                 static_cast<unsigned long long>(c_.findings.load()), eta);
    std::fflush(stderr);
  }
}

}  // namespace piiscan::scanner
