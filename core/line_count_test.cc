// CountNewlines against a byte-by-byte count: every length around the SIMD
// step, newlines at every position, and runs long enough to wrap the
// per-byte counters (more than 255 steps of 16 bytes).
#include "core/line_count.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace piiscan {
namespace {

uint64_t Naive(std::string_view s) { return static_cast<uint64_t>(std::count(s.begin(), s.end(), '\n')); }

TEST(LineCount, MatchesAByteByByteCount) {
  for (size_t len = 0; len < 70; ++len) {
    for (size_t every = 1; every < 6; ++every) {
      std::string s(len, 'x');
      for (size_t i = 0; i < len; i += every) s[i] = '\n';
      EXPECT_EQ(CountNewlines(s), Naive(s)) << len << " " << every;
      EXPECT_EQ(CountNewlines(std::string_view(s).substr(len / 3)), Naive(std::string_view(s).substr(len / 3)));
    }
  }
}

TEST(LineCount, AllNewlinesOverManyStepsDoNotOverflow) {
  std::string s(16 * 1000 + 7, '\n');
  EXPECT_EQ(CountNewlines(s), s.size());
  std::string mixed;
  for (int i = 0; i < 100000; ++i) mixed += (i % 3 == 0) ? "\n" : "regel\r\n\xC3\xA9";
  EXPECT_EQ(CountNewlines(mixed), Naive(mixed));
}

}  // namespace
}  // namespace piiscan
