// WindowMatcher must find exactly what one RE2 search per window finds,
// whichever path it takes (by shape, joined, one by one): a differential
// test over the real numeric patterns of the rule set and patterns made to
// break the joined search (matches that can run across the separator,
// empty matches, an optional value group), on real text (the seeds) and on
// text dense with digits, separators and line ends.
#include "detectors/window_matcher.h"

#include <gtest/gtest.h>

#include <random>
#include <tuple>

#include "detectors/numeric_tokens.h"
#include "rules/rule_loader.h"
#include "tests/support/test_support.h"

namespace piiscan::detectors {
namespace {

auto Key(const WindowMatch& m) { return std::tie(m.window, m.begin, m.end, m.value_begin, m.value_end); }

std::string DigitDenseText(uint32_t seed, size_t size) {
  std::mt19937 rng(seed);
  const std::string alphabet = "0123456789012345678901234567890123456789 .-/()+\nBNLab,:";
  std::string text;
  while (text.size() < size) text.push_back(alphabet[rng() % alphabet.size()]);
  return text;
}

std::string SeedsText() {
  return "Tel. 06-12345678, BSN 111222333, KvK 1234 5678, NL91ABNA0417164300.\n" + testing::SeedsText();
}

// Windows as the engine makes them (tokens plus some bytes around), and a
// few arbitrary overlapping ones.
std::vector<std::pair<uint32_t, uint32_t>> Windows(std::string_view text, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<NumericToken> tokens;
  FindNumericTokens(text, tokens);
  std::vector<std::pair<uint32_t, uint32_t>> windows;
  for (const auto& t : tokens) {
    uint32_t before = rng() % 3 == 0 ? rng() % 6 : 0, after = rng() % 3 == 0 ? rng() % 6 : 0;
    uint32_t b = t.begin > before ? t.begin - before : 0;
    uint32_t e = std::min<uint32_t>(static_cast<uint32_t>(text.size()), t.end + after);
    windows.push_back({b, e});
  }
  for (int i = 0; i < 50 && text.size() > 400; ++i) {
    uint32_t b = rng() % static_cast<uint32_t>(text.size() - 300);
    windows.push_back({b, b + 1 + rng() % 299});
  }
  return windows;
}

void ExpectSameAsOneByOne(const std::string& pattern, std::string_view text, uint32_t seed) {
  SCOPED_TRACE(pattern);
  RE2 re(pattern);
  ASSERT_TRUE(re.ok()) << re.error();
  int group = re.NumberOfCapturingGroups() >= 1 ? 1 : 0;
  auto windows = Windows(text, seed);
  std::vector<WindowMatch> want;
  for (uint32_t k = 0; k < windows.size(); ++k) {
    ForEachMatch(re, group, text, windows[k].first, windows[k].second, k, want);
  }
  WindowMatcher matcher(re, group, pattern);
  for (int round = 0; round < 2; ++round) {  // the second round runs on remembered shapes
    matcher.Clear();
    for (auto [b, e] : windows) matcher.Add(b, e);
    std::vector<WindowMatch> got;
    matcher.Run(text, got);
    ASSERT_EQ(got.size(), want.size()) << "round " << round;
    for (size_t i = 0; i < got.size(); ++i) {
      ASSERT_EQ(Key(got[i]), Key(want[i])) << "match " << i << " round " << round;
    }
  }
}

std::vector<std::string> Patterns() {
  std::vector<std::string> patterns = {
      "([0-9]+\\s[0-9]+)",          // runs across the '\n' between joined windows
      "([0-9 \\n]+)",               // idem, greedily
      "[0-9]*",                     // empty matches everywhere
      "(x)?[0-9]{3}",               // value group that may not take part
      "(0[1-9])(?:[ -]?[0-9]){3}",  // value is a part of the match
      "([0-9]{2}[\\n ][0-9]{2})",
      // The same kinds, made to tell digits apart: they take the joined search.
      "(1[0-9]*\\s[0-9]+)",
      "(1[0-9 \\n]+)",
      "[1-9]*",
      "(x)?1[0-9]{2}",
  };
  auto rules = rules::LoadEmbeddedRules();
  EXPECT_TRUE(rules.has_value());
  if (rules) {
    for (const auto& s : rules->detectors) {
      if (s.trigger == "numeric") patterns.push_back(s.pattern);
    }
  }
  return patterns;
}

TEST(WindowMatcher, FindsWhatOneSearchPerWindowFinds) {
  const std::string seeds = SeedsText();
  const std::string dense = DigitDenseText(7, 60000);
  for (const auto& p : Patterns()) {
    ExpectSameAsOneByOne(p, seeds, 1);
    ExpectSameAsOneByOne(p, dense, 2);
  }
}

TEST(ForEachMatch, StopsAtTheFirstMatchBeginningAtOrAfterStopAt) {
  RE2 re("([a-z]+@[a-z]+\\.nl)");
  const std::string text = "aan jan@voorbeeld.nl en piet@voorbeeld.nl of kees@voorbeeld.nl.";
  const auto second = static_cast<uint32_t>(text.find("piet"));
  const auto n = static_cast<uint32_t>(text.size());
  std::vector<WindowMatch> all, upto_second, upto_first;
  ForEachMatch(re, 0, text, 0, n, 0, all);
  ForEachMatch(re, 0, text, 0, n, 0, upto_second, second + 1);
  ForEachMatch(re, 0, text, 0, n, 0, upto_first, second);
  ASSERT_EQ(all.size(), 3u);
  ASSERT_EQ(upto_second.size(), 2u);  // piet@ begins before the stop: taken
  EXPECT_EQ(upto_second[1].begin, second);
  ASSERT_EQ(upto_first.size(), 1u);   // begins at the stop: not taken
  EXPECT_EQ(upto_first[0].begin, text.find("jan"));
}

TEST(WindowMatcher, RealNumericPatternsTakeTheFastPaths) {
  auto rules = rules::LoadEmbeddedRules();
  ASSERT_TRUE(rules.has_value());
  int blind = 0, context_free = 0;
  for (const auto& s : rules->detectors) {
    if (s.trigger != "numeric") continue;
    blind += IsDigitBlind(s.pattern);
    context_free += IsContextFree(s.pattern);
  }
  EXPECT_GE(blind, 4);  // bsn, kvk, creditcard, drivers licence, btw
  EXPECT_EQ(context_free, std::count_if(rules->detectors.begin(), rules->detectors.end(),
                                        [](const auto& s) { return s.trigger == "numeric"; }));
}

TEST(WindowMatcher, DigitBlindnessIsConservative) {
  EXPECT_TRUE(IsDigitBlind("([0-9]{9}|[0-9]{4}\\.[0-9]{2}\\.[0-9]{3})"));
  EXPECT_TRUE(IsDigitBlind("\\d{3}[^0-9]x{2,}"));
  EXPECT_TRUE(IsDigitBlind("(?i)nl[0-9 .-]{2,10}b"));
  EXPECT_FALSE(IsDigitBlind("0[1-9][0-9]{7}"));  // a literal 0, a class 1-9
  EXPECT_FALSE(IsDigitBlind("[0-8]{3}"));
  EXPECT_FALSE(IsDigitBlind("\\x30{3}"));
  EXPECT_FALSE(IsDigitBlind("a{b1}"));  // not a count: a literal '1'
  EXPECT_FALSE(IsDigitBlind("^[0-9]{9}"));
  EXPECT_FALSE(IsDigitBlind("\\b[0-9]{9}\\b"));
  EXPECT_TRUE(IsContextFree("\\+31[ .-]?[1-9][0-9]{8}"));
  EXPECT_TRUE(IsContextFree("[$^]"));  // members of a class, not anchors
  EXPECT_FALSE(IsContextFree("[0-9]+$"));
  EXPECT_FALSE(IsContextFree("\\A[0-9]"));
}

}  // namespace
}  // namespace piiscan::detectors
