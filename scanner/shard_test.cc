#include "scanner/shard.h"

#include <gtest/gtest.h>

#include <string>

namespace piiscan::scanner {
namespace {

TEST(Shard, ParsesOnlyWellFormedOneBasedShards) {
  auto s = ParseShard("3/8");
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->index, 3);
  EXPECT_EQ(s->count, 8);
  for (const char* bad : {"0/8", "9/8", "3", "3/", "/8", "a/8", "3/8x", "-1/8", "1/0", ""})
    EXPECT_FALSE(ParseShard(bad).has_value()) << bad;
}

TEST(Shard, EveryPathBelongsToExactlyOneShardAndTheSharesAreEven) {
  const int n = 4;
  int per[n] = {};
  for (int i = 0; i < 20000; ++i) {
    std::string path = "dept" + std::to_string(i % 37) + "/file" + std::to_string(i) + ".txt";
    int owners = 0;
    for (int k = 1; k <= n; ++k) {
      if (InShard(path, Shard{k, n})) {
        ++owners;
        ++per[k - 1];
      }
    }
    ASSERT_EQ(owners, 1) << path;
  }
  for (int k = 0; k < n; ++k) EXPECT_NEAR(per[k], 5000, 400) << "shard " << k + 1;
  EXPECT_TRUE(InShard("anything", Shard{}));
}

}  // namespace
}  // namespace piiscan::scanner
