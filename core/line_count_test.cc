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

TEST(LineCursor, AnswersEveryOffsetInAnyOrderAsACountFromTheStartWould) {
  std::string text;
  for (int i = 0; i < 3000; ++i) text += std::string(static_cast<size_t>(i % 97), 'x') + (i % 5 ? "\n" : "\n\n");
  const uint64_t first = 41;  // line number at offset 100
  LineCursor cursor(text, first, 100);
  auto expected = [&](uint64_t off) {
    return off >= 100 ? first + Naive(std::string_view(text).substr(100, off - 100))
                      : first - Naive(std::string_view(text).substr(off, 100 - off));
  };
  // Forwards, a step back (the overlap of the next window), far forwards,
  // back before the start, and the very end.
  for (uint64_t off : {100ul, 101ul, 5000ul, 4990ul, 4990ul, 60000ul, 0ul, 99ul, text.size(), 7ul}) {
    EXPECT_EQ(cursor.LineAt(off), expected(off)) << off;
  }
}

}  // namespace
}  // namespace piiscan
