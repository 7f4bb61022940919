// `piiscan audit --db` trends as a user gets them: a real tree scanned into
// a real store four times, with a file added (with a BSN), one deleted and
// one changed between the scans; the audit's JSON, HTML and XLSX must show,
// per completed scan, the findings each scan's own JSONL output holds (an
// independent count), attributed and judged against the register. Each test
// runs on an SQLite file and on a database of a real PostgreSQL server.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <thread>

#include "tests/support/pg_test_db.h"
#include "tests/support/test_support.h"

namespace piiscan {
namespace {

using nlohmann::json;
using testing::TempDir;

// hr may hold BSNs (it has a basis); sales declares no BSN and no basis:
// a BSN there is a gap, and so is anything under share/other/ (no system).
constexpr const char* kRegister = R"(organisation: Trend BV
systems:
  - id: hr
    name: Personeelszaken
    locations: ["**/share/hr/**"]
    categories: [name, address, email, phone, national_id, bank_account, date_of_birth]
    bsn_basis: "Wet op de loonheffingen"
  - id: sales
    name: Verkoop
    locations: ["**/share/sales/**"]
    categories: [name, email, phone, address, company_id, bank_account]
)";

using Key = std::pair<std::string, std::string>;  // system, category
struct Count {
  uint64_t findings = 0, gaps = 0;
  bool operator==(const Count&) const = default;
};

std::string SystemOf(const std::string& file) {
  if (file.find("/share/hr/") != std::string::npos) return "hr";
  if (file.find("/share/sales/") != std::string::npos) return "sales";
  return "";
}

bool IsGap(const std::string& system, const std::string& category) {
  static const std::set<std::string> hr = {"name",        "address",      "email",        "phone",
                                           "national_id", "bank_account", "date_of_birth"};
  static const std::set<std::string> sales = {"name",    "email",      "phone",
                                              "address", "company_id", "bank_account"};
  if (system.empty()) return true;
  return !(system == "hr" ? hr : sales).contains(category);
}

// The oracle: a scan's JSONL output, counted per system and category at the
// audit's default confidence (medium and up).
std::map<Key, Count> CountJsonl(const std::string& path) {
  std::map<Key, Count> out;
  std::istringstream in(testing::ReadFile(path));
  for (std::string line; std::getline(in, line);) {
    auto j = json::parse(line);
    if (!j.contains("detector") || j["confidence"] == "low") continue;
    std::string system = SystemOf(j["file"]), category = j["category"];
    Count& c = out[{system, category}];
    ++c.findings;
    if (IsGap(system, category)) ++c.gaps;
  }
  return out;
}

class AuditTrendsE2e : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    key_ = dir_.Write("key", "trend-test-key-0123456789abcdef\n");
    ::chmod(key_.c_str(), 0600);
    reg_ = dir_.Write("register.yaml", kRegister);
    if (GetParam() == "postgres") {
      if (!pg_.available()) GTEST_SKIP() << pg_.why();
      db_ = "'" + pg_.target() + "'";
    } else {
      db_ = dir_.path() + "/piiscan.db";
    }
    // Synthetic data only (valid check digits, no real person's).
    dir_.Write("share/hr/loon.txt", "Medewerker BSN: 111222333\nMail: medewerker@voorbeeld.nl\n");
    dir_.Write("share/sales/klant.txt", "Klant BSN: 116263684\nMail: klant.een@voorbeeld.nl\n");
    dir_.Write("share/sales/offerte.txt",
               "Offerte voor offerte.klant@voorbeeld.nl, tel 06-12345678\n");
    dir_.Write("share/other/notitie.txt", "Terugbellen: notitie@voorbeeld.nl\n");
  }

  std::string Piiscan(const std::string& args) const {
    return "cd " + dir_.path() + " && env -u PIISCAN_DB " + testing::PiiscanBinary() + " " + args;
  }

  // Scan n of the share; its JSONL output is the oracle of point n.
  void Scan(int n) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));  // a later mtime for changed files
    std::string out = dir_.path() + "/scan" + std::to_string(n) + ".jsonl";
    auto r = testing::Run(Piiscan("scan -q --no-progress --hash-key-file " + key_ + " --db " + db_ +
                                  " -o " + out + " " + dir_.path() + "/share"));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    expected_.push_back(CountJsonl(out));
  }

  json Audit(const std::string& extra = "") {
    auto r =
        testing::Run(Piiscan("audit --register " + reg_ + " --db " + db_ + " --format json -o " +
                             dir_.path() + "/audit.json --report " + dir_.path() +
                             "/audit.html --xlsx " + dir_.path() + "/audit.xlsx " + extra));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(testing::ReadFile(dir_.path() + "/audit.json"));
  }

  TempDir dir_;
  piiscan::testing::PgTestDatabase pg_;
  std::string key_, reg_, db_;
  std::vector<std::map<Key, Count>> expected_;
};

TEST_P(AuditTrendsE2e, PerScanCountsFollowAddedDeletedAndChangedFiles) {
  Scan(1);
  dir_.Write("share/hr/nieuw.txt",
             "Nieuwe medewerker, BSN 691400507\n");  // a file with a BSN added
  Scan(2);
  std::filesystem::remove(dir_.path() + "/share/sales/offerte.txt");  // one deleted
  Scan(3);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  dir_.Write("share/sales/klant.txt",
             "Mail: klant.een@voorbeeld.nl, klant.twee@voorbeeld.nl\n");  // BSN gone
  Scan(4);
  // The scenario did what it should (else the test proves nothing).
  ASSERT_EQ(expected_[0].at(Key("sales", "national_id")), (Count{1, 1}));
  ASSERT_FALSE(expected_[3].contains(Key("sales", "national_id")));
  ASSERT_EQ(expected_[1].at(Key("hr", "national_id")).findings, 2u);
  ASSERT_GT(expected_[0].at(Key("", "email")).gaps, 0u);

  json j = Audit();
  ASSERT_TRUE(j.contains("trends"));
  const json& t = j["trends"];
  ASSERT_EQ(t["points"].size(), 4u);
  EXPECT_EQ(t["completed_scans"], 4);
  std::vector<std::map<Key, Count>> got(4);
  for (const auto& s : t["series"]) {
    std::string system = s["system"].is_null() ? "" : s["system"].get<std::string>();
    for (size_t i = 0; i < 4; ++i) {
      if (s["findings"][i] == 0 && s["gaps"][i] == 0) continue;
      got[i][{system, s["category"]}] = Count{s["findings"][i], s["gaps"][i]};
    }
  }
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(got[i], expected_[i]) << "point " << i + 1;
    uint64_t findings = 0, gaps = 0;
    for (const auto& [k, c] : expected_[i]) {
      findings += c.findings;
      gaps += c.gaps;
    }
    EXPECT_EQ(t["total"]["findings"][i], findings) << "point " << i + 1;
    EXPECT_EQ(t["total"]["gaps"][i], gaps) << "point " << i + 1;
  }

  // Since scan 3: klant.txt lost its BSN and gained an address.
  EXPECT_EQ(t["since"]["scan_id"], t["points"][2]["scan_id"]);
  std::map<Key, std::pair<uint64_t, uint64_t>> changes;
  for (const auto& c : t["changes"]) {
    changes[{c["system"].is_null() ? "" : c["system"].get<std::string>(), c["category"]}] = {
        c["new"], c["resolved"]};
  }
  EXPECT_EQ(changes[Key("sales", "national_id")], std::make_pair(uint64_t{0}, uint64_t{1}));
  EXPECT_EQ(changes[Key("sales", "email")].first, 1u);
  EXPECT_EQ(t["new"], 1);
  EXPECT_EQ(t["resolved"], 1);
  bool saw_bsn = false;
  for (const auto& c : t["changed"]) {
    if (c["category"] != "national_id") continue;
    saw_bsn = true;
    EXPECT_EQ(c["change"], "resolved");
    EXPECT_EQ(c["gap"], "bsn_without_basis");
    EXPECT_FALSE(c["masked"].get<std::string>().empty());
    EXPECT_EQ(c["masked"].get<std::string>().find("116263684"), std::string::npos);
  }
  EXPECT_TRUE(saw_bsn);

  // The HTML: the same totals per scan in the all-systems table, the chart,
  // the sections, and no raw value.
  std::string html = testing::ReadFile(dir_.path() + "/audit.html");
  EXPECT_NE(html.find("<section id=\"trends\">"), std::string::npos);
  size_t fig = html.find("data-total=\"true\"");
  ASSERT_NE(fig, std::string::npos);
  for (size_t i = 0; i < 4; ++i) {
    std::string row = "<tr class=\"trend-point\" data-scan=\"" +
                      std::to_string(t["points"][i]["scan"].get<int>()) + "\">";
    size_t at = html.find(row, fig);
    ASSERT_NE(at, std::string::npos) << row;
    std::string cells = html.substr(at, html.find("</tr>", at) - at);
    EXPECT_NE(cells.find("data-findings=\"" + std::to_string(t["total"]["findings"][i].get<int>()) +
                         "\""),
              std::string::npos)
        << cells;
    EXPECT_NE(cells.find("data-gaps=\"" + std::to_string(t["total"]["gaps"][i].get<int>()) + "\""),
              std::string::npos)
        << cells;
  }
  EXPECT_NE(html.find("<polyline"), std::string::npos);
  EXPECT_NE(html.find("id=\"new-since\""), std::string::npos);
  EXPECT_NE(html.find("id=\"resolved-since\""), std::string::npos);
  EXPECT_NE(html.find("<table class=\"change-counts\" data-change=\"resolved\">"),
            std::string::npos);
  for (const char* raw : {"111222333", "116263684", "691400507", "klant.twee@"}) {
    EXPECT_EQ(html.find(raw), std::string::npos) << raw;
  }
  EXPECT_EQ(html.find("<script"), std::string::npos);

  // The XLSX: a Trends sheet with a native line chart over its totals.
  auto list = testing::Run("unzip -l " + dir_.path() + "/audit.xlsx");
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("xl/charts/chart1.xml"), std::string::npos);
  auto book = testing::Run("unzip -p " + dir_.path() + "/audit.xlsx xl/workbook.xml");
  EXPECT_NE(book.out.find("name=\"Trends\""), std::string::npos);
  EXPECT_NE(book.out.find("name=\"Changed findings\""), std::string::npos);
  auto chart = testing::Run("unzip -p " + dir_.path() + "/audit.xlsx xl/charts/chart1.xml");
  EXPECT_NE(chart.out.find("Trends!$F$2:$F$5"), std::string::npos);
  EXPECT_NE(chart.out.find("Trends!$G$2:$G$5"), std::string::npos);

  // --trend-scans 2: the last two points only; 0: no trends.
  json two = Audit("--trend-scans 2");
  ASSERT_EQ(two["trends"]["points"].size(), 2u);
  EXPECT_EQ(two["trends"]["points"][0]["scan_id"], t["points"][2]["scan_id"]);
  EXPECT_EQ(two["trends"]["total"]["findings"][1], t["total"]["findings"][3]);
  EXPECT_FALSE(Audit("--trend-scans 0").contains("trends"));
}

TEST_P(AuditTrendsE2e, OneCompletedScanShowsOnePointAndSaysSo) {
  Scan(1);
  json j = Audit();
  const json& t = j["trends"];
  ASSERT_EQ(t["points"].size(), 1u);
  EXPECT_TRUE(t["since"].is_null());
  EXPECT_TRUE(t["changed"].empty());
  uint64_t findings = 0;
  for (const auto& [k, c] : expected_[0]) findings += c.findings;
  EXPECT_EQ(t["total"]["findings"][0], findings);
  std::string html = testing::ReadFile(dir_.path() + "/audit.html");
  EXPECT_NE(html.find("id=\"one-point\""), std::string::npos);
  EXPECT_NE(html.find("Only one completed scan so far"), std::string::npos);
  EXPECT_EQ(html.find("id=\"new-since\""), std::string::npos);
  auto text = testing::Run(Piiscan("audit --register " + reg_ + " --db " + db_));
  EXPECT_NE(text.out.find("one completed scan: nothing to compare with yet"), std::string::npos)
      << text.out;
}

TEST_P(AuditTrendsE2e, TriagedFindingsAreLeftOutOfEveryPointAsOfTheAudit) {
  Scan(1);
  Scan(2);
  const uint64_t before = Audit()["trends"]["total"]["findings"][1];
  // The address in the note is judged no personal data, by its hash.
  std::string hash;
  std::istringstream in(testing::ReadFile(dir_.path() + "/scan2.jsonl"));
  for (std::string line; std::getline(in, line);) {
    auto j = json::parse(line);
    if (j.contains("detector") && j["file"].get<std::string>().ends_with("notitie.txt")) hash = j["value_hash"];
  }
  ASSERT_FALSE(hash.empty());
  auto r = testing::Run(Piiscan("triage --db " + db_ + " --value-hash " + hash +
                                " --verdict false_positive --note test --by tester"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json j = Audit();
  const json& t = j["trends"];
  EXPECT_EQ(t["total"]["findings"][0], before - 1);
  EXPECT_EQ(t["total"]["findings"][1], before - 1);
  // The latest point agrees with the audit's own count of findings.
  EXPECT_EQ(Audit("--include-triaged")["trends"]["total"]["findings"][1], before);
}

TEST_P(AuditTrendsE2e, AnAuditWithoutAStoreHasNoTrends) {
  Scan(1);
  std::string findings = dir_.path() + "/scan1.jsonl";
  auto r = testing::Run(Piiscan("audit --register " + reg_ + " --findings " + findings +
                                " --format json -o " + dir_.path() + "/plain.json --report " +
                                dir_.path() + "/plain.html"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(json::parse(testing::ReadFile(dir_.path() + "/plain.json")).contains("trends"));
  std::string html = testing::ReadFile(dir_.path() + "/plain.html");
  EXPECT_EQ(html.find("id=\"trends\""), std::string::npos);
  EXPECT_EQ(html.find("New since the previous scan"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditTrendsE2e, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace piiscan
