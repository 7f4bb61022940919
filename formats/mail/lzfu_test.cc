#include "formats/mail/lzfu.h"

#include <gtest/gtest.h>

#include <string>

namespace piiscan::formats {
namespace {

std::string Bytes(std::initializer_list<unsigned char> b) { return std::string(b.begin(), b.end()); }

// [MS-OXRTFCP] 4.1, example 1: literals and one reference into the initial dictionary.
const std::string kSpecSimple = Bytes({
    0x2d, 0x00, 0x00, 0x00, 0x2b, 0x00, 0x00, 0x00, 0x4c, 0x5a, 0x46, 0x75, 0xf1, 0xc5, 0xc7, 0xa7,
    0x03, 0x00, 0x0a, 0x00, 0x72, 0x63, 0x70, 0x67, 0x31, 0x32, 0x35, 0x42, 0x32, 0x0a, 0xf3, 0x20,
    0x68, 0x65, 0x6c, 0x09, 0x00, 0x20, 0x62, 0x77, 0x05, 0xb0, 0x6c, 0x64, 0x7d, 0x0a, 0x80, 0x0f,
    0xa0});
// [MS-OXRTFCP] 4.2, example 2: a reference that overlaps the bytes it writes.
const std::string kSpecCrossing = Bytes({
    0x1a, 0x00, 0x00, 0x00, 0x1c, 0x00, 0x00, 0x00, 0x4c, 0x5a, 0x46, 0x75, 0xe2, 0xd4, 0x4b, 0x51,
    0x41, 0x00, 0x04, 0x20, 0x57, 0x58, 0x59, 0x5a, 0x0d, 0x6e, 0x7d, 0x01, 0x0e, 0xb0});

TEST(LzfuTest, DecompressesTheSpecificationExample) {
  auto r = DecompressLzfu(kSpecSimple, 1 << 20);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->rtf, "{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n");
  EXPECT_TRUE(r->complete);
  EXPECT_TRUE(r->crc_ok);
}

TEST(LzfuTest, DecompressesAnOverlappingReference) {
  auto r = DecompressLzfu(kSpecCrossing, 1 << 20);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->rtf, "{\\rtf1 WXYZWXYZWXYZWXYZWXYZ}");
  EXPECT_TRUE(r->complete);
  EXPECT_TRUE(r->crc_ok);
}

TEST(LzfuTest, CrcMatchesTheHeaderOfTheExample) {
  // The CRC covers the bytes after the 16-byte header.
  EXPECT_EQ(LzfuCrc(std::string_view(kSpecSimple).substr(16)), 0xa7c7c5f1u);
}

TEST(LzfuTest, StoredDataIsReturnedAsIs) {
  std::string body = "{\\rtf1 plain}";
  std::string stored = Bytes({static_cast<unsigned char>(body.size() + 12), 0, 0, 0,
                              static_cast<unsigned char>(body.size()), 0, 0, 0, 'M', 'E', 'L', 'A', 0, 0, 0, 0}) +
                       body;
  auto r = DecompressLzfu(stored, 1 << 20);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->rtf, body);
  EXPECT_TRUE(r->complete);
}

TEST(LzfuTest, TruncatedInputGivesWhatWasReadAndIsIncomplete) {
  auto r = DecompressLzfu(std::string_view(kSpecSimple).substr(0, 30), 1 << 20);
  ASSERT_TRUE(r.has_value());
  EXPECT_FALSE(r->complete);
  EXPECT_FALSE(r->crc_ok);
  EXPECT_TRUE(std::string("{\\rtf1\\ansi\\ansicpg1252\\pard hello world}\r\n").starts_with(r->rtf));
  EXPECT_GT(r->rtf.size(), 10u);
}

TEST(LzfuTest, OutputIsCappedAtTheLimit) {
  auto r = DecompressLzfu(kSpecSimple, 8);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->rtf, "{\\rtf1\\a");
  EXPECT_FALSE(r->complete);
}

TEST(LzfuTest, RejectsWhatIsNotCompressedRtf) {
  EXPECT_FALSE(DecompressLzfu("", 100).has_value());
  EXPECT_FALSE(DecompressLzfu("short", 100).has_value());
  EXPECT_FALSE(DecompressLzfu(std::string(32, 'x'), 100).has_value());
}

TEST(LzfuTest, HostileSizesDoNotOverrun) {
  // Declares 4 GiB of output and a body longer than given.
  std::string evil = Bytes({0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x4c, 0x5a, 0x46, 0x75, 0, 0, 0, 0,
                            0xff, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff});
  auto r = DecompressLzfu(evil, 1000);
  ASSERT_TRUE(r.has_value());
  EXPECT_LE(r->rtf.size(), 1000u);
  EXPECT_FALSE(r->complete);
}

}  // namespace
}  // namespace piiscan::formats
