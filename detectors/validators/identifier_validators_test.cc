// Validators of the detector suite with valid and invalid vectors: the values
// found in the seed privacy statements, worked examples, and the false
// positives each check exists to stop.
#include <gtest/gtest.h>

#include "detectors/validators/birth_date.h"
#include "detectors/validators/btw.h"
#include "detectors/validators/creditcard.h"
#include "detectors/validators/ip_address.h"
#include "detectors/validators/kvk.h"
#include "detectors/validators/mrz.h"
#include "detectors/validators/postcode.h"

namespace piiscan::detectors {
namespace {

TEST(Btw, OldFormByElevenTestNewFormByMod97) {
  auto old_form = ValidateBtw("NL854423783B01");
  ASSERT_TRUE(old_form);
  EXPECT_EQ(old_form->value, "NL854423783B01");
  EXPECT_NE(old_form->note.find("BSN"), std::string::npos);  // may embed a BSN
  auto new_form = ValidateBtw("NL002342672B42");
  ASSERT_TRUE(new_form);
  EXPECT_EQ(new_form->note.find("BSN"), std::string::npos);
  EXPECT_EQ(ValidateBtw("NL8544.23.783.B.01")->value, "NL854423783B01");
  EXPECT_EQ(ValidateBtw("nl 854423783 b01")->value, "NL854423783B01");
}

TEST(Btw, RejectsTemplatesAndBadSuffixes) {
  EXPECT_FALSE(ValidateBtw("NL123456789B01"));  // fails both checks
  EXPECT_FALSE(ValidateBtw("NL854423783B00"));  // sequence 00
  EXPECT_FALSE(ValidateBtw("NL85442378B01"));   // 8 digits
  auto bare = ValidateBtw("854423783B01");     // no NL prefix: lower score
  ASSERT_TRUE(bare);
  EXPECT_LT(bare->score_delta, 0);
}

TEST(Kvk, SeedNumbersFitTheModElevenPattern) {
  EXPECT_TRUE(KvkPatternOk("61637076"));
  EXPECT_TRUE(KvkPatternOk("57680701"));
  EXPECT_GT(ValidateKvk("61637076")->score_delta, 0);
  EXPECT_EQ(ValidateKvk("6163 7076")->value, "61637076");
  // Older numbers do not follow the pattern and are still accepted.
  EXPECT_EQ(ValidateKvk("18012346")->score_delta, 0);
  auto branch = ValidateKvk("000023166991");
  ASSERT_TRUE(branch);
  EXPECT_EQ(branch->note, "vestigingsnummer (branch number)");
  EXPECT_FALSE(ValidateKvk("00000000"));
  EXPECT_FALSE(ValidateKvk("1234567"));
}

TEST(CreditCard, LuhnIssuerAndLength) {
  EXPECT_TRUE(LuhnOk("4111111111111111"));
  EXPECT_FALSE(LuhnOk("4111111111111112"));
  EXPECT_EQ(CardBrand("4539148803436467"), "visa");
  EXPECT_EQ(CardBrand("5425233430109903"), "mastercard");
  EXPECT_EQ(CardBrand("371449635398431"), "amex");
  EXPECT_EQ(CardBrand("2223000048400011"), "mastercard");
  EXPECT_EQ(ValidateCreditCard("4539 1488 0343 6467")->value, "4539148803436467");
  EXPECT_FALSE(ValidateCreditCard("0000 0000 0000 0000"));  // Luhn-valid, all same
  EXPECT_FALSE(ValidateCreditCard("1234567812345670"));     // Luhn-valid, no issuer
  EXPECT_FALSE(ValidateCreditCard("37144963539843"));       // Amex prefix, wrong length
}

TEST(CreditCard, AnUnbrokenRunIsWeakerButHighWithCardWords) {
  // 0.75 base, 0.95 with card words: the penalty keeps a run alone medium
  // and lets card words make it high (docs/detectors.md).
  double d = ValidateCreditCard("4539148803436467")->score_delta;
  EXPECT_LT(d, 0);
  EXPECT_GE(0.75 + d, 0.5);
  EXPECT_GE(0.95 + d, 0.8);
  EXPECT_EQ(ValidateCreditCard("4539 1488 0343 6467")->score_delta, 0);
}

TEST(CreditCard, TestNumbersAreFlaggedAndLow) {
  auto v = ValidateCreditCard("4111 1111 1111 1111");
  ASSERT_TRUE(v);
  EXPECT_NE(v->note.find("test number"), std::string::npos);
  EXPECT_LE(v->score_delta, -0.4);
}

TEST(Postcode, FormatLettersAndUnits) {
  EXPECT_EQ(ValidatePostcode("3531 WR")->value, "3531WR");
  EXPECT_EQ(ValidatePostcode("3531WR")->value, "3531WR");
  EXPECT_FALSE(ValidatePostcode("1234 SA"));
  EXPECT_FALSE(ValidatePostcode("1234 SS"));
  EXPECT_FALSE(ValidatePostcode("0123 AB"));
  EXPECT_LT(ValidatePostcode("1200 MB")->score_delta, 0);  // valid, but a unit
  EXPECT_EQ(ValidatePostcode("7451 CC")->value, "7451CC");
}

TEST(Postcode, LowerCaseLettersAreWeakerAndNoCommonWord) {
  // Written in lower case it is still a postcode, normalised to capitals,
  // but weaker evidence: scored like unit letters (the same penalty, once).
  auto v = ValidatePostcode("5086 db");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->value, "5086DB");
  EXPECT_DOUBLE_EQ(v->score_delta, ValidatePostcode("1200 MB")->score_delta);
  EXPECT_EQ(ValidatePostcode("3531wr")->value, "3531WR");
  EXPECT_LT(ValidatePostcode("3531wr")->score_delta, 0);
  EXPECT_EQ(ValidatePostcode("3531 WR")->score_delta, 0);
  // A year or amount followed by a two-letter word is no postcode.
  EXPECT_FALSE(ValidatePostcode("2019 in"));
  EXPECT_FALSE(ValidatePostcode("1500 en"));
  EXPECT_FALSE(ValidatePostcode("2000 op"));
  EXPECT_FALSE(ValidatePostcode("1234 sa"));
  // Nor is a quantity with its unit.
  EXPECT_FALSE(ValidatePostcode("1000 ms"));
  EXPECT_FALSE(ValidatePostcode("1920 px"));
  EXPECT_FALSE(ValidatePostcode("1200 mb"));
  EXPECT_TRUE(ValidatePostcode("1200 MB"));
}

TEST(BirthDate, FormsNormaliseToIso) {
  EXPECT_EQ(ValidateBirthDate("12-03-1985")->value, "1985-03-12");
  EXPECT_EQ(ValidateBirthDate("12.03.1985")->value, "1985-03-12");
  EXPECT_EQ(ValidateBirthDate("12/3/1985")->value, "1985-03-12");
  EXPECT_EQ(ValidateBirthDate("1985-03-12")->value, "1985-03-12");
  EXPECT_EQ(ValidateBirthDate("12 maart 1985")->value, "1985-03-12");
  EXPECT_EQ(ValidateBirthDate("12 mrt. 1985")->value, "1985-03-12");
  EXPECT_EQ(ValidateBirthDate("12 MAA/MAR 1985")->value, "1985-03-12");
  EXPECT_EQ(ValidateBirthDate("29-02-2000")->value, "2000-02-29");
  EXPECT_EQ(ValidateBirthDate("12-03-85")->value, "1985-03-12");
}

TEST(BirthDate, RejectsImpossibleAndImplausible) {
  EXPECT_FALSE(ValidateBirthDate("31-02-1985"));
  EXPECT_FALSE(ValidateBirthDate("29-02-1900"));  // not a leap year
  EXPECT_FALSE(ValidateBirthDate("12-03-1885"));
  EXPECT_FALSE(ValidateBirthDate("12-03-2999"));
  EXPECT_FALSE(ValidateBirthDate("12 maart/april 1985"));
  EXPECT_FALSE(ValidateBirthDate("12-13-1985"));
}

TEST(Ip, V4OctetsAndRanges) {
  EXPECT_EQ(ValidateIpv4("145.53.12.201")->value, "145.53.12.201");
  EXPECT_FALSE(ValidateIpv4("256.1.1.1"));
  EXPECT_FALSE(ValidateIpv4("020.123.45.67"));  // leading zero: a phone number
  EXPECT_LT(ValidateIpv4("192.168.1.20")->score_delta, 0);
  EXPECT_LT(ValidateIpv4("1.2.3.4")->score_delta, 0);  // version-like
  EXPECT_EQ(ValidateIpv4("145.53.12.201")->score_delta, 0);
}

TEST(Ip, V6ParsedAndCanonical) {
  EXPECT_EQ(ValidateIpv6("2001:0DB8:0000:0000:0000:0000:0000:0001")->value, "2001:db8::1");
  EXPECT_EQ(ValidateIpv6("2a02:a458:1f3c:0:1::5e2")->value, "2a02:a458:1f3c:0:1::5e2");
  EXPECT_FALSE(ValidateIpv6("12:30:45"));
  EXPECT_FALSE(ValidateIpv6("00:1a:2b:3c:4d:5e"));
  EXPECT_FALSE(ValidateIpv6("::"));
}

TEST(Mrz, IcaoSpecimenCheckDigits) {
  EXPECT_EQ(MrzCheckDigit("L898902C3"), 6);
  EXPECT_EQ(MrzCheckDigit("740812"), 2);
  EXPECT_EQ(MrzCheckDigit("120415"), 9);
  EXPECT_EQ(MrzCheckDigit("ZE184226B<<<<<"), 1);
  auto td3 = ParseMrz("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                      "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
  ASSERT_TRUE(td3);
  EXPECT_EQ(td3->document_number.value, "L898902C3");
  EXPECT_EQ(td3->birth_date.value, "1974-08-12");
  EXPECT_TRUE(td3->composite_ok);
  auto td1 = ParseMrz("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6",
                      "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
  ASSERT_TRUE(td1);
  EXPECT_EQ(td1->document_number.value, "D23145890");
  EXPECT_TRUE(td1->composite_ok);
}

TEST(Mrz, DutchBsnInOptionalDataAndBadCheckDigits) {
  auto m = ParseMrz("P<NLDDE<VRIES<<JAN<<<<<<<<<<<<<<<<<<<<<<<<<<",
                    "NW3RK8L521NLD8503127M3001019111222333<<<<<60");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->bsn.value, "111222333");
  EXPECT_EQ(m->bsn.offset, 28u);
  EXPECT_FALSE(ParseMrz("P<NLDDE<VRIES<<JAN<<<<<<<<<<<<<<<<<<<<<<<<<<",
                        "NW3RK8L522NLD8503127M3001019111222333<<<<<60"));
  EXPECT_FALSE(ParseMrz("P<NLD", "short"));
}

TEST(DocumentNumber, DutchShape) {
  EXPECT_EQ(ValidateDocumentNumberNl("NW3RK8L52")->value, "NW3RK8L52");
  EXPECT_FALSE(ValidateDocumentNumberNl("NO3RK8L52"));  // no letter O
  EXPECT_FALSE(ValidateDocumentNumberNl("NWABCDEF2"));  // no digit inside
  EXPECT_FALSE(ValidateDocumentNumberNl("NW3RK8L5X"));  // last is a digit
  EXPECT_LT(ValidateDocumentNumberNl("SPECI2014")->score_delta, -0.4);
}

}  // namespace
}  // namespace piiscan::detectors
