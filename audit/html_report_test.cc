#include "audit/html_report.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <regex>
#include <sstream>

#include "audit/audit_test_data.h"
#include "audit/audit_trends.h"
#include "rules/rule_loader.h"
#include "tests/support/test_support.h"

namespace piiscan::audit {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* kChromium = "/usr/bin/chromium";

AuditResult CraftedAudit(const std::string& yaml = testdata::RegisterYaml(),
                         const std::string& jsonl = testdata::FindingsJsonl()) {
  auto vocab = rules::CategoryVocabulary::Embedded();
  auto reg = rules::ParseRegister(yaml, "register.yaml", std::make_shared<const rules::CategoryVocabulary>(*vocab));
  EXPECT_TRUE(reg.has_value()) << reg.error().message;
  static rules::Register keep;
  keep = *reg;
  AuditOptions opt;
  opt.now = *ParseIsoDate(testdata::kNow);
  Auditor auditor(keep, opt);
  std::istringstream in(jsonl);
  EXPECT_TRUE(reports::ReadFindings(in, "f.jsonl", auditor).has_value());
  return std::move(auditor).Finish();
}

// Trends over three completed scans of the crafted register's systems.
AuditTrends CraftedTrends(const rules::Register& reg) {
  std::vector<TrendPoint> points = {{3, "scan-a", 1733565600000}, {4, "scan-b", 1733652000000},
                                    {6, "scan-c", 1733738400000}};
  TrendBuilder b(reg, Confidence::kMedium, points, 5);
  b.AddGroup("shares/hr/loon.csv", "national_id", Confidence::kHigh, 1, std::nullopt, 12);
  b.AddGroup("shares/sales/k.xlsx", "national_id", Confidence::kHigh, 4, 6, 3);
  b.AddGroup("shares/sales/k.xlsx", "email", Confidence::kHigh, 2, std::nullopt, 40);
  b.AddGroup("elders/x.txt", "email", Confidence::kHigh, 6, std::nullopt, 2);
  b.SetBase(points[1]);
  Finding f;
  f.file = "shares/sales/k.xlsx";
  f.location = {"sheet Klanten", "cell B7"};
  f.detector = "bsn";
  f.category = "national_id";
  f.confidence = Confidence::kHigh;
  f.masked = "*****2333";
  b.AddChange(false, f);
  f.file = "elders/x.txt";
  f.location = {};
  f.detector = "email";
  f.category = "email";
  f.masked = "n***@voorbeeld.nl";
  b.AddChange(true, f);
  return std::move(b).Finish();
}

AuditResult CraftedAuditWithTrends() {
  AuditResult r = CraftedAudit();
  auto vocab = rules::CategoryVocabulary::Embedded();
  auto reg = rules::ParseRegister(testdata::RegisterYaml(), "register.yaml",
                                  std::make_shared<const rules::CategoryVocabulary>(*vocab));
  r.trends = CraftedTrends(*reg);
  return r;
}

std::string Render(const AuditResult& r) {
  auto rules = rules::LoadEmbeddedRules();
  EXPECT_TRUE(rules.has_value());
  auto html = RenderAuditHtml(r, *rules);
  EXPECT_TRUE(html.has_value()) << html.error().message;
  return html.value_or("");
}

size_t Count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

TEST(HtmlReportTest, SelfContainedEscapedAndMaskedOnly) {
  std::string html = Render(CraftedAudit());
  EXPECT_THAT(html, HasSubstr("<title>Privacy audit — Voorbeeld BV — 2024-06-01</title>"));
  // No external assets, no scripts.
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("http://")));
  EXPECT_THAT(html, Not(HasSubstr("https://")));
  EXPECT_THAT(html, Not(HasSubstr(" src=")));
  // The raw value that came with --show-values never appears; masked ones do.
  EXPECT_THAT(html, Not(HasSubstr("111222333")));
  EXPECT_THAT(html, HasSubstr("*****2333"));
  // One row per gap; info gaps in their own table.
  EXPECT_EQ(Count(html, "data-kind=\"bsn_without_basis\""), 1u);
  EXPECT_EQ(Count(html, "data-kind=\"retention_exceeded\""), 2u);
  EXPECT_EQ(Count(html, "data-kind=\"unscanned\""), 2u);
  EXPECT_EQ(Count(html, "data-kind=\"declared_not_found\""), 5u);
  EXPECT_THAT(html, HasSubstr("shares/sales/klanten.xlsx"));
  EXPECT_THAT(html, HasSubstr("pdf: damaged xref, 3 of 5 pages read"));
  EXPECT_THAT(html, HasSubstr("<svg viewBox"));
}

TEST(HtmlReportTest, EscapesEverythingFromInput) {
  std::string jsonl =
      R"({"file":"shares/<script>alert(1)</script>/x&y.txt","location":["sheet \"A\""],"detector":"email","category":"email","confidence":"high","masked":"<b>j***@example.nl</b>","value_hash":"1"})"
      "\n";
  std::string html = Render(CraftedAudit(testdata::RegisterYaml(), jsonl));
  EXPECT_THAT(html, Not(HasSubstr("<script>alert(1)")));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;/x&amp;y.txt"));
  EXPECT_THAT(html, HasSubstr("&lt;b&gt;j***@example.nl&lt;/b&gt;"));
}

TEST(HtmlReportTest, NoGapsSaysSo) {
  std::string yaml = "organisation: Leeg BV\nsystems:\n  - id: all\n    locations: ['**']\n";
  std::string html = Render(CraftedAudit(yaml, ""));
  EXPECT_THAT(html, HasSubstr("No gaps: what was found matches the register."));
  EXPECT_THAT(html, HasSubstr("Every file was read completely."));
}

TEST(HtmlReportTest, TrendsAreAChartAndATablePerSystemWithoutScript) {
  std::string html = Render(CraftedAuditWithTrends());
  EXPECT_THAT(html, HasSubstr("<section id=\"trends\">"));
  EXPECT_THAT(html, Not(HasSubstr("<script")));
  // All systems, hr, sales-share, outside every system: four figures, each
  // with two lines (and two legend strokes) and one table row per scan.
  EXPECT_EQ(Count(html, "<figure class=\"trend\""), 4u);
  EXPECT_EQ(Count(html, "<polyline"), 16u);
  EXPECT_EQ(Count(html, "<tr class=\"trend-point\""), 12u);
  EXPECT_THAT(html, HasSubstr("data-system=\"sales-share\""));
  // All systems at scan 6: 12 + 40 + 2 findings (the sales BSN resolved in
  // 6), 2 gaps (outside every system).
  EXPECT_THAT(html, HasSubstr("data-scan=\"6\"><th scope=\"row\" class=\"mono\" title=\"scan-c\">#6</th>"
                              "<td class=\"mono\">2024-12-09 10:00</td><td class=\"num\" data-findings=\"54\">54</td>"
                              "<td class=\"num\" data-gaps=\"2\">2</td>"));
  EXPECT_THAT(html, HasSubstr("data-category=\"national_id\" data-findings=\"3\" data-gaps=\"3\">3 <span "
                              "class=\"gapnote\">(3 gaps)</span>"));
  EXPECT_THAT(html, Not(HasSubstr("(0 gaps)")));
  EXPECT_THAT(html, HasSubstr("id=\"new-since\""));
  EXPECT_THAT(html, HasSubstr("id=\"resolved-since\""));
  EXPECT_THAT(html, HasSubstr("n***@voorbeeld.nl"));
  EXPECT_THAT(html, HasSubstr("shares/sales/k.xlsx › sheet Klanten › cell B7"));
  EXPECT_THAT(html, Not(HasSubstr("id=\"one-point\"")));
}

TEST(HtmlReportTest, TrendsWithNoOrOneCompletedScanSaySo) {
  auto vocab = rules::CategoryVocabulary::Embedded();
  auto reg = rules::ParseRegister(testdata::RegisterYaml(), "register.yaml",
                                  std::make_shared<const rules::CategoryVocabulary>(*vocab));
  ASSERT_TRUE(reg.has_value());
  AuditResult none = CraftedAudit();
  none.trends = TrendBuilder(*reg, Confidence::kMedium, {}, 0).Finish();
  std::string html = Render(none);
  EXPECT_THAT(html, HasSubstr("The findings store has no completed scan yet"));
  EXPECT_THAT(html, Not(HasSubstr("<figure class=\"trend\"")));
  EXPECT_THAT(html, Not(HasSubstr("id=\"new-since\"")));

  AuditResult one = CraftedAudit();
  TrendBuilder b(*reg, Confidence::kMedium, {{2, "only", 1733565600000}}, 1);
  b.AddGroup("shares/hr/loon.csv", "national_id", Confidence::kHigh, 1, std::nullopt, 7);
  one.trends = std::move(b).Finish();
  html = Render(one);
  EXPECT_THAT(html, HasSubstr("id=\"one-point\""));
  EXPECT_THAT(html, HasSubstr("id=\"no-previous\""));
  EXPECT_EQ(Count(html, "<tr class=\"trend-point\""), 2u);  // all systems, hr
  EXPECT_THAT(html, HasSubstr("data-findings=\"7\""));
  EXPECT_THAT(html, Not(HasSubstr("id=\"new-since\"")));
}

// Opens the report in headless Chromium: it must render, show the gap rows,
// log nothing to the console, and leave a screenshot in the build directory.
TEST(HtmlReportTest, RendersInHeadlessChromium) {
  if (!std::filesystem::exists(kChromium)) {
    const char* ci = std::getenv("CI");
    if (ci && std::string(ci) == "true") FAIL() << kChromium << " is missing (apt-get install chromium)";
    GTEST_SKIP() << kChromium << " not installed";
  }
  std::string build_dir = std::filesystem::path(testing::GeneratedFixturesDir()).parent_path().string();
  std::string page = build_dir + "/audit_report_test.html";
  std::string shot = build_dir + "/audit_report_screenshot.png";
  {
    std::string html = Render(CraftedAuditWithTrends());
    testing::TempDir unused;
    std::FILE* f = std::fopen(page.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    std::fwrite(html.data(), 1, html.size(), f);
    std::fclose(f);
  }
  std::filesystem::remove(shot);
  testing::TempDir profile;
  std::string base = std::string("timeout 180 ") + kChromium +
                     " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
                     " --disable-background-networking --disable-component-update --disable-sync"
                     " --enable-logging=stderr --v=0 --user-data-dir=" + profile.path();
  auto dom = testing::Run(base + " --dump-dom file://" + page);
  ASSERT_EQ(dom.exit_code, 0) << dom.err;
  EXPECT_THAT(dom.out, HasSubstr("Privacy audit: Voorbeeld BV"));
  EXPECT_EQ(Count(dom.out, "<tr class=\"gap sev-critical\""), 3u);
  EXPECT_THAT(dom.out, HasSubstr("data-kind=\"bsn_without_basis\""));
  EXPECT_THAT(dom.out, HasSubstr("data-kind=\"id_copy\""));
  EXPECT_THAT(dom.out, HasSubstr("data-kind=\"undeclared_location\""));
  // The trends: four charts drawn as SVG, their tables, the change sections.
  EXPECT_EQ(Count(dom.out, "<figure class=\"trend\""), 4u);
  EXPECT_EQ(Count(dom.out, "<tr class=\"trend-point\""), 12u);
  EXPECT_THAT(dom.out, HasSubstr("<polyline points="));
  EXPECT_THAT(dom.out, HasSubstr("Resolved since the previous scan"));
  // No JavaScript console output and no failed loads.
  EXPECT_THAT(dom.err, Not(HasSubstr("CONSOLE")));
  EXPECT_THAT(dom.err, Not(HasSubstr("ERR_FILE_NOT_FOUND")));
  EXPECT_THAT(dom.err, Not(HasSubstr("Failed to load resource")));

  auto png = testing::Run(base + " --hide-scrollbars --window-size=1280,2000 --screenshot=" + shot + " file://" + page);
  ASSERT_EQ(png.exit_code, 0) << png.err;
  ASSERT_TRUE(std::filesystem::exists(shot)) << png.err;
  EXPECT_GT(std::filesystem::file_size(shot), 20000u);  // a rendered page, not a blank one
  std::string head = testing::ReadFile(shot).substr(0, 8);
  EXPECT_EQ(head, std::string("\x89PNG\r\n\x1a\n", 8));
}

}  // namespace
}  // namespace piiscan::audit
