// Validators with valid and invalid vectors, including the real values of the
// seed privacy statements.
#include <gtest/gtest.h>

#include "detectors/validators/birth_date.h"
#include "detectors/validators/bsn.h"
#include "detectors/validators/email.h"
#include "detectors/validators/iban.h"
#include "detectors/validators/phone_nl.h"

namespace piiscan::detectors {
namespace {

// The month names are one table (month_names.h): the reader accepts every
// form of it, in any letter case and with a trailing period.
TEST(BirthDate, MonthNamesInDutchAndEnglishFullAndShort) {
  const char* forms[][6] = {{"januari", "jan", "January", "JAN.", nullptr},
                            {"februari", "feb", "february", nullptr},
                            {"maart", "mrt", "March", "maa", "mar", nullptr},
                            {"april", "apr", nullptr},
                            {"mei", "May", nullptr},
                            {"juni", "jun", "June", nullptr},
                            {"juli", "jul", "July", nullptr},
                            {"augustus", "aug", "August", nullptr},
                            {"september", "sep", "sept", nullptr},
                            {"oktober", "okt", "October", "oct", nullptr},
                            {"november", "nov", nullptr},
                            {"december", "dec", "Dec.", nullptr}};
  for (int m = 0; m < 12; ++m) {
    for (int k = 0; forms[m][k] != nullptr; ++k) EXPECT_EQ(MonthFromName(forms[m][k]), m + 1) << forms[m][k];
  }
  for (const char* no : {"", "ma", "maa.r", "juno", "janu", "decem"}) EXPECT_EQ(MonthFromName(no), 0) << no;
}

TEST(Iban, AcceptsSeedAndRegistryExamples) {
  EXPECT_EQ(ValidateIban("NL78 SNSB 0903 2500 47")->value, "NL78SNSB0903250047");
  EXPECT_EQ(ValidateIban("NL91ABNA0417164300")->value, "NL91ABNA0417164300");
  EXPECT_EQ(ValidateIban("DE89 3704 0044 0532 0130 00")->value, "DE89370400440532013000");
  EXPECT_EQ(ValidateIban("BE71096123456769")->value, "BE71096123456769");
  EXPECT_EQ(ValidateIban("GB82WEST12345698765432")->value, "GB82WEST12345698765432");
}

TEST(Iban, RejectsWrongLengthOrShape) {
  EXPECT_FALSE(ValidateIban("NL91ABNA041716430"));   // short
  EXPECT_FALSE(ValidateIban("XX91ABNA0417164300"));  // no such country
  EXPECT_FALSE(ValidateIban("NL911BNA0417164300"));  // NL BBAN needs 4 letters
}

TEST(Iban, AWrongCheckIsAMistypedIbanThatOnlyClaimsItsSpan) {
  for (auto raw : {"NL91ABNA0417164301", "NL12 INGB 0201 2345 67", "de87 0041 1111 1111 1111 11"}) {
    auto v = ValidateIban(raw);
    ASSERT_TRUE(v) << raw;
    EXPECT_TRUE(v->claim_only) << raw;
    EXPECT_EQ(*v->raw_length, std::string_view(raw).size()) << raw;
  }
  EXPECT_FALSE(ValidateIban("NL91ABNA0417164300")->claim_only);
}

TEST(Iban, SpacesOnlyBetweenGroupsOfFour) {
  // Words that run together can pass mod 97 one time in 97: this one does.
  EXPECT_FALSE(ValidateIban("be16 and be32 types"));
  EXPECT_FALSE(ValidateIban("NL91 ABNA 041 7164 300"));
  EXPECT_TRUE(ValidateIban("NL91 ABNA 0417 1643 00"));
}

TEST(Iban, LowerCaseIsTheSameIban) {
  EXPECT_EQ(ValidateIban("nl91abna0417164300")->value, "NL91ABNA0417164300");
  EXPECT_EQ(ValidateIban("nl91 abna 0417 1643 00")->value, "NL91ABNA0417164300");
  EXPECT_EQ(ValidateIban("Nl91Abna0417164300")->value, "NL91ABNA0417164300");
}

TEST(Iban, EveryRegistryCountryByOneRule) {
  // Registry examples outside SEPA: accepted like any other country.
  EXPECT_EQ(ValidateIban("SA03 8000 0000 6080 1016 7519")->value, "SA0380000000608010167519");
  EXPECT_EQ(ValidateIban("BR1800360305000010009795493C1")->value, "BR1800360305000010009795493C1");
  EXPECT_EQ(IbanLength("NL"), 18);
  EXPECT_EQ(IbanLength("RU"), 33);
  EXPECT_EQ(IbanLength("LC"), 32);
  EXPECT_EQ(IbanLength("US"), 0);  // no IBAN country
}

TEST(Iban, TakesOnlyTheCountryLengthAndSaysHowMuch) {
  auto v = ValidateIban("NL91 ABNA 0417 1643 00 B");
  ASSERT_TRUE(v);
  EXPECT_EQ(v->value, "NL91ABNA0417164300");
  EXPECT_EQ(*v->raw_length, std::string("NL91 ABNA 0417 1643 00").size());
}

TEST(Bsn, ElevenProef) {
  EXPECT_EQ(ValidateBsn("111222333")->value, "111222333");
  EXPECT_EQ(ValidateBsn("1234.56.782")->value, "123456782");
  EXPECT_EQ(ValidateBsn("12345672")->value, "012345672");  // leading zero dropped
  EXPECT_EQ(ValidateBsn("123-456-782")->value, "123456782");
  EXPECT_EQ(ValidateBsn("123 456 782")->value, "123456782");
  // The 8-digit form needs context: alone it falls under the noise floor
  // (0.30 base), with a BSN word it is medium (0.90 context).
  EXPECT_LT(0.30 + ValidateBsn("12345672")->score_delta, 0.10);
  EXPECT_GE(0.90 + ValidateBsn("12345672")->score_delta, 0.50);
  EXPECT_EQ(ValidateBsn("123456782")->score_delta, 0);
  EXPECT_FALSE(ValidateBsn("111222334"));
  EXPECT_FALSE(ValidateBsn("000000000"));
  EXPECT_FALSE(ValidateBsn("101222331"));  // onderwijsnummer: remainder 5
}

TEST(Bsn, SeedKvkAndBtwDigitsAreNotBsns) {
  // The seed statements: KvK 61637076 and 57680701 zero-padded fail.
  EXPECT_FALSE(ValidateBsn("61637076"));
  EXPECT_FALSE(ValidateBsn("57680701"));
  // The 9 digits of BTW NL854423783B01 pass (it embeds an RSIN): overlap
  // resolution, not the validator, keeps it from being reported as a BSN.
  EXPECT_TRUE(ValidateBsn("854423783"));
}

TEST(PhoneNl, SeedNumbersNormaliseToE164) {
  EXPECT_EQ(ValidatePhoneNl("088-6950500")->value, "+31886950500");
  EXPECT_EQ(ValidatePhoneNl("088 - 695 05 00")->value, "+31886950500");
  EXPECT_EQ(ValidatePhoneNl("024-358 1919")->value, "+31243581919");
}

TEST(PhoneNl, FormsAndRanges) {
  EXPECT_EQ(ValidatePhoneNl("06-12345678")->value, "+31612345678");
  EXPECT_EQ(ValidatePhoneNl("+31 6 1234 5678")->value, "+31612345678");
  EXPECT_EQ(ValidatePhoneNl("0031 20 123 4567")->value, "+31201234567");
  EXPECT_EQ(ValidatePhoneNl("+31 (0)20 123 4567")->value, "+31201234567");
  EXPECT_EQ(ValidatePhoneNl("(020) 123 4567")->value, "+31201234567");
  EXPECT_EQ(ValidatePhoneNl("0800-1234")->value, "+318001234");
  EXPECT_EQ(ValidatePhoneNl("0900-1234567")->value, "+319001234567");
  EXPECT_FALSE(ValidatePhoneNl("06-1234567"));    // one digit short
  EXPECT_FALSE(ValidatePhoneNl("0123456789"));    // no area code 12x
  EXPECT_FALSE(ValidatePhoneNl("+32 2 123 45 67"));  // Belgium
  EXPECT_FALSE(ValidatePhoneNl("06-91234567"));   // 069 is not a mobile range
}

TEST(Email, ShapeAndFlags) {
  EXPECT_EQ(ValidateEmail("Jan.DeVries@Example.NL")->value, "jan.devries@example.nl");
  EXPECT_FALSE(ValidateEmail("jan..x@example.nl"));
  EXPECT_FALSE(ValidateEmail("jan@example.n1"));
  EXPECT_FALSE(ValidateEmail("jan@localhost"));
  // Lengths are the validator's: the pattern has no counted repetitions.
  EXPECT_TRUE(ValidateEmail(std::string(64, 'a') + "@voorbeeld.nl"));
  EXPECT_FALSE(ValidateEmail(std::string(65, 'a') + "@voorbeeld.nl"));
  EXPECT_TRUE(ValidateEmail("jan@" + std::string(63, 'd') + ".nl"));
  EXPECT_FALSE(ValidateEmail("jan@" + std::string(64, 'd') + ".nl"));
  EXPECT_EQ(ValidateEmail("info@qualitynetworks.nl")->note, "role address");
  EXPECT_LT(ValidateEmail("info@qualitynetworks.nl")->score_delta, 0);
}

}  // namespace
}  // namespace piiscan::detectors
