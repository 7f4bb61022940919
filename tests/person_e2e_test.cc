// `piiscan person` as a DSAR handler runs it: the built binary on the DSAR
// fixture tree (corpus/fixtures/dsar.py) — mail (EML header, body and
// attachment, mbox), a DOCX, an XLSX, a PDF and a zip. Every planted place of
// the subject is found at medium or high confidence; the namesake who shares
// only the surname never is; no third party's value appears unmasked in the
// JSONL, the HTML report or the erasure list, with or without --show-values;
// bad queries exit 2 without echoing the value.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/support/test_support.h"

namespace piiscan {
namespace {

using nlohmann::json;
using testing::TempDir;

std::vector<json> ParseJsonl(const std::string& text) {
  std::vector<json> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(json::parse(line));
  return out;
}

bool EndsWith(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

class PersonE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    fx_ = testing::GeneratedFixturesDir() + "/dsar";
    std::ifstream in(fx_ + "/truth.json");
    ASSERT_TRUE(in) << "fixtures missing: " << fx_;
    truth_ = json::parse(in);
    key_ = dir_.Write("key", "person-e2e-key-0123456789\n");
    chmod(key_.c_str(), 0600);  // a key others can read is refused
  }
  // Runs `piiscan person ARGS corpus` writing JSONL, report and erasure list.
  testing::CommandResult Person(const std::string& args) {
    return testing::Run(testing::PiiscanBinary() + " person " + args + " --threads 2 -q --hash-key-file " + key_ +
                        " -o " + dir_.path() + "/hits.jsonl --report " + dir_.path() + "/dsar.html" +
                        " --erasure-list " + dir_.path() + "/erasure.csv " + fx_ + "/corpus");
  }
  std::vector<json> Hits() { return ParseJsonl(testing::ReadFile(dir_.path() + "/hits.jsonl")); }
  std::string Report() { return testing::ReadFile(dir_.path() + "/dsar.html"); }
  std::string Erasure() { return testing::ReadFile(dir_.path() + "/erasure.csv"); }

  static bool At(const json& hit, const json& place) {
    if (!hit.contains("matched") || !EndsWith(hit["file"].get<std::string>(), "/" + place["file"].get<std::string>())) {
      return false;
    }
    if (place["location"].is_null()) return true;
    const auto& want = place["location"];
    const auto& got = hit["location"];
    if (got.size() < want.size()) return false;
    for (size_t i = 0; i < want.size(); ++i) {
      if (got[i] != want[i]) return false;
    }
    return want.empty() ? got.empty() : true;
  }

  std::string fx_, key_;
  json truth_;
  TempDir dir_;
};

TEST_F(PersonE2e, EveryPlantedPlaceIsFound) {
  auto r = Person("--subject " + fx_ + "/subject.yaml --register " + fx_ + "/register.yaml");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto hits = Hits();
  for (const auto& place : truth_["planted"]) {
    bool found = false;
    for (const auto& h : hits) {
      if (At(h, place) && h["matched"]["field"] == place["field"] && h["confidence"] != "low") found = true;
    }
    EXPECT_TRUE(found) << "not found at medium/high: " << place.dump();
  }
  for (const auto& h : hits) {
    if (!h.contains("matched")) continue;
    EXPECT_TRUE(h.contains("snippet")) << h.dump();
    EXPECT_FALSE(h.contains("value")) << h.dump();
  }
}

TEST_F(PersonE2e, NamesakeIsNeverMediumOrHigh) {
  auto r = Person("--subject " + fx_ + "/subject.yaml");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto hits = Hits();
  for (const auto& place : truth_["namesake_places"]) {
    for (const auto& h : hits) {
      if (At(h, place)) {
        EXPECT_EQ(h["confidence"], "low") << "namesake reported: " << h.dump();
      }
    }
  }
  // The namesake's own file holds only his surname: not even a low hit,
  // unless asked for weak hits.
  for (const auto& h : hits) EXPECT_FALSE(At(h, truth_["namesake_places"][0])) << h.dump();
  ASSERT_EQ(Person("--subject " + fx_ + "/subject.yaml --include-weak").exit_code, 0);
  bool weak = false;
  for (const auto& h : Hits()) weak |= At(h, truth_["namesake_places"][0]) && h["confidence"] == "low";
  EXPECT_TRUE(weak);
}

TEST_F(PersonE2e, NoThirdPartyValueUnmasked) {
  for (std::string extra : {"", " --show-values"}) {
    auto r = Person("--subject " + fx_ + "/subject.yaml --register " + fx_ + "/register.yaml" + extra);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string jsonl = testing::ReadFile(dir_.path() + "/hits.jsonl");
    std::string html = Report(), csv = Erasure();
    for (const auto& v : truth_["third_party_values"]) {
      std::string value = v.get<std::string>();
      EXPECT_EQ(jsonl.find(value), std::string::npos) << value << extra;
      EXPECT_EQ(html.find(value), std::string::npos) << value << extra;
      EXPECT_EQ(csv.find(value), std::string::npos) << value << extra;
    }
    // The subject's own values: only with --show-values.
    bool own = jsonl.find("NL91ABNA0417164300") != std::string::npos;
    EXPECT_EQ(own, !extra.empty());
    EXPECT_EQ(html.find("Jan Peter de Vries") != std::string::npos, !extra.empty());
  }
}

TEST_F(PersonE2e, ReportAndErasureList) {
  auto r = Person("--subject " + fx_ + "/subject.yaml --register " + fx_ + "/register.yaml");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string html = Report();
  EXPECT_NE(html.find("<!DOCTYPE html>"), std::string::npos);
  EXPECT_NE(html.find("HR-share"), std::string::npos);
  EXPECT_NE(html.find("personeelsadministratie"), std::string::npos);
  EXPECT_NE(html.find("sheet Personeel &gt; cell B2"), std::string::npos);
  EXPECT_NE(html.find("(not in any declared system)"), std::string::npos);  // the zip, the pdf
  EXPECT_EQ(html.find("<script"), std::string::npos);
  std::string csv = Erasure();
  EXPECT_EQ(csv.rfind("file,location,confidence,reason,hits,first_position\n", 0), 0u);
  EXPECT_NE(csv.find("/personeel.xlsx\",\"sheet Personeel > cell B2\",high,\"iban: exact value\""), std::string::npos) << csv;
  EXPECT_NE(csv.find("\"attachment contract.txt\",high"), std::string::npos) << csv;
  EXPECT_EQ(csv.find("klant.txt"), std::string::npos) << csv;  // namesake's file: nothing to erase
}

TEST_F(PersonE2e, CommandLineQueryAndDiacritics) {
  auto r = Person("--name 'Ayşe Müller'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  bool docx = false, zip = false;
  for (const auto& h : Hits()) {
    if (!h.contains("matched") || h["confidence"] != "high") continue;
    docx |= EndsWith(h["file"], "/brief.docx");
    zip |= EndsWith(h["file"], "/archief.zip") && h["location"] == json::array({"notities.txt"});
  }
  EXPECT_TRUE(docx);
  EXPECT_TRUE(zip);
}

TEST_F(PersonE2e, BadQueriesExitTwoWithoutEchoingValues) {
  const std::string bin = testing::PiiscanBinary() + " person ";
  auto bad_bsn = testing::Run(bin + "--bsn 111222334 " + fx_ + "/corpus");
  EXPECT_EQ(bad_bsn.exit_code, 2);
  EXPECT_NE(bad_bsn.err.find("--bsn"), std::string::npos) << bad_bsn.err;
  EXPECT_EQ(bad_bsn.err.find("111222334"), std::string::npos) << bad_bsn.err;
  EXPECT_EQ(testing::Run(bin + fx_ + "/corpus").exit_code, 2);                     // no query
  EXPECT_EQ(testing::Run(bin + "--name 'Jan de Vries'").exit_code, 2);             // no path
  EXPECT_EQ(testing::Run(bin + "--house-number 12 --name X " + fx_ + "/corpus").exit_code, 2);
  EXPECT_EQ(testing::Run(bin + "--birth-date 31-02-1985 " + fx_ + "/corpus").exit_code, 2);
  std::string yaml = dir_.Write("s.yaml", "name: Jan de Vries\nibna: NL91\n");
  auto typo = testing::Run(bin + "--subject " + yaml + " " + fx_ + "/corpus");
  EXPECT_EQ(typo.exit_code, 2);
  EXPECT_NE(typo.err.find("unknown field 'ibna'"), std::string::npos) << typo.err;
  auto help = testing::Run(bin + "--help");
  EXPECT_EQ(help.exit_code, 0);
  for (const char* opt : {"--name", "--email", "--phone", "--iban", "--bsn", "--birth-date", "--id-document",
                          "--postcode", "--house-number", "--subject", "--report", "--erasure-list", "--register",
                          "--show-values", "--include-weak"}) {
    EXPECT_NE(help.out.find(opt), std::string::npos) << opt;
  }
}

}  // namespace
}  // namespace piiscan
