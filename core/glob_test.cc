#include "core/glob.h"

#include <gtest/gtest.h>

namespace piiscan {
namespace {

TEST(Glob, StarsAndClasses) {
  EXPECT_TRUE(GlobMatch("shares/finance/**", "shares/finance/2024/x.xlsx"));
  EXPECT_TRUE(GlobMatch("a/**/b", "a/b"));
  EXPECT_TRUE(GlobMatch("a/**/b", "a/x/y/b"));
  EXPECT_FALSE(GlobMatch("a/*/b", "a/x/y/b"));
  EXPECT_TRUE(GlobMatch("*.[ct]sv", "x.tsv"));
  EXPECT_FALSE(GlobMatch("*.[!c]sv", "x.csv"));
  EXPECT_TRUE(GlobMatch("file?.txt", "file1.txt"));
}

TEST(Glob, ExcludeMatchesAnyTail) {
  EXPECT_TRUE(GlobMatchesPath("*.log", "/srv/share/app/debug.log"));
  EXPECT_TRUE(GlobMatchesPath("backup/**", "/srv/share/backup/old/x.txt"));
  EXPECT_FALSE(GlobMatchesPath("*.log", "/srv/share/log/readme.txt"));
}

}  // namespace
}  // namespace piiscan

namespace piiscan {
namespace {

TEST(Glob, ManyStarsStayCheap) {
  std::string path(2000, 'a');
  EXPECT_FALSE(GlobMatch("*a*a*a*a*a*a*a*a*a*a*a*a*b", path));  // exponential without memo
  EXPECT_TRUE(GlobMatch("*a*a*a*a*a*a*a*a*a*a*a*a", path));
}

}  // namespace
}  // namespace piiscan
