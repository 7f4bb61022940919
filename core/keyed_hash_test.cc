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

// A key others can read lets them undo value_hash by hashing every BSN:
// refused, with the fix in the message, and accepted once it is 0600.
TEST(KeyedHash, KeyFileReadableByOthersIsRefused) {
  testing::TempDir dir;
  std::string key = dir.Write("hash.key", "a-key-of-more-than-16-bytes\n");
  ASSERT_EQ(chmod(key.c_str(), 0644), 0);
  auto refused = KeyedHasher::Load(key);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("chmod 600 " + key), std::string::npos) << refused.error().message;
  EXPECT_NE(refused.error().message.find("0644"), std::string::npos);
  ASSERT_EQ(chmod(key.c_str(), 0620), 0);  // writable by the group: a key could be swapped
  EXPECT_FALSE(KeyedHasher::Load(key));
  ASSERT_EQ(chmod(key.c_str(), 0600), 0);
  auto loaded = KeyedHasher::Load(key);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->Hash("x"), KeyedHasher("a-key-of-more-than-16-bytes").Hash("x"));
}

}  // namespace
}  // namespace piiscan
