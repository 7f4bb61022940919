// `piiscan scan` on the committed demo sample compared with the expected
// findings in tests/golden/sample_findings.jsonl: every field of the output
// contract except those that depend on the checkout (item_time is the file's
// mtime). The hash key is fixed so value_hash is compared too.
//
// After a deliberate detector change, regenerate and review the diff:
//   tests/golden/update.sh build/piiscan
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/support/test_support.h"

namespace piiscan {
namespace {

std::vector<std::string> Normalised(const std::string& jsonl) {
  std::vector<std::string> out;
  std::istringstream in(jsonl);
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    auto rec = nlohmann::json::parse(line);
    if (rec.contains("summary") || rec.contains("header")) continue;
    rec.erase("item_time");
    out.push_back(rec.dump());
  }
  return out;
}

TEST(GoldenSample, ScanOfTheDemoSampleIsAsExpected) {
  std::string src = testing::SourceDir();
  // A private copy of the committed key: a checkout makes it 0644, and a
  // key others can read is refused.
  testing::TempDir dir;
  std::string key = dir.Write("test.key", testing::ReadFile(src + "/tests/golden/test.key"));
  ASSERT_EQ(chmod(key.c_str(), 0600), 0);
  auto r = testing::Run("cd " + src + " && " + testing::PiiscanBinary() +
                        " scan -q --no-progress -j1 --min-confidence low --exclude truth.jsonl"
                        " --hash-key-file " + key + " corpus/sample");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto got = Normalised(r.out);
  auto want = Normalised(testing::ReadFile(src + "/tests/golden/sample_findings.jsonl"));
  ASSERT_FALSE(want.empty());
  EXPECT_EQ(got.size(), want.size());
  std::sort(got.begin(), got.end());
  std::sort(want.begin(), want.end());
  std::vector<std::string> missing, extra;
  std::set_difference(want.begin(), want.end(), got.begin(), got.end(), std::back_inserter(missing));
  std::set_difference(got.begin(), got.end(), want.begin(), want.end(), std::back_inserter(extra));
  for (const auto& m : missing) ADD_FAILURE() << "missing: " << m;
  for (const auto& e : extra) ADD_FAILURE() << "unexpected: " << e;
}

}  // namespace
}  // namespace piiscan
