#include "core/rate_limiter.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace piiscan {
namespace {

// Wall time bounds from below only: a busy machine can only make it slower.
TEST(RateLimiter, HoldsTheAverageRateAcrossThreads) {
  RateLimiter limiter(1'000'000);  // 1 MB/s
  auto t0 = std::chrono::steady_clock::now();
  std::vector<std::jthread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 5; ++i) limiter.Acquire(10'000);  // 4 x 5 x 10 kB = 200 kB
    });
  threads.clear();
  auto took = std::chrono::steady_clock::now() - t0;
  // The first read goes at once; the other 190 kB wait their turn: >= 0.19 s.
  EXPECT_GE(took, std::chrono::milliseconds(185));
}

TEST(RateLimiter, NoRateMeansNoWait) {
  RateLimiter limiter(0);
  auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < 1000; ++i) limiter.Acquire(1 << 30);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(100));
}

}  // namespace
}  // namespace piiscan
