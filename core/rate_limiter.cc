#include "core/rate_limiter.h"

#include <thread>

namespace piiscan {

void RateLimiter::Acquire(uint64_t bytes) {
  if (rate_ <= 0 || bytes == 0) return;
  Clock::time_point start;
  {
    std::lock_guard lock(mu_);
    start = std::max(Clock::now(), next_);
    next_ = start + std::chrono::duration_cast<Clock::duration>(
                        std::chrono::duration<double>(static_cast<double>(bytes) / rate_));
  }
  std::this_thread::sleep_until(start);
}

}  // namespace piiscan
