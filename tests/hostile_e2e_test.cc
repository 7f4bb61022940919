// The hostile corpus (corpus/hostile.py, small sizes) scanned by the built
// binary: every case ends as findings and a status record naming what went
// wrong, and the personal data read before a limit or beside damage is still
// found. Peak memory is measured by bench/hostile_rss.py, not here.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/test_support.h"

namespace piiscan {
namespace {

using testing::PiiscanBinary;
using testing::SourceDir;
using testing::TempDir;

struct CaseResult {
  std::vector<nlohmann::json> findings;
  std::vector<nlohmann::json> statuses;
  bool HasBsn() const {
    for (const auto& f : findings) {
      if (f.value("detector", "") == "bsn") return true;
    }
    return false;
  }
  // The reason of the first status of `kind` whose reason contains `part`, or "".
  std::string Status(const std::string& kind, const std::string& part) const {
    for (const auto& s : statuses) {
      std::string reason = s.value("reason", "");
      if (s.value("status", "") == kind && reason.find(part) != std::string::npos) return reason;
    }
    return "";
  }
};

// Generating the cases and scanning them takes most of the time: one test
// (one process) does it once and checks every case.
std::map<std::string, CaseResult> ScanHostileCorpus(const TempDir& dir) {
  std::map<std::string, CaseResult> results;
  auto gen = testing::Run("/usr/bin/python3 " + SourceDir() + "/corpus/hostile.py " + dir.path() +
                          "/cases");
  EXPECT_EQ(gen.exit_code, 0) << gen.err;
  // A private key: a checkout leaves the committed test key 0644, and a key
  // others can read is refused.
  std::string key = dir.Write("test.key", "hostile-corpus-test-key-0123456789\n");
  EXPECT_EQ(chmod(key.c_str(), 0600), 0);
  // zip_in_zip.zip is made small (8 MB) and the memory budget with it.
  auto scan = testing::Run(PiiscanBinary() + " scan -q --no-progress -j2 --min-confidence low " +
                           "--max-member-in-memory 4M " +
                           "--hash-key-file " + key + " " + dir.path() + "/cases");
  EXPECT_EQ(scan.err, "");
  std::istringstream in(scan.out);
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line);
    if (!j.contains("file")) continue;  // header, summary
    std::string file = j["file"].get<std::string>();
    file = file.substr(file.rfind('/') + 1);
    auto& r = results[file];
    (j.contains("status") ? r.statuses : r.findings).push_back(j);
  }
  return results;
}

TEST(HostileCorpus, EveryCaseEndsAsStatusesAndWhatWasReadIsScanned) {
  TempDir dir;
  auto results = ScanHostileCorpus(dir);
  {
    // 40 MB of text in 140 KB of gzip: the ratio limit stops it, after the
    // text read so far went to the detectors.
    const auto& r = results["bomb_text.txt.gz"];
    EXPECT_NE(r.Status("limit", "max_ratio:"), "");
    EXPECT_NE(r.Status("limit", "bytes were scanned"), "");
    EXPECT_TRUE(r.HasBsn()) << "bomb_text.txt.gz";
  }
  {
    // Headers claim 1,000 bytes for 40 MB: nothing is reserved from the
    // claim, the ratio is checked as bytes arrive, the start is scanned.
    const auto& r = results["lying_header.zip"];
    EXPECT_NE(r.Status("limit", "max_ratio:"), "");
    EXPECT_TRUE(r.HasBsn()) << "lying_header.zip";
  }
  {
    // An honest 72 MB text member, over 16 MiB: streamed through the text
    // windows, wholly scanned, no status.
    const auto& r = results["honest_big.zip"];
    EXPECT_TRUE(r.statuses.empty()) << r.statuses.front().dump();
    ASSERT_TRUE(r.HasBsn()) << "honest_big.zip";
    EXPECT_EQ(r.findings.front()["location"], nlohmann::json::array({"export/klanten.txt"}));
    EXPECT_EQ(r.findings.front()["line"], 2);
  }
  {
    // A zip in a zip must be read whole: over the memory budget it is a
    // limit naming max_member_in_memory; the text member beside it is still
    // scanned.
    const auto& r = results["zip_in_zip.zip"];
    EXPECT_NE(r.Status("limit", "max_member_in_memory:"), "");
    ASSERT_TRUE(r.HasBsn()) << "zip_in_zip.zip";
    EXPECT_EQ(r.findings.front()["location"], nlohmann::json::array({"los.txt"}));
  }
  {
    const auto& r = results["damaged_stream.pdf"];
    EXPECT_NE(r.Status("corrupt", "1 of 2 pages read"), "");
    EXPECT_TRUE(r.HasBsn()) << "damaged_stream.pdf";
  }
  for (const char* name : {"damaged_part.xlsx", "damaged_zip_part.xlsx"}) {
    const auto& r = results[name];
    EXPECT_NE(r.Status("corrupt", "shared strings part"), "") << name;
    EXPECT_TRUE(r.HasBsn()) << name;
  }
  {
    // The same bytes as inside a zip: an `unsupported` record, never nothing.
    const auto& r = results["nul_start.txt.gz"];
    ASSERT_EQ(r.statuses.size(), 1u);
    EXPECT_EQ(r.statuses.front()["status"], "unsupported");
    EXPECT_EQ(r.statuses.front()["location"], nlohmann::json::array({"nul_start.txt"}));
  }
  // ... while an empty tar, NUL bytes only, is nothing to report.
  EXPECT_EQ(results.count("empty.tar.gz"), 0u);
}

}  // namespace
}  // namespace piiscan
