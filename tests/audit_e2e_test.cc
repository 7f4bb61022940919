// The demo corpus end to end: `piiscan scan --register` on the committed
// sample share finds exactly the gaps the corpus generator planted
// (corpus/expected_gaps.jsonl), no more, no fewer, and writes the reports.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

#include "tests/support/test_support.h"

namespace piiscan {
namespace {

using Gap = std::tuple<std::string, std::string, std::string>;  // kind, system, category

TEST(AuditE2e, ScanWithRegisterFindsExactlyThePlantedGaps) {
  testing::TempDir dir;
  std::string src = testing::SourceDir();
  std::string gaps_json = dir.path() + "/gaps.json", report = dir.path() + "/report.html",
              xlsx = dir.path() + "/report.xlsx";
  std::string key = dir.Write("key", "audit-e2e-test-key-0123456789\n");
  chmod(key.c_str(), 0600);  // a key others can read is refused
  // Run from the source tree so that finding paths look like the register's
  // globs expect ("corpus/sample/shares/sales/...").
  auto r = testing::Run("cd " + src + " && " + testing::PiiscanBinary() +
                        " scan -q --no-progress --min-confidence low --exclude truth.jsonl"
                        " --hash-key-file " + key + " -o " + dir.path() + "/findings.jsonl" +
                        " --register corpus/register.yaml --audit-format json --audit-output " +
                        gaps_json + " --report " + report + " --xlsx " + xlsx + " corpus/sample");
  ASSERT_EQ(r.exit_code, 0) << r.err;

  std::set<Gap> expected;
  std::ifstream in(src + "/corpus/expected_gaps.jsonl");
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    auto g = nlohmann::json::parse(line);
    expected.insert({g["kind"], g.value("system", ""), g.value("category", "")});
  }
  ASSERT_FALSE(expected.empty());

  auto result = nlohmann::json::parse(testing::ReadFile(gaps_json));
  std::set<Gap> found;
  for (const auto& g : result["gaps"]) {
    if (g["kind"] == "declared_not_found") continue;  // info: over-declaration
    std::string system = g.contains("system") && g["system"].is_string() ? g["system"].get<std::string>() : "";
    std::string category = g.contains("category") && g["category"].is_string() ? g["category"].get<std::string>() : "";
    found.insert({g["kind"], system, category});
  }
  EXPECT_EQ(found, expected);
  EXPECT_NE(testing::ReadFile(report).find("bsn_without_basis"), std::string::npos);
  EXPECT_GT(testing::ReadFile(xlsx).size(), 1000u);
}

}  // namespace
}  // namespace piiscan
