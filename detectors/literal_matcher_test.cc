#include "detectors/literal_matcher.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace piiscan::detectors {
namespace {

std::vector<std::pair<uint32_t, uint64_t>> MatchAll(const LiteralMatcher& m, std::string_view text) {
  std::vector<LiteralMatcher::Match> got;
  m.NewScanner()->Scan(text, got);
  std::vector<std::pair<uint32_t, uint64_t>> out;
  for (auto x : got) out.emplace_back(x.id, x.end);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(LiteralMatcherTest, LiteralsCaselessAndExact) {
  auto m = LiteralMatcher::Build({{"de vries", true, true}, {"J.P.", true, false}, {"a+b", true, true}});
  ASSERT_TRUE(m) << m.error().message;
  // "." and "+" are literal, not regex syntax.
  EXPECT_EQ(MatchAll(**m, "J.P. De Vries, jxpx a+b aab"),
            (std::vector<std::pair<uint32_t, uint64_t>>{{0, 13}, {1, 4}, {2, 23}}));
  EXPECT_TRUE(MatchAll(**m, "j.p. DEVRIES").empty());
}

TEST(LiteralMatcherTest, RegexAlongsideLiterals) {
  auto m = LiteralMatcher::Build({{"6[^0-9A-Za-z]{0,3}1[^0-9A-Za-z]{0,3}2", false, false}, {"x", true, true}});
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_EQ(MatchAll(**m, "06-1 2 X"), (std::vector<std::pair<uint32_t, uint64_t>>{{0, 6}, {1, 8}}));
}

TEST(LiteralMatcherTest, EmptySetMatchesNothing) {
  auto m = LiteralMatcher::Build({});
  ASSERT_TRUE(m);
  EXPECT_TRUE(MatchAll(**m, "anything").empty());
}

TEST(LiteralMatcherTest, BadRegexIsNamed) {
  auto m = LiteralMatcher::Build({{"ok", true, true}, {"(unclosed", false, true}});
  ASSERT_FALSE(m);
  EXPECT_NE(m.error().message.find("pattern 1"), std::string::npos) << m.error().message;
}

TEST(LiteralMatcherTest, ScannersAreIndependent) {
  auto m = LiteralMatcher::Build({{"ab", true, true}});
  ASSERT_TRUE(m);
  auto s1 = (*m)->NewScanner();
  auto s2 = (*m)->NewScanner();
  std::vector<LiteralMatcher::Match> a, b;
  s1->Scan("ab ab", a);
  s2->Scan("ab", b);
  EXPECT_EQ(a.size(), 2u);
  EXPECT_EQ(b.size(), 1u);
}

}  // namespace
}  // namespace piiscan::detectors
