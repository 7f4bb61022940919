#include "audit/audit.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <sstream>
#include <tuple>

#include "audit/audit_test_data.h"

namespace piiscan::audit {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

rules::Register LoadTestRegister(const std::string& yaml = testdata::RegisterYaml()) {
  auto vocab = rules::CategoryVocabulary::Embedded();
  EXPECT_TRUE(vocab.has_value());
  auto reg = rules::ParseRegister(yaml, "reg.yaml", std::make_shared<const rules::CategoryVocabulary>(*vocab));
  EXPECT_TRUE(reg.has_value()) << reg.error().message;
  return *reg;
}

AuditResult RunOn(const rules::Register& reg, const std::string& jsonl, AuditOptions opt = {}) {
  if (opt.now == 0) opt.now = *ParseIsoDate(testdata::kNow);
  Auditor auditor(reg, opt);
  std::istringstream in(jsonl);
  auto stats = reports::ReadFindings(in, "f.jsonl", auditor);
  EXPECT_TRUE(stats.has_value()) << stats.error().message;
  return std::move(auditor).Finish();
}

const Gap* FindGap(const AuditResult& r, GapKind kind, const std::string& system, const std::string& category = "",
                   const std::string& status = "") {
  for (const auto& g : r.gaps) {
    if (g.kind == kind && g.system == system && g.category == category && g.status == status) return &g;
  }
  return nullptr;
}

TEST(AuditTest, FindsExactlyThePlantedGaps) {
  auto reg = LoadTestRegister();
  auto r = RunOn(reg, testdata::FindingsJsonl());
  std::set<std::tuple<std::string, std::string, std::string, std::string>> got;
  for (const auto& g : r.gaps) {
    if (g.severity == Severity::kInfo) continue;
    got.emplace(std::string(GapKindName(g.kind)), g.system, g.category, std::string(SeverityName(g.severity)));
  }
  std::set<std::tuple<std::string, std::string, std::string, std::string>> want = {
      {"bsn_without_basis", "sales-share", "national_id", "critical"},
      {"special_category", "sales-share", "special_category", "critical"},
      {"id_copy", "support", "identity_document", "critical"},
      {"undeclared_category", "sales-share", "bank_account", "medium"},
      {"undeclared_location", "", "email", "medium"},
      {"retention_exceeded", "sales-share", "", "medium"},
      {"retention_exceeded", "finance", "", "medium"},
      {"unscanned", "finance", "", "medium"},
      {"unscanned", "", "", "low"},
  };
  EXPECT_EQ(got, want);
  // Sorted by severity: criticals first, info last.
  EXPECT_EQ(r.gaps.front().severity, Severity::kCritical);
  EXPECT_EQ(r.gaps.back().severity, Severity::kInfo);
}

TEST(AuditTest, EvidenceCountsLocationsAndMaskedSamples) {
  auto reg = LoadTestRegister();
  auto r = RunOn(reg, testdata::FindingsJsonl());
  const Gap* bsn = FindGap(r, GapKind::kBsnWithoutBasis, "sales-share", "national_id");
  ASSERT_NE(bsn, nullptr);
  EXPECT_EQ(bsn->count, 2u);
  EXPECT_EQ(bsn->files, 1u);
  EXPECT_EQ(bsn->distinct_values, 2u);
  ASSERT_EQ(bsn->locations.size(), 1u);
  EXPECT_EQ(bsn->locations[0].file, "shares/sales/klanten.xlsx");
  EXPECT_EQ(bsn->locations[0].count, 2u);
  ASSERT_EQ(bsn->samples.size(), 2u);
  EXPECT_EQ(bsn->samples[0].masked, "*****2333");
  EXPECT_THAT(bsn->samples[0].location, ElementsAre("sheet Klanten", "cell B7"));
  EXPECT_THAT(bsn->message, HasSubstr("UAVG art. 46"));

  const Gap* id = FindGap(r, GapKind::kIdCopy, "support", "identity_document");
  ASSERT_NE(id, nullptr);
  EXPECT_TRUE(id->promise_broken);
  EXPECT_THAT(id->message, HasSubstr("promises no ID copies"));

  const Gap* nowhere = FindGap(r, GapKind::kUndeclaredLocation, "", "email");
  ASSERT_NE(nowhere, nullptr);
  EXPECT_EQ(nowhere->count, 2u);
  EXPECT_EQ(nowhere->files, 1u);
  EXPECT_EQ(r.summary.undeclared_findings, 2u);
}

TEST(AuditTest, RetentionIsJudgedAgainstNow) {
  auto reg = LoadTestRegister();
  auto r = RunOn(reg, testdata::FindingsJsonl());
  const Gap* fin = FindGap(r, GapKind::kRetentionExceeded, "finance");
  ASSERT_NE(fin, nullptr);
  EXPECT_EQ(fin->count, 2u);  // IBAN and KvK in the 2015 file
  EXPECT_EQ(fin->items, 1u);
  EXPECT_EQ(fin->retention_months, 84);
  ASSERT_TRUE(fin->oldest.has_value());
  EXPECT_EQ(FormatIsoDate(*fin->oldest), "2015-01-01");
  EXPECT_EQ(fin->by_category.at("bank_account"), 1u);
  EXPECT_EQ(fin->locations[0].file, "shares/finance/2015/facturen.xlsx");

  // Eight years later, the 2023 finance file is not yet past 7 years, but in
  // 2031 it is.
  AuditOptions later;
  later.now = *ParseIsoDate("2031-01-02");
  auto r2 = RunOn(reg, testdata::FindingsJsonl(), later);
  const Gap* fin2 = FindGap(r2, GapKind::kRetentionExceeded, "finance");
  ASSERT_NE(fin2, nullptr);
  EXPECT_EQ(fin2->items, 2u);
  // Calendar months, to the day: on 2021-12-31 the 2020-01-01 message is
  // within 24 months and the 2015-01-01 file within 7 years; two days later
  // both are past.
  AuditOptions earlier;
  earlier.now = *ParseIsoDate("2021-12-31");
  auto r3 = RunOn(reg, testdata::FindingsJsonl(), earlier);
  EXPECT_EQ(FindGap(r3, GapKind::kRetentionExceeded, "sales-share"), nullptr);
  EXPECT_EQ(FindGap(r3, GapKind::kRetentionExceeded, "finance"), nullptr);
  earlier.now = *ParseIsoDate("2022-01-02");
  auto r4 = RunOn(reg, testdata::FindingsJsonl(), earlier);
  EXPECT_NE(FindGap(r4, GapKind::kRetentionExceeded, "sales-share"), nullptr);
  EXPECT_NE(FindGap(r4, GapKind::kRetentionExceeded, "finance"), nullptr);
}

TEST(AuditTest, DeclaredNotFoundIsInfoPerSystem) {
  auto reg = LoadTestRegister();
  auto r = RunOn(reg, testdata::FindingsJsonl());
  const Gap* mk = FindGap(r, GapKind::kDeclaredNotFound, "marketing", "ip_address");
  ASSERT_NE(mk, nullptr);
  EXPECT_EQ(mk->severity, Severity::kInfo);
  EXPECT_THAT(mk->message, HasSubstr("were they scanned"));
  EXPECT_NE(FindGap(r, GapKind::kDeclaredNotFound, "finance", "name"), nullptr);
  EXPECT_EQ(FindGap(r, GapKind::kDeclaredNotFound, "finance", "bank_account"), nullptr);
}

TEST(AuditTest, SummaryCountsAndConfidenceFilter) {
  auto reg = LoadTestRegister();
  auto r = RunOn(reg, testdata::FindingsJsonl());
  EXPECT_EQ(r.summary.findings_read, 19u);
  EXPECT_EQ(r.summary.below_confidence, 1u);
  EXPECT_EQ(r.summary.findings_counted, 18u);
  EXPECT_EQ(r.summary.unscanned_files, 2u);
  EXPECT_EQ(r.summary.by_status.at("encrypted"), 1u);
  EXPECT_EQ(r.summary.by_category.at("email"), 5u);
  EXPECT_EQ(r.summary.top_folders.front().folder, "shares/sales");
  EXPECT_EQ(r.unscanned.size(), 2u);
  EXPECT_EQ(r.unscanned[0].system, "finance");
  EXPECT_EQ(r.finding_rows.size(), 18u);
  ASSERT_EQ(r.systems.size(), 5u);
  EXPECT_EQ(r.systems[0].id, "sales-share");
  EXPECT_EQ(r.systems[0].found.at("email"), 2u);

  AuditOptions low;
  low.min_confidence = Confidence::kLow;
  auto r2 = RunOn(reg, testdata::FindingsJsonl(), low);
  EXPECT_EQ(r2.summary.findings_counted, 19u);
  EXPECT_NE(FindGap(r2, GapKind::kUndeclaredLocation, "", "phone"), nullptr);
}

TEST(AuditTest, PromiseAndBasisChangeTheOutcome) {
  // With a BSN basis for everything and special categories promised away,
  // the sales BSNs become an undeclared category and the HR health term a
  // broken promise.
  std::string yaml = testdata::RegisterYaml();
  yaml.replace(yaml.find("promises: [no_id_copies]"), 24,
               "promises: {no_special_categories: true, bsn_basis: \"Wet LB\"}");
  auto reg = LoadTestRegister(yaml);
  auto r = RunOn(reg, testdata::FindingsJsonl());
  EXPECT_EQ(FindGap(r, GapKind::kBsnWithoutBasis, "sales-share", "national_id"), nullptr);
  const Gap* undeclared = FindGap(r, GapKind::kUndeclaredCategory, "sales-share", "national_id");
  ASSERT_NE(undeclared, nullptr);
  EXPECT_EQ(undeclared->severity, Severity::kHigh);
  const Gap* hr = FindGap(r, GapKind::kSpecialCategory, "hr", "special_category");
  ASSERT_NE(hr, nullptr);
  EXPECT_TRUE(hr->promise_broken);
  EXPECT_EQ(hr->severity, Severity::kCritical);
  // No promise of no ID copies and support does not declare them: high.
  const Gap* id = FindGap(r, GapKind::kIdCopy, "support", "identity_document");
  ASSERT_NE(id, nullptr);
  EXPECT_EQ(id->severity, Severity::kHigh);
}

TEST(AuditTest, MostSpecificSystemWinsAndAnyCoveringSystemDeclares) {
  auto reg = LoadTestRegister(R"(organisation: X
systems:
  - id: all
    locations: ["shares/**"]
    categories: [name, email]
  - id: finance
    locations: ["shares/finance/**"]
    categories: [bank_account]
)");
  std::string jsonl =
      R"({"file":"shares/finance/a.csv","location":[],"detector":"email","category":"email","confidence":"high","masked":"x","value_hash":"1"})"
      "\n"
      R"({"file":"shares/finance/a.csv","location":[],"detector":"phone_nl","category":"phone","confidence":"high","masked":"y","value_hash":"2"})"
      "\n";
  auto r = RunOn(reg, jsonl);
  // e-mail is declared by the broader system: no gap; phone by neither: the
  // gap goes to the most specific system.
  EXPECT_EQ(FindGap(r, GapKind::kUndeclaredCategory, "finance", "email"), nullptr);
  EXPECT_NE(FindGap(r, GapKind::kUndeclaredCategory, "finance", "phone"), nullptr);
  EXPECT_EQ(r.systems[1].findings, 2u);
}

TEST(AuditTest, AddItemCountsScannedFilesAndIgnoresRawValues) {
  auto reg = LoadTestRegister();
  AuditOptions opt;
  opt.now = *ParseIsoDate(testdata::kNow);
  Auditor auditor(reg, opt);
  ItemReport item;
  item.file = "shares/sales/x.txt";
  Finding f;
  f.file = item.file;
  f.detector = "bsn";
  f.category = "national_id";
  f.confidence = Confidence::kHigh;
  f.masked = "*****2333";
  f.value = "111222333";
  item.findings.push_back(f);
  auditor.AddItem(item);
  item.continued = true;  // the second part of the same file
  auditor.AddItem(item);
  auditor.AddItem(ItemReport{.file = "shares/sales/empty.txt"});
  auto r = std::move(auditor).Finish();
  EXPECT_EQ(r.summary.files_scanned, 2u);
  EXPECT_EQ(r.summary.files_with_findings, 1u);
  const Gap* g = FindGap(r, GapKind::kBsnWithoutBasis, "sales-share", "national_id");
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(g->samples[0].masked, "*****2333");
}

TEST(AuditTest, IsoDates) {
  EXPECT_EQ(*ParseIsoDate("2024-06-01"), 1717200000);
  EXPECT_EQ(FormatIsoDate(1717200000), "2024-06-01");
  EXPECT_FALSE(ParseIsoDate("2024-13-01").has_value());
  EXPECT_FALSE(ParseIsoDate("2024-02-30").has_value());
  EXPECT_FALSE(ParseIsoDate("24-06-01").has_value());
}

}  // namespace
}  // namespace piiscan::audit

namespace piiscan::audit {
namespace {

TEST(AuditTest, AFifoIsACountedSkipNotAnUnscannedGap) {
  auto reg = LoadTestRegister();
  auto base = RunOn(reg, testdata::FindingsJsonl());
  std::string jsonl = testdata::FindingsJsonl();
  jsonl += R"({"file":"shares/finance/pijp","location":[],"status":"skipped","reason":"FIFO: not a regular file, not read"})"
           "\n";
  auto r = RunOn(reg, jsonl);
  EXPECT_EQ(r.summary.by_status.at("skipped"), 1u);
  EXPECT_EQ(r.summary.unscanned_files, base.summary.unscanned_files);
  EXPECT_EQ(r.unscanned.size(), base.unscanned.size());
  auto unscanned = [](const AuditResult& a) {
    uint64_t files = 0;
    for (const auto& g : a.gaps) files += g.kind == GapKind::kUnscanned ? g.files : 0;
    return files;
  };
  EXPECT_EQ(unscanned(r), unscanned(base));
}

}  // namespace
}  // namespace piiscan::audit
