#include "core/keyed_hash.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cstdlib>

#include "tests/support/test_support.h"

namespace piiscan {
namespace {

TEST(KeyedHash, MatchesRfc4231TestCase2) {
  // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
  KeyedHasher h("Jefe");
  EXPECT_EQ(h.Hash("what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(KeyedHash, LongKeysAreHashedFirst) {
  // RFC 4231 test case 6: 131 bytes of 0xaa.
  KeyedHasher h(std::string(131, '\xaa'));
  EXPECT_EQ(h.Hash("Test Using Larger Than Block-Size Key - Hash Key First"),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST(KeyedHash, PerUserKeyIsCreatedOnceWithMode0600) {
  testing::TempDir dir;
  setenv("XDG_CONFIG_HOME", dir.path().c_str(), 1);
  auto a = KeyedHasher::Load("");
  ASSERT_TRUE(a) << a.error().message;
  auto b = KeyedHasher::Load("");
  ASSERT_TRUE(b);
  EXPECT_EQ(a->Hash("NL91ABNA0417164300"), b->Hash("NL91ABNA0417164300"));
  struct stat st;
  ASSERT_EQ(stat((dir.path() + "/piiscan/hash.key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  unsetenv("XDG_CONFIG_HOME");
}

}  // namespace
}  // namespace piiscan
