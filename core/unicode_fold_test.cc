#include "core/unicode_fold.h"

#include <gtest/gtest.h>

namespace piiscan {
namespace {

TEST(UnicodeFold, AsciiIsNotCopied) {
  std::string s = "plain text 123";
  FoldedText f(s);
  EXPECT_FALSE(f.changed());
  EXPECT_EQ(f.text().data(), s.data());
}

TEST(UnicodeFold, FoldsAndMapsBack) {
  // "1\u00A02\u00AD3\uFF14" -> "1 234"
  std::string s = "1\xC2\xA0" "2\xC2\xAD" "3\xEF\xBC\x94";
  FoldedText f(s);
  EXPECT_EQ(f.text(), "1 234");
  EXPECT_EQ(f.ToOriginal(0), 0u);
  EXPECT_EQ(f.ToOriginal(2), 3u);   // '2'
  EXPECT_EQ(f.ToOriginal(3), 6u);   // '3' after the dropped soft hyphen
  EXPECT_EQ(f.ToOriginal(5), s.size());
}

TEST(UnicodeFold, KeepsOtherNonAscii) {
  FoldedText f("M\xC3\xBCller \xE2\x80\x93 06");
  EXPECT_EQ(f.text(), "M\xC3\xBCller - 06");
}

}  // namespace
}  // namespace piiscan
