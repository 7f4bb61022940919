// IsValidUtf8 with its ASCII fast path: an invalid or truncated sequence is
// caught wherever it sits relative to the eight-byte steps.
#include "core/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace piiscan {
namespace {

TEST(Utf8, ValidTextAtEveryAlignmentIsValid) {
  for (size_t pad = 0; pad < 20; ++pad) {
    std::string ascii(pad, 'a');
    EXPECT_TRUE(IsValidUtf8(ascii));
    EXPECT_TRUE(IsValidUtf8(ascii + "Caf\xC3\xA9 \xE2\x82\xAC 10 \xF0\x9F\x98\x80" + ascii));
  }
}

TEST(Utf8, InvalidSequencesAtEveryAlignmentAreCaught) {
  const std::string bad[] = {
      "\x80",              // continuation byte without a lead
      "\xC3",              // truncated two-byte sequence
      "\xC0\xAF",          // overlong '/'
      "\xED\xA0\x80",      // UTF-16 surrogate
      "\xF4\x90\x80\x80",  // above U+10FFFF
      "\xE2\x82",          // truncated three-byte sequence
      "\xFF",
  };
  for (const auto& b : bad) {
    for (size_t pad = 0; pad < 20; ++pad) {
      std::string ascii(pad, 'x');
      EXPECT_FALSE(IsValidUtf8(ascii + b)) << pad;
      EXPECT_FALSE(IsValidUtf8(ascii + b + ascii + ascii)) << pad;
    }
  }
}

TEST(Utf8, SanitizeReplacesOnlyWhatIsInvalid) {
  EXPECT_EQ(SanitizeUtf8("abc\xFF" "def\xC3\xA9"), "abc\xEF\xBF\xBD" "def\xC3\xA9");
}

}  // namespace
}  // namespace piiscan
