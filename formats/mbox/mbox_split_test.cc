#include "formats/mbox/mbox_split.h"

#include <gtest/gtest.h>

#include <string>

namespace piiscan::formats::mbox {
namespace {

TEST(MboxSplit, EnvelopeLineNeedsAHeaderAfterIt) {
  EXPECT_TRUE(IsFromLine("From a@b Wed Mar  1 12:00:00 2023\nSubject: x\n", 0));
  EXPECT_TRUE(IsFromLine("From - Tue Nov 14 10:13:20 2023\r\nX-Account-Key: account1\r\n", 0));
  EXPECT_FALSE(IsFromLine("From here on we talk.\nAbout things.\n", 0));
  EXPECT_FALSE(IsFromLine("From here on\n\nSubject: x\n", 0));
  EXPECT_FALSE(IsFromLine(">From a Wed Mar  1 2023\nSubject: x\n", 0));
  EXPECT_FALSE(IsFromLine("From a Wed Mar  1 2023", 0));  // no line end
  EXPECT_FALSE(IsFromLine("From " + std::string(2000, 'x') + "\nSubject: x\n", 0));
}

TEST(MboxSplit, HeaderField) {
  EXPECT_TRUE(IsHeaderField("Subject: x", 0));
  EXPECT_TRUE(IsHeaderField("X-GM-THRID:1", 0));
  EXPECT_FALSE(IsHeaderField(": x", 0));
  EXPECT_FALSE(IsHeaderField("Two words: x", 0));
  EXPECT_FALSE(IsHeaderField("", 0));
}

TEST(MboxSplit, NextFromLineFollowsAnEmptyLine) {
  std::string box =
      "From a x\nSubject: 1\n\nbody\nFrom b x\nSubject: no\n\n"  // no empty line before: same message
      "From here on\nbody\n\n"                                    // no header after: same message
      "From c x\nSubject: 2\n\nbody\n";
  size_t second = box.find("From c");
  EXPECT_EQ(NextFromLine(box, LineEnd(box, 0)), second);
  EXPECT_EQ(NextFromLine(box, LineEnd(box, second)), box.size());
  // An empty first body line directly after the envelope.
  std::string tight = "From a x\nA: 1\n\nFrom b x\nB: 2\n";
  EXPECT_EQ(NextFromLine(tight, LineEnd(tight, 0)), tight.find("From b"));
}

TEST(MboxSplit, LineEnd) {
  EXPECT_EQ(LineEnd("ab\ncd", 0), 3u);
  EXPECT_EQ(LineEnd("ab\ncd", 3), 5u);
  EXPECT_EQ(LineEnd("", 0), 0u);
}

}  // namespace
}  // namespace piiscan::formats::mbox
