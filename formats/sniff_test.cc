// Sniffing decides by the bytes: signatures and plain text without libmagic,
// the rest with it; names and declared types only as hints.
#include "formats/sniff.h"

#include <gtest/gtest.h>

namespace piiscan::formats {
namespace {

std::string TypeOf(std::string_view bytes, std::string_view name = "", std::string_view hint = "") {
  return Sniff(bytes, name, hint).type;
}

TEST(Sniff, SignaturesWinOverNames) {
  EXPECT_EQ(TypeOf("%PDF-1.7\n...", "report.txt"), "pdf");
  EXPECT_EQ(TypeOf(std::string("PK\x03\x04", 4) + std::string(100, 'x'), "x.dat"), "zip");
  EXPECT_EQ(TypeOf(std::string("\x1F\x8B\x08\x00", 4) + std::string(20, '\0'), "a"), "gzip");
  EXPECT_EQ(TypeOf("BZh91AY&SY", "a"), "bzip2");
  EXPECT_EQ(TypeOf("!BDN....", "a"), "pst");
  EXPECT_EQ(TypeOf("{\\rtf1\\ansi hello}", "a.txt"), "rtf");
  std::string tar(512, '\0');
  tar.replace(257, 5, "ustar");
  EXPECT_EQ(TypeOf(tar), "tar");
}

TEST(Sniff, TextFamilies) {
  EXPECT_EQ(TypeOf("Beste klant,\nHierbij de factuur.\n", "brief.txt"), "text");
  EXPECT_EQ(TypeOf("naam;bsn\nJan;111222333\n", "lijst.csv"), "csv");
  EXPECT_EQ(TypeOf("<!DOCTYPE html><html><body>hoi</body></html>", "page"), "html");
  EXPECT_EQ(TypeOf("From: a@b.nl\nTo: c@d.nl\nSubject: x\n\nbody\n", "1700000000.M1P2.host:2,S"), "eml");
  EXPECT_EQ(TypeOf("From jan@x.nl Mon Jan  1 00:00:00 2024\nFrom: jan@x.nl\n\nhoi\n", "inbox"), "mbox");
  EXPECT_EQ(TypeOf("Caf\xE9 M\xFCller, cp1252 text\n", "oud.txt"), "text");
  EXPECT_EQ(TypeOf("<?xml version=\"1.0\"?><a>b</a>", "x.xml"), "text");
}

// Mail needs a header block with two different mail fields; a changelog of
// "version:"/"date:" stanzas repeats one and then breaks the block.
TEST(Sniff, MailNeedsARealHeaderBlock) {
  const std::string changelog =
      "version: 2.1\ndate: Sat 02 Jul 2022 11:14:57 AM CEST\nchanges:\n\t- faster\n---\n"
      "version: 2.0\ndate: Sun 25 Apr 2021 03:56:37 PM CEST\nchanges:\n\t- new API\n";
  EXPECT_EQ(TypeOf(changelog, "changelog"), "text");
  EXPECT_EQ(TypeOf("Date: 1 Jan 2024\nDate: 2 Jan 2024\n\nbody\n", "notes"), "text");
  EXPECT_EQ(TypeOf("Received: from x\n  by y; Mon, 1 Jan 2024\nX-Spam: no\nDate: Mon, 1 Jan 2024\n\nhoi\n", "1"),
            "eml");
  EXPECT_EQ(TypeOf("Subject: x\nFrom: a@b.nl\r\n\r\nbody\n", "2"), "eml");
}

TEST(Sniff, ImagesAreNamedAsSuch) {
  // The literal's own length (it said 33 and was 29: ASan found the read past it).
  constexpr char kPng[] = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x02\0\0\0";
  std::string png(kPng, sizeof kPng - 1);
  EXPECT_EQ(TypeOf(png, "scan.png"), "image");
  EXPECT_EQ(TypeOf(std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0", 11) + std::string(200, '\0'), "1.jpg"), "image");
}

TEST(Sniff, BinaryAndEmpty) {
  std::string bin;
  for (int i = 0; i < 2048; ++i) bin += static_cast<char>((i * 7919) & 0xFF);
  EXPECT_EQ(TypeOf(bin, "blob.txt"), "binary");
  EXPECT_EQ(TypeOf(""), "empty");
  std::string u16 = "\xFF\xFE";
  for (char c : std::string("hallo wereld")) u16 += std::string(1, c) + '\0';
  EXPECT_EQ(TypeOf(u16, "u.txt"), "text");
}

}  // namespace
}  // namespace piiscan::formats
