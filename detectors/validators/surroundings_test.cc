// The bytes around a candidate, through the whole engine: clock times are
// not phone numbers, digit runs inside URLs and file names are not (medium)
// card numbers, Message-IDs are not e-mail addresses — and the same values
// written as people write them still are.
#include "detectors/validators/surroundings.h"

#include <gtest/gtest.h>

#include "detectors/embedded_engine_for_tests.h"
#include "detectors/validators/email.h"

namespace piiscan::detectors {
namespace {

class SurroundingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    engine_ = EmbeddedEngineForTests();
    ASSERT_TRUE(engine_);
    scanner_ = engine_->NewScanner();
  }
  // The score of the first finding of detector `id`, -1 when there is none.
  double ScoreOf(std::string_view text, std::string_view id) {
    std::vector<Detection> d;
    scanner_->Scan(text, {}, d);
    for (const auto& x : d) {
      if (engine_->specs()[x.spec].id == id) return x.score;
    }
    return -1;
  }
  std::shared_ptr<const Engine> engine_;
  std::unique_ptr<EngineScanner> scanner_;
};

TEST_F(SurroundingsTest, ATimeZoneOffsetAfterAClockTimeIsNoPhoneNumber) {
  EXPECT_LT(ScoreOf("Date:   Sat Oct 29 11:15:03 2022 -0600\n", "phone_nl"), 0);
  EXPECT_LT(ScoreOf("Date:   Tue Aug 30 22:03:06 2016 -0700\n", "phone_nl"), 0);
  EXPECT_LT(ScoreOf("versie 3.0612345678 uitgebracht\n", "phone_nl"), 0);
  EXPECT_LT(ScoreOf("// Prints: <Buffer 01 02 03 04 05 06 07 08>\n", "phone_nl"), 0);
  EXPECT_LT(ScoreOf("* [`0544410328`](https://github.com/x/y/commit/0544410328) - fix\n", "phone_nl"), 0);
  EXPECT_LT(ScoreOf("(merge 0573831950 jk/build-fix later to maint).\n", "phone_nl"), 0.5);
  EXPECT_GE(ScoreOf("Tel: 0320 220600\n", "phone_nl"), 0.8);
  EXPECT_GE(ScoreOf("Mobiel: 06 12 34 56 78\n", "phone_nl"), 0.8);
  EXPECT_GE(ScoreOf("om 11:15 gebeld: 06-12345678\n", "phone_nl"), 0.5);
}

TEST_F(SurroundingsTest, DigitsInsideAUrlOrFileNameAreNoMediumCard) {
  EXPECT_LT(ScoreOf("Fixes https://oss-fuzz.com/testcase-detail/5425233430109903\n", "creditcard"), 0.5);
  EXPECT_LT(ScoreOf(" testcase-minimized-fuzzer-5425233430109903 | Bin 0 -> 409 bytes\n", "creditcard"), 0.5);
  EXPECT_LT(ScoreOf("zie scan_5425233430109903.pdf\n", "creditcard"), 0.5);
  EXPECT_GE(ScoreOf("kaart 5425233430109903 geblokkeerd\n", "creditcard"), 0.5);
  EXPECT_GE(ScoreOf("Mastercard 5425-2334-3010-9903\n", "creditcard"), 0.8);
}

TEST_F(SurroundingsTest, MessageIdsAreNoAddresses) {
  EXPECT_LT(ScoreOf("Message-ID: <CAHp8n2nmGN+G09aA1@mail.gmail.com>\n", "email"), 0);
  EXPECT_LT(ScoreOf("    In-Reply-To: <x7yq.fsf@voorbeeld.nl>\n", "email"), 0);
  EXPECT_LT(ScoreOf("References: <a1@voorbeeld.nl>\n <b2.fsf@voorbeeld.nl>\n", "email"), 0);
  EXPECT_GE(ScoreOf("From: Jan <jan@voorbeeld.nl>\nMessage-ID: <q@voorbeeld.nl>\n", "email"), 0.8);
  EXPECT_GE(ScoreOf("schreef <jan.devries@voorbeeld.nl>:\n", "email"), 0.8);
}

TEST_F(SurroundingsTest, AYearAndTwoCapitalsInCodeAreNoPostcode) {
  EXPECT_LT(ScoreOf("\tBUTTON \"Left\" ID 2003 AT (10 PREVBOTTOM+2 100 AUTO)\n", "postcode_nl"), 0.5);
  EXPECT_LT(ScoreOf(" * Changes from ISO-3166 MA Newsletter VI-7.\n", "postcode_nl"), 0.5);
  EXPECT_LT(ScoreOf("- #2082 AM/PM - specific variation\n", "postcode_nl"), 0.5);
  EXPECT_LT(ScoreOf("Copyright (C) 1991 DJ Delorie\n", "postcode_nl"), 0.5);
  EXPECT_GE(ScoreOf("Kerkstraat 12\n3531 WR Utrecht\n", "postcode_nl"), 0.8);
  EXPECT_GE(ScoreOf("Jan de Vries, 7451 KL te Holten\n", "postcode_nl"), 0.5);
  EXPECT_GE(ScoreOf("Stationsweg 4 (achter), 7451 KL HOLTEN\n", "postcode_nl"), 0.8);
  EXPECT_GE(ScoreOf("Postcode: 2003 AT (Haarlem)\n", "postcode_nl"), 0.5);
}

TEST(MessageIdShape, GeneratedLocalPartsAreNoMailboxes) {
  EXPECT_FALSE(ValidateEmail("545627C2.3050608@voorbeeld.nl"));              // Mozilla
  EXPECT_FALSE(ValidateEmail("20030528162613.GB8524@voorbeeld.nl"));         // mutt
  EXPECT_FALSE(ValidateEmail("1409845851-38950-1-git-send-email-x@voorbeeld.nl"));
  EXPECT_FALSE(ValidateEmail("07c06d79-0828-b564-d604-fd16c7c86ebe@voorbeeld.nl"));
  EXPECT_TRUE(ValidateEmail("19851203.jdevries@voorbeeld.nl"));  // a date and a name: a person
  EXPECT_TRUE(ValidateEmail("a.c.kalker@voorbeeld.nl"));
  EXPECT_TRUE(ValidateEmail("0612345678@voorbeeld.nl"));
}

}  // namespace
}  // namespace piiscan::detectors
