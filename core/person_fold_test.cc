#include "core/person_fold.h"

#include <gtest/gtest.h>

namespace piiscan {
namespace {

TEST(PersonFoldTest, PlainTextIsNotCopied) {
  std::string s = "Jan de Vries woont hier.";
  PersonFoldedText f(s);
  EXPECT_EQ(f.text(), s);
  EXPECT_EQ(f.text().data(), s.data());
  EXPECT_EQ(f.ToOriginal(4), 4u);
}

TEST(PersonFoldTest, DiacriticsToAsciiBase) {
  EXPECT_EQ(FoldForMatching("Müller Çelik Ñúñez Øster Straße ĳsbeer Łukasz Ștefan"),
            "Muller Celik Nunez Oster Strasse ijsbeer Lukasz Stefan");
  // Decomposed form (u + combining diaeresis) folds the same.
  EXPECT_EQ(FoldForMatching("Mu\xCC\x88ller"), "Muller");
  // × and ÷ are not letters: left alone.
  EXPECT_EQ(FoldForMatching("2×3"), "2×3");
}

TEST(PersonFoldTest, WhiteSpaceRunsAndLookAlikes) {
  EXPECT_EQ(FoldForMatching("Jan\r\n  de\tVries"), "Jan de Vries");
  EXPECT_EQ(FoldForMatching("Jan\xC2\xA0" "de\xE2\x80\xAFVries"), "Jan de Vries");  // nbsp, narrow nbsp
  EXPECT_EQ(FoldForMatching("D\xE2\x80\x99Souza"), "D'Souza");
  EXPECT_EQ(FoldForMatching("06\xE2\x80\x93" "12345678"), "06-12345678");  // en dash
  EXPECT_EQ(FoldForMatching("  x  "), "x");
  EXPECT_EQ(FoldForMatching("De Vries,\r\n\r\nJ.P."), "De Vries,\nJ.P.");
  EXPECT_EQ(FoldForMatching("De Vries,\nJ.P. en Vries,  J."), "De Vries,\nJ.P. en Vries, J.");
}

TEST(PersonFoldTest, OffsetsMapBackToTheOriginal) {
  // "Zoë  Müller\nKerkstraat": every change shifts offsets.
  std::string s = "Zo\xC3\xAB  M\xC3\xBCller\nKerk\xC2\xA0straat";
  PersonFoldedText f(s);
  ASSERT_EQ(f.text(), "Zoe Muller Kerk straat");
  auto orig = [&](std::string_view word) {
    auto b = f.text().find(word);
    return s.substr(f.ToOriginal(b), f.ToOriginal(b + word.size()) - f.ToOriginal(b));
  };
  EXPECT_EQ(orig("Zoe"), "Zo\xC3\xAB");
  EXPECT_EQ(orig("Muller"), "M\xC3\xBCller");
  EXPECT_EQ(orig("Kerk straat"), "Kerk\xC2\xA0straat");
  EXPECT_EQ(f.ToOriginal(f.text().size()), s.size());
}

TEST(PersonFoldTest, TruncatedUtf8IsLeftAlone) {
  std::string s = "abc\xC3";
  PersonFoldedText f(s);
  EXPECT_EQ(f.text(), s);
}

}  // namespace
}  // namespace piiscan
