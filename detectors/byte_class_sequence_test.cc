#include "detectors/byte_class_sequence.h"

#include <gtest/gtest.h>

namespace piiscan::detectors {
namespace {

TEST(ByteClassSequence, MatchesTheBytesRightBeforeAnOffset) {
  auto lead = ByteClassSequence::Parse("[A-Z]{2}");
  ASSERT_TRUE(lead.has_value()) << lead.error().message;
  EXPECT_EQ(lead->size(), 2u);
  std::string_view text = "IBAN NL91 ABNA, nl91, N91";
  EXPECT_TRUE(lead->MatchesBefore(text, 7));    // "NL" before "91"
  EXPECT_FALSE(lead->MatchesBefore(text, 18));  // "nl"
  EXPECT_FALSE(lead->MatchesBefore(text, 23));  // " N"
  EXPECT_FALSE(lead->MatchesBefore(text, 1));   // does not fit
  EXPECT_FALSE(lead->MatchesBefore(text, text.size() + 1));
}

TEST(ByteClassSequence, ReadsClassesLiteralsEscapesAndCounts) {
  auto seq = ByteClassSequence::Parse("NL[ .\\-]?");
  EXPECT_FALSE(seq.has_value());  // '?' is variable length
  seq = ByteClassSequence::Parse("NL[ .\\-]");
  ASSERT_TRUE(seq.has_value()) << seq.error().message;
  EXPECT_TRUE(seq->MatchesBefore("NL-", 3));
  EXPECT_TRUE(seq->MatchesBefore("NL.", 3));
  EXPECT_FALSE(seq->MatchesBefore("NL/", 3));
  seq = ByteClassSequence::Parse("[^a-z0-9]\\.");
  ASSERT_TRUE(seq.has_value());
  EXPECT_TRUE(seq->MatchesBefore("X.", 2));
  EXPECT_FALSE(seq->MatchesBefore("x.", 2));
  EXPECT_FALSE(seq->MatchesBefore("X,", 2));
}

TEST(ByteClassSequence, RefusesWhatIsNotAFixedSequence) {
  for (const char* bad : {"", "[A-Z]+", "(NL|BE)", "[A-Z", "\\d{2}", "[Z-A]", "[A-Z]{0}", "[A-Z]{1,2}", "."}) {
    auto seq = ByteClassSequence::Parse(bad);
    EXPECT_FALSE(seq.has_value()) << bad;
    if (!seq) {
      EXPECT_NE(seq.error().message.find("lead"), std::string::npos);
    }
  }
}

TEST(ByteClassSequence, FirstWithinLooksAtTheFirstClassOnly) {
  auto capital_first = ByteClassSequence::Parse("[A-Z]{2}[A-Z0-9]{6}");
  ASSERT_TRUE(capital_first);
  EXPECT_TRUE(capital_first->FirstWithin('A', 'Z'));
  EXPECT_FALSE(capital_first->FirstWithin('B', 'Z'));
  auto mixed = ByteClassSequence::Parse("[A-Z0-9][A-Z]");
  ASSERT_TRUE(mixed);
  EXPECT_FALSE(mixed->FirstWithin('A', 'Z'));
  auto literal = ByteClassSequence::Parse("NL");
  ASSERT_TRUE(literal);
  EXPECT_TRUE(literal->FirstWithin('A', 'Z'));
  EXPECT_TRUE(literal->FirstWithin('N', 'N'));
}

}  // namespace
}  // namespace piiscan::detectors
