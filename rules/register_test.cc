#include "rules/register.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rules/register_glob.h"

namespace piiscan::rules {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::shared_ptr<const CategoryVocabulary> Vocab() {
  static auto v = [] {
    auto r = CategoryVocabulary::Embedded();
    EXPECT_TRUE(r.has_value()) << r.error().message;
    return std::make_shared<const CategoryVocabulary>(std::move(*r));
  }();
  return v;
}

Result<Register> Parse(const std::string& yaml) { return ParseRegister(yaml, "reg.yaml", Vocab()); }

TEST(RegisterTest, ParsesFullRegisterWithAliasesRetentionAndPromises) {
  auto reg = Parse(R"(organisation: Voorbeeld BV
kvk: "12345678"
promises: [no_special_categories, no_id_copies]
legal_basis: [contract, gerechtvaardigd belang]
systems:
  - id: finance-share
    name: Financiële administratie (fileshare)
    locations: ["shares/finance/**"]
    categories: [naam, adres, email, bankrekeningnummer, company_id]
    retention: 7y
    purposes: [facturatie]
    legal_basis: legal_obligation
  - id: hr
    locations: [shares/hr/**, "mail/hr.pst"]
    categories: [name, BSN, ID-bewijs, contactgegevens]
    retention: 24m
    bsn_basis: "Wet op de loonbelasting 1964"
)");
  ASSERT_TRUE(reg.has_value()) << reg.error().message;
  EXPECT_EQ(reg->organisation, "Voorbeeld BV");
  EXPECT_EQ(reg->kvk, "12345678");
  EXPECT_TRUE(reg->promises.no_special_categories);
  EXPECT_TRUE(reg->promises.no_id_copies);
  EXPECT_THAT(reg->legal_basis, ElementsAre("contract", "legitimate_interest"));
  ASSERT_EQ(reg->systems.size(), 2u);
  const auto& fin = reg->systems[0];
  EXPECT_EQ(fin.line, 6);
  EXPECT_THAT(fin.categories, ElementsAre("name", "address", "email", "bank_account", "company_id"));
  ASSERT_TRUE(fin.retention.has_value());
  EXPECT_EQ(fin.retention->months, 84);
  EXPECT_THAT(fin.legal_basis, ElementsAre("legal_obligation"));
  const auto& hr = reg->systems[1];
  EXPECT_THAT(hr.categories, ElementsAre("name", "national_id", "identity_document", "email", "phone"));
  EXPECT_EQ(hr.retention->months, 24);
  EXPECT_EQ(hr.promises.bsn_basis, "Wet op de loonbelasting 1964");
  EXPECT_EQ(hr.name, "hr");
}

TEST(RegisterTest, UnknownCategoryIsNamedWithLineAndSuggestion) {
  auto reg = Parse(R"(organisation: X
systems:
  - id: sales
    locations: [shares/sales/**]
    categories: [naam,
                 bankrekeingnummer]
)");
  ASSERT_FALSE(reg.has_value());
  EXPECT_THAT(reg.error().message, HasSubstr("reg.yaml:6:"));
  EXPECT_THAT(reg.error().message, HasSubstr("unknown category 'bankrekeingnummer'"));
  EXPECT_THAT(reg.error().message, HasSubstr("system 'sales'"));
  EXPECT_THAT(reg.error().message, HasSubstr("did you mean 'bankrekeningnummer'"));
  EXPECT_THAT(reg.error().message, HasSubstr("bank_account"));
}

TEST(RegisterTest, BadRetentionUnknownKeyAndMissingIdHaveLines) {
  auto r1 = Parse("organisation: X\nsystems:\n  - id: a\n    retention: forever\n");
  ASSERT_FALSE(r1.has_value());
  EXPECT_THAT(r1.error().message, HasSubstr("reg.yaml:4: retention 'forever': expected a period such as 24m"));

  auto r2 = Parse("organisation: X\nsystems:\n  - id: a\n    categorys: [name]\n");
  ASSERT_FALSE(r2.has_value());
  EXPECT_THAT(r2.error().message, HasSubstr("reg.yaml:4: unknown key 'categorys'"));

  auto r3 = Parse("organisation: X\nsystems:\n  - name: a\n");
  ASSERT_FALSE(r3.has_value());
  EXPECT_THAT(r3.error().message, HasSubstr("reg.yaml:3: system 1 needs an `id`"));

  auto r4 = Parse("organisation: X\nsystems:\n  - id: a\n  - id: a\n");
  ASSERT_FALSE(r4.has_value());
  EXPECT_THAT(r4.error().message, HasSubstr("reg.yaml:4: system id 'a' is used twice"));

  auto r5 = Parse("organisation: X\nsystems: [\n");
  ASSERT_FALSE(r5.has_value());
  EXPECT_THAT(r5.error().message, HasSubstr("not valid YAML"));

  auto r6 = Parse("organisation: X\npromises: [no_sensitive]\nsystems: []\n");
  ASSERT_FALSE(r6.has_value());
  EXPECT_THAT(r6.error().message, HasSubstr("reg.yaml:2: unknown promise 'no_sensitive'"));

  auto r7 = Parse("organisation: X\n");
  ASSERT_FALSE(r7.has_value());
  EXPECT_THAT(r7.error().message, HasSubstr("expected `systems:`"));

  auto r8 = Parse("organisation: X\nsystems:\n  - id: a\n    legal_basis: because\n");
  ASSERT_FALSE(r8.has_value());
  EXPECT_THAT(r8.error().message, HasSubstr("reg.yaml:4: unknown legal_basis 'because'"));
}

TEST(RegisterTest, PromisesAsMapWithBsnBasis) {
  auto reg = Parse(R"(organisation: X
promises:
  no_special_categories: false
  no_id_copies: true
  bsn_basis: "UAVG art. 46 jo. Wet LB"
systems: []
)");
  ASSERT_TRUE(reg.has_value()) << reg.error().message;
  EXPECT_FALSE(reg->promises.no_special_categories);
  EXPECT_TRUE(reg->promises.no_id_copies);
  EXPECT_EQ(reg->promises.bsn_basis, "UAVG art. 46 jo. Wet LB");
}

TEST(RegisterTest, RetentionForms) {
  EXPECT_EQ(ParseRetention("24m")->months, 24);
  EXPECT_EQ(ParseRetention("2y")->months, 24);
  EXPECT_EQ(ParseRetention("10y")->months, 120);
  EXPECT_EQ(ParseRetention("7 jaar")->months, 84);
  EXPECT_EQ(ParseRetention("18 months")->months, 18);
  EXPECT_FALSE(ParseRetention("y").has_value());
  EXPECT_FALSE(ParseRetention("0y").has_value());
  EXPECT_FALSE(ParseRetention("5w").has_value());
}

TEST(RegisterGlobTest, Wildcards) {
  EXPECT_TRUE(GlobMatch("shares/*.csv", "shares/a.csv"));
  EXPECT_FALSE(GlobMatch("shares/*.csv", "shares/x/a.csv"));
  EXPECT_TRUE(GlobMatch("shares/**", "shares/x/y/a.csv"));
  EXPECT_TRUE(GlobMatch("shares/**/a.csv", "shares/a.csv"));
  EXPECT_TRUE(GlobMatch("shares/**/a.csv", "shares/x/y/a.csv"));
  EXPECT_FALSE(GlobMatch("shares/**/a.csv", "shares/xa.csv"));
  EXPECT_TRUE(GlobMatch("f?le.txt", "file.txt"));
  EXPECT_FALSE(GlobMatch("f?le.txt", "f/le.txt"));
  EXPECT_TRUE(GlobMatch("**.pdf", "a/b/c.pdf"));
}

TEST(RegisterGlobTest, CoversFoldersContainersAndAnyRoot) {
  EXPECT_TRUE(GlobCovers("shares/finance/**", "shares/finance/2023/facturen.xlsx"));
  EXPECT_TRUE(GlobCovers("shares/finance/**", "/srv/data/shares/finance/a.pdf"));
  EXPECT_TRUE(GlobCovers("shares/finance/**", "./corpus/shares/finance/a.pdf"));
  EXPECT_TRUE(GlobCovers("shares/finance", "shares/finance/a.pdf"));
  EXPECT_TRUE(GlobCovers("mail/export.pst", "corpus/mail/export.pst"));
  EXPECT_FALSE(GlobCovers("shares/finance/**", "shares/financeold/a.pdf"));
  EXPECT_FALSE(GlobCovers("shares/finance/**", "shares/sales/a.pdf"));
  EXPECT_FALSE(GlobCovers("/shares/finance/**", "/srv/shares/finance/a.pdf"));
  EXPECT_TRUE(GlobCovers("/srv/shares/finance/**", "/srv/shares/finance/a.pdf"));
  EXPECT_TRUE(GlobCovers("*.pst", "mail/x.pst"));
  EXPECT_GT(GlobSpecificity("shares/finance/**"), GlobSpecificity("shares/**"));
}

TEST(RegisterGlobTest, PathologicalGlobTerminates) {
  std::string glob(40, '*');
  glob += "b";
  EXPECT_FALSE(GlobMatch(glob, std::string(200, 'a')));
}

}  // namespace
}  // namespace piiscan::rules
