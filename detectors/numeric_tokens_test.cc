#include "detectors/numeric_tokens.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

namespace piiscan::detectors {
namespace {

std::vector<std::string> Tokens(std::string_view text) {
  std::vector<NumericToken> t;
  FindNumericTokens(text, t);
  std::vector<std::string> out;
  for (auto x : t) out.emplace_back(text.substr(x.begin, x.end - x.begin));
  return out;
}

TEST(NumericTokens, JoinsGroupsAndLeadingSigns) {
  EXPECT_EQ(Tokens("tel +31 (0)20 123 4567 ok"), std::vector<std::string>{"+31 (0)20 123 4567"});
  EXPECT_EQ(Tokens("088 - 695 05 00."), std::vector<std::string>{"088 - 695 05 00"});
  EXPECT_EQ(Tokens("a 12, b 34"), (std::vector<std::string>{"12", "34"}));
}

TEST(NumericTokens, FindsDigitsAcrossTheVectorBoundary) {
  std::string text(15, 'x');
  text += "123456789";  // starts at byte 15, straddling the first 16-byte block
  text += std::string(40, 'y') + "7";
  EXPECT_EQ(Tokens(text), (std::vector<std::string>{"123456789", "7"}));
}

TEST(NumericTokens, CountsDigits) {
  std::vector<NumericToken> t;
  FindNumericTokens("1234.56.782", t);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].digits, 9);
}

}  // namespace
}  // namespace piiscan::detectors

namespace piiscan::detectors {
namespace {

TEST(NumericTokens, LongestStretchBreaksOnlyAtTheGivenSeparators) {
  std::string text = "op 13-08-2024 en 123 456 789 en (020) 123-4567";
  std::vector<NumericToken> t;
  FindNumericTokens(text, t);
  ASSERT_EQ(t.size(), 3u);
  const uint8_t dash = SeparatorBit('-'), space = SeparatorBit(' '), parens = SeparatorBit('(') | SeparatorBit(')');
  EXPECT_EQ(LongestDigitStretch(text, t[0], dash), 4);
  EXPECT_EQ(LongestDigitStretch(text, t[0], space), 8);
  EXPECT_EQ(LongestDigitStretch(text, t[1], space), 3);
  EXPECT_EQ(LongestDigitStretch(text, t[1], dash), 9);
  EXPECT_EQ(LongestDigitStretch(text, t[2], parens), 7);
  EXPECT_EQ(LongestDigitStretch(text, t[2], 0), 10);
  EXPECT_EQ(SeparatorBit('x'), 0);
}

}  // namespace
}  // namespace piiscan::detectors

namespace piiscan::detectors {
namespace {

TEST(NumericTokens, RecordTheSeparatorsBetweenTheirDigits) {
  std::vector<NumericToken> t;
  FindNumericTokens("(020) 123-4567 en 12345678 en 1.234. ", t);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].separators, SeparatorBit(')') | SeparatorBit(' ') | SeparatorBit('-'));  // not the leading '('
  EXPECT_EQ(t[1].separators, 0);
  EXPECT_EQ(t[2].separators, SeparatorBit('.'));  // not the trailing ". "
}

// The shortcut for tokens without breaking separators gives what walking
// the token gives, on text dense with digits and separators.
TEST(NumericTokens, LongestStretchAgreesWithAWalkOverTheToken) {
  std::mt19937 rng(5);
  const std::string alphabet = "0123456789 .-/()+x";
  std::string text;
  for (int i = 0; i < 20000; ++i) text.push_back(alphabet[rng() % alphabet.size()]);
  std::vector<NumericToken> tokens;
  FindNumericTokens(text, tokens);
  ASSERT_GT(tokens.size(), 100u);
  for (const auto& tok : tokens) {
    for (uint8_t breaking = 0; breaking < 64; breaking += 5) {
      uint16_t best = 0, run = 0;
      for (uint32_t i = tok.begin; i < tok.end; ++i) {
        if (text[i] >= '0' && text[i] <= '9') best = std::max<uint16_t>(best, ++run);
        else if (SeparatorBit(text[i]) & breaking) run = 0;
      }
      ASSERT_EQ(LongestDigitStretch(text, tok, breaking), best) << text.substr(tok.begin, tok.end - tok.begin);
    }
  }
}

}  // namespace
}  // namespace piiscan::detectors

namespace piiscan::detectors {
namespace {

// The tokenizer before the digit bitmap: a search for the next digit, then
// byte by byte. The bitmap version must give exactly its tokens.
std::vector<NumericToken> ByteByByte(std::string_view text) {
  auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  auto is_sep = [](char c) { return c == ' ' || c == '.' || c == '-' || c == '/' || c == '(' || c == ')'; };
  std::vector<NumericToken> out;
  const size_t n = text.size();
  size_t i = 0;
  while (true) {
    while (i < n && !is_digit(text[i])) ++i;
    if (i >= n) break;
    size_t begin = i;
    if (begin > 0 && (text[begin - 1] == '+' || text[begin - 1] == '(')) --begin;
    if (begin > 0 && text[begin] == '(' && text[begin - 1] == '+') --begin;
    uint32_t digits = 0;
    uint8_t separators = 0;
    size_t end = i;
    while (true) {
      while (i < n && is_digit(text[i])) ++i, ++digits;
      end = i;
      size_t j = i;
      uint8_t seen = 0;
      while (j < n && j - i < 3 && is_sep(text[j])) seen |= SeparatorBit(text[j++]);
      if (j > i && j < n && is_digit(text[j])) {
        separators |= seen;
        i = j;
        continue;
      }
      break;
    }
    out.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end),
                   static_cast<uint16_t>(digits > 65535 ? 65535 : digits), separators});
    i = end;
  }
  return out;
}

TEST(NumericTokens, BitmapTokenizerGivesWhatAByteByByteWalkGives) {
  std::mt19937 rng(17);
  const std::string alphabet = "0123456789 .-/()+xy\n";
  NumericTokenizer tokenizer;  // reused, as the engine does
  for (int round = 0; round < 300; ++round) {
    std::string text;
    size_t len = rng() % 700;
    while (text.size() < len) {
      // Digit runs that end on every alignment, long runs, and gaps longer
      // than a 64-byte word.
      int kind = static_cast<int>(rng() % 8);
      if (kind == 0) text += std::string(rng() % 150, 'z');
      else if (kind == 1) text += std::string(rng() % 130, '7');
      else text.push_back(alphabet[rng() % alphabet.size()]);
    }
    for (size_t from : {size_t{0}, text.size() / 3}) {
      std::string_view view = std::string_view(text).substr(from);
      std::vector<NumericToken> got;
      tokenizer.Find(view, got);
      auto want = ByteByByte(view);
      ASSERT_EQ(got.size(), want.size()) << view;
      for (size_t k = 0; k < got.size(); ++k) {
        ASSERT_EQ(got[k].begin, want[k].begin) << view;
        ASSERT_EQ(got[k].end, want[k].end) << view;
        ASSERT_EQ(got[k].digits, want[k].digits) << view;
        ASSERT_EQ(got[k].separators, want[k].separators) << view;
      }
    }
  }
  std::vector<NumericToken> none;
  tokenizer.Find("", none);
  EXPECT_TRUE(none.empty());
  tokenizer.Find(std::string(70000, '9'), none);  // digits saturate
  ASSERT_EQ(none.size(), 1u);
  EXPECT_EQ(none[0].digits, 65535);
}

}  // namespace
}  // namespace piiscan::detectors
