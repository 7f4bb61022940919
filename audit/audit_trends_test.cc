// The trend model: findings and gaps per completed scan from grouped
// history, attributed and judged as the audit does; new and resolved since
// the previous scan.
#include "audit/audit_trends.h"

#include <gtest/gtest.h>

#include "audit/audit_test_data.h"

namespace piiscan::audit {
namespace {

rules::Register TestRegister() {
  auto vocab = rules::CategoryVocabulary::Embedded();
  auto reg = rules::ParseRegister(testdata::RegisterYaml(), "register.yaml",
                                  std::make_shared<const rules::CategoryVocabulary>(*vocab));
  EXPECT_TRUE(reg.has_value()) << reg.error().message;
  return *reg;
}

std::vector<TrendPoint> Points(std::vector<int64_t> scans) {
  std::vector<TrendPoint> out;
  for (auto s : scans) out.push_back({s, "scan-" + std::to_string(s), s * 86400000});
  return out;
}

const TrendSeries* Find(const AuditTrends& t, const std::string& system,
                        const std::string& category) {
  for (const auto& s : t.series) {
    if (s.system == system && s.category == category) return &s;
  }
  return nullptr;
}

using Counts = std::vector<uint64_t>;

TEST(TrendBuilderTest, CountsEachGroupAtThePointsItWasPresent) {
  auto reg = TestRegister();
  // Points: completed scans 2, 3, 5 (1 and 4 were interrupted or older).
  TrendBuilder b(reg, Confidence::kMedium, Points({2, 3, 5}), 4);
  // hr declares BSN and has a basis: no gap. Present from before the window.
  b.AddGroup("shares/hr/loon.csv", "national_id", Confidence::kHigh, 1, std::nullopt, 4);
  // sales has no BSN basis: a gap; first seen in interrupted scan 4, so
  // first counted at 5.
  b.AddGroup("shares/sales/k.xlsx", "national_id", Confidence::kHigh, 4, std::nullopt, 2);
  // sales e-mail: declared; resolved in 3 (present at 2 only).
  b.AddGroup("shares/sales/k.xlsx", "email", Confidence::kMedium, 2, 3, 5);
  // Outside every system: an undeclared location, present at 3 only.
  b.AddGroup("elsewhere/x.txt", "email", Confidence::kHigh, 3, 5, 1);
  // Below the minimum confidence: not counted.
  b.AddGroup("shares/hr/loon.csv", "name", Confidence::kLow, 1, std::nullopt, 100);
  // Resolved before the first point: not counted.
  b.AddGroup("shares/hr/old.csv", "national_id", Confidence::kHigh, 1, 2, 7);
  AuditTrends t = std::move(b).Finish();

  ASSERT_EQ(t.points.size(), 3u);
  EXPECT_EQ(t.completed_scans, 4u);
  EXPECT_EQ(t.total_findings, (Counts{4 + 5, 4 + 1, 4 + 2}));
  EXPECT_EQ(t.total_gaps, (Counts{0, 1, 2}));
  const auto* hr = Find(t, "hr", "national_id");
  ASSERT_NE(hr, nullptr);
  EXPECT_EQ(hr->findings, (Counts{4, 4, 4}));
  EXPECT_EQ(hr->gaps, (Counts{0, 0, 0}));
  const auto* bsn = Find(t, "sales-share", "national_id");
  ASSERT_NE(bsn, nullptr);
  EXPECT_EQ(bsn->findings, (Counts{0, 0, 2}));
  EXPECT_EQ(bsn->gaps, (Counts{0, 0, 2}));
  const auto* mail = Find(t, "sales-share", "email");
  ASSERT_NE(mail, nullptr);
  EXPECT_EQ(mail->findings, (Counts{5, 0, 0}));
  const auto* outside = Find(t, "", "email");
  ASSERT_NE(outside, nullptr);
  EXPECT_EQ(outside->gaps, (Counts{0, 1, 0}));
  EXPECT_EQ(Find(t, "hr", "name"), nullptr);
  // Register order, no system last.
  EXPECT_EQ(t.series.back().system, "");
  EXPECT_FALSE(t.base.has_value());
}

TEST(TrendBuilderTest, ChangesAreCountedPerSystemAndCategoryAndKeptMasked) {
  auto reg = TestRegister();
  TrendBuilder b(reg, Confidence::kMedium, Points({1, 2}), 2, /*max_changed=*/2);
  b.SetBase(Points({1})[0]);
  Finding f;
  f.file = "shares/sales/k.xlsx";
  f.detector = "bsn";
  f.category = "national_id";
  f.confidence = Confidence::kHigh;
  f.masked = "*****2333";
  b.AddChange(true, f);
  b.AddChange(true, f);
  f.category = "email";
  f.detector = "email";
  f.masked = "j***@example.nl";
  b.AddChange(false, f);
  f.confidence = Confidence::kLow;
  b.AddChange(false, f);  // below the minimum: left out
  AuditTrends t = std::move(b).Finish();
  ASSERT_TRUE(t.base.has_value());
  EXPECT_EQ(t.base->scan, 1);
  EXPECT_EQ(t.added, 2u);
  EXPECT_EQ(t.resolved, 1u);
  ASSERT_EQ(t.changes.size(), 2u);
  EXPECT_EQ(t.changes[0].category, "email");
  EXPECT_EQ(t.changes[0].resolved, 1u);
  EXPECT_EQ(t.changes[1].category, "national_id");
  EXPECT_EQ(t.changes[1].added, 2u);
  ASSERT_EQ(t.changed.size(), 2u);  // capped
  EXPECT_TRUE(t.changed_truncated);
  EXPECT_EQ(t.changed[0].masked, "*****2333");
  EXPECT_EQ(t.changed[0].gap, "bsn_without_basis");
  EXPECT_EQ(t.changed[0].system, "sales-share");
}

TEST(TrendBuilderTest, NoCompletedScanMeansNoPoints) {
  auto reg = TestRegister();
  TrendBuilder b(reg, Confidence::kMedium, {}, 0);
  b.AddGroup("shares/hr/loon.csv", "national_id", Confidence::kHigh, 1, std::nullopt, 4);
  AuditTrends t = std::move(b).Finish();
  EXPECT_TRUE(t.points.empty());
  EXPECT_TRUE(t.series.empty());
  EXPECT_TRUE(t.total_findings.empty());
}

}  // namespace
}  // namespace piiscan::audit
