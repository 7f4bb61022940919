#pragma once
// An average read-rate cap (`--max-rate MB/s`): every reader asks Acquire
// for the bytes it is about to read and is held back until they fit the
// rate. Readers are spaced on one schedule, so the average over any long
// stretch stays at or under the rate, whatever the number of threads; a
// single large file is let through at once and the next reads wait for it.
// Thread safe.

#include <chrono>
#include <cstdint>
#include <mutex>

namespace piiscan {

class RateLimiter {
 public:
  explicit RateLimiter(double bytes_per_second) : rate_(bytes_per_second) {}

  // Blocks until `bytes` may be read.
  void Acquire(uint64_t bytes);

 private:
  using Clock = std::chrono::steady_clock;
  double rate_;
  std::mutex mu_;
  Clock::time_point next_{};  // when the schedule is free again
};

}  // namespace piiscan
