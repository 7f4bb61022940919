// `piiscan triage` as a user runs it, on a real scanned tree and a real store
// (each test on an SQLite file and on a database of a real PostgreSQL
// server): verdicts by value, by value in one file and by glob + detector
// leave findings out of `report` (all formats, --since too) and `audit --db`
// and are counted; --include-triaged shows them marked; export and import
// carry them to a fresh store, idempotently; a remediated finding reopens
// when a later scan still sees it and stays out once its file dropped it;
// bad input is refused with exit 2.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <thread>

#include "tests/support/pg_test_db.h"
#include "tests/support/test_support.h"

namespace piiscan {
namespace {

using testing::PiiscanBinary;
using testing::TempDir;
testing::CommandResult Sh(const std::string& command) { return testing::Run(command); }

// Synthetic share (valid check digits, no real person's): the test IBAN of
// the manual appears in three files; hr/ and marketing/ hold e-mail addresses.
void WriteShare(const TempDir& dir) {
  dir.Write("share/docs/handleiding.txt", "Voorbeeld: IBAN NL91 ABNA 0417 1643 00 (test)\n");
  dir.Write("share/docs/faq.txt", "Gebruik als test IBAN NL91 ABNA 0417 1643 00.\n");
  dir.Write("share/hr/personeel.csv",
            "naam;iban;email\nKlant 1;NL91 ABNA 0417 1643 00;jan.klant@voorbeeld.nl\n"
            "Klant 2;NL20 INGB 0001 2345 67;piet.klant@voorbeeld.nl\n");
  dir.Write("share/marketing/campagne.txt",
            "Contact: info.campagne@voorbeeld.nl en marieke.campagne@voorbeeld.nl\n");
}

// The finding records of a JSONL stream (header and summary left out).
std::vector<nlohmann::json> Records(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line);
    if (j.contains("header") || j.contains("summary") || j.contains("status")) continue;
    out.push_back(std::move(j));
  }
  return out;
}

class TriageE2e : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    key_ = dir_.Write("key", "test-key-0123456789abcdef\n");
    ::chmod(key_.c_str(), 0600);
    share_ = dir_.path() + "/share";
    if (GetParam() == "postgres") {
      if (!pg_.available()) GTEST_SKIP() << pg_.why();
      db_ = "'" + pg_.target() + "'";
    } else {
      db_ = dir_.path() + "/state/piiscan.db";
    }
    WriteShare(dir_);
    ScanInto(db_);
  }
  std::string Piiscan(const std::string& args) const {
    return "env -u PIISCAN_DB LOGNAME=tester " + PiiscanBinary() + " " + args;
  }
  void ScanInto(const std::string& db) const {
    auto r = Sh(Piiscan("scan -q --no-progress -o /dev/null --hash-key-file " + key_ + " --db " +
                        db + " " + share_));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  testing::CommandResult Triage(const std::string& args, const std::string& db = "") const {
    return Sh(Piiscan("triage --db " + (db.empty() ? db_ : db) + " " + args));
  }
  std::vector<nlohmann::json> Report(const std::string& args = "",
                                     std::string* err = nullptr) const {
    auto r = Sh(Piiscan("report --db " + db_ + " " + args));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    if (err) *err = r.err;
    return Records(r.out);
  }
  // The value_hash of the IBAN found in `file_part`.
  std::string IbanHash(const std::string& file_part) const {
    for (const auto& j : Report()) {
      if (j["detector"] == "iban" &&
          j["file"].get<std::string>().find(file_part) != std::string::npos)
        return j["value_hash"];
    }
    ADD_FAILURE() << "no IBAN in " << file_part;
    return "";
  }
  static size_t CountWith(const std::vector<nlohmann::json>& records, const std::string& hash) {
    size_t n = 0;
    for (const auto& j : records) n += j["value_hash"] == hash;
    return n;
  }
  TempDir dir_;
  piiscan::testing::PgTestDatabase pg_;
  std::optional<piiscan::testing::PgTestDatabase> other_pg_;
  std::string key_, share_, db_;
};

TEST_P(TriageE2e, AFalsePositiveByValueLeavesReportAndAuditAndIsShownMarkedOnRequest) {
  std::string hash = IbanHash("handleiding");
  auto all = Report();
  ASSERT_EQ(CountWith(all, hash), 3u);  // manual, FAQ and the HR export
  auto r = Triage("--value-hash " + hash +
                  " --verdict false_positive --note 'test IBAN in handleiding'");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("covers 3 current findings"), std::string::npos) << r.out;

  std::string err;
  auto left = Report("", &err);
  EXPECT_EQ(CountWith(left, hash), 0u);
  EXPECT_EQ(left.size(), all.size() - 3);
  EXPECT_NE(
      err.find("3 findings left out by triage (--include-triaged shows them): 3 false_positive, 0 "
               "accepted, 0 remediated"),
      std::string::npos)
      << err;

  auto marked = Report("--include-triaged");
  ASSERT_EQ(marked.size(), all.size());
  for (const auto& j : marked) {
    if (j["value_hash"] != hash) {
      EXPECT_FALSE(j.contains("triage")) << j;
      continue;
    }
    EXPECT_EQ(j["triage"]["verdict"], "false_positive");
    EXPECT_EQ(j["triage"]["note"], "test IBAN in handleiding");
    EXPECT_EQ(j["triage"]["by"], "tester");  // the login name
    EXPECT_TRUE(j["triage"]["at"].get<std::string>().ends_with("Z"));
  }
  // CSV: a last `triage` column; HTML: a mark and the count.
  auto csv = Sh(Piiscan("report --db " + db_ + " --format csv --include-triaged"));
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_TRUE(csv.out.starts_with("file,")) << csv.out;
  EXPECT_NE(csv.out.find(",count,triage\n"), std::string::npos) << csv.out;
  EXPECT_NE(csv.out.find(",\"false_positive\"\n"), std::string::npos) << csv.out;
  auto plain_csv = Sh(Piiscan("report --db " + db_ + " --format csv"));
  EXPECT_EQ(plain_csv.out.find("NL91"), std::string::npos) << plain_csv.out;  // left out
  auto html = Sh(Piiscan("report --db " + db_ + " --format html"));
  ASSERT_EQ(html.exit_code, 0) << html.err;
  EXPECT_NE(html.out.find("3 findings left out by triage"), std::string::npos);
  auto marked_html = Sh(Piiscan("report --db " + db_ + " --format html --include-triaged"));
  EXPECT_NE(marked_html.out.find("[false_positive]"), std::string::npos);

  // The audit leaves them out too, and says so.
  std::string reg = testing::SourceDir() + "/corpus/register.yaml";
  auto audit = Sh(Piiscan("audit --register " + reg + " --db " + db_ + " --format json"));
  EXPECT_LE(audit.exit_code, 1) << audit.err;
  EXPECT_NE(audit.err.find("3 findings left out by triage"), std::string::npos) << audit.err;
  auto audit_all =
      Sh(Piiscan("audit --register " + reg + " --db " + db_ + " --format json --include-triaged"));
  EXPECT_NE(audit_all.err.find("under a triage verdict, included"), std::string::npos)
      << audit_all.err;

  // --list counts what each verdict covers; --remove brings them back.
  auto list = Triage("--list");
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("false_positive  value " + hash), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("3 current findings, e.g. iban NL91"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("note: test IBAN in handleiding"), std::string::npos) << list.out;
  auto json = Triage("--list --format json");
  auto j = nlohmann::json::parse(json.out);
  EXPECT_EQ(j["findings"], 3);
  EXPECT_EQ(j["other_key"], false);
  ASSERT_EQ(Triage("--remove " + std::to_string(j["id"].get<int>())).exit_code, 0);
  EXPECT_EQ(Report().size(), all.size());
}

TEST_P(TriageE2e, ValueInOneFileAndGlobWithDetectorCoverOnlyTheirFindings) {
  std::string hash = IbanHash("handleiding");
  auto all = Report();
  auto one = Triage("--value-hash " + hash +
                    " --file docs/faq.txt --verdict accepted --note 'FAQ example'");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  auto glob = Triage(
      "--file 'share/marketing/**' --detector email --verdict false_positive --note 'role "
      "addresses'");
  ASSERT_EQ(glob.exit_code, 0) << glob.err;
  EXPECT_NE(glob.out.find("covers 2 current findings"), std::string::npos) << glob.out;

  auto left = Report();
  EXPECT_EQ(CountWith(left, hash), 2u);  // the FAQ's only
  EXPECT_EQ(left.size(), all.size() - 3);
  for (const auto& j : left) {
    std::string file = j["file"];
    EXPECT_FALSE(file.find("/marketing/") != std::string::npos && j["detector"] == "email") << j;
    EXPECT_FALSE(file.ends_with("docs/faq.txt") && j["value_hash"] == hash) << j;
  }
  // The HR export's e-mail addresses are another folder: still there.
  size_t hr_email = 0;
  for (const auto& j : left)
    hr_email +=
        j["detector"] == "email" && j["file"].get<std::string>().find("/hr/") != std::string::npos;
  EXPECT_EQ(hr_email, 2u);
}

TEST_P(TriageE2e, BadInputIsRefusedWithExit2AndChangesNothing) {
  std::string hash = IbanHash("handleiding");
  struct Case {
    std::string args, says;
  } cases[] = {
      {"--value-hash " + hash + " --verdict wrong",
       "--verdict must be false_positive, accepted or remediated"},
      {"--value-hash " + hash + " --verdict accepted", "an accepted verdict needs a note"},
      {"--value-hash " + std::string(64, '0') + " --verdict false_positive",
       "is not in this store"},
      {"--value-hash 12ab --verdict false_positive", "64 lower-case hex"},
      {"--value-hash " + hash + " --file hr/none.csv --verdict false_positive",
       "was never found in hr/none.csv"},
      {"--file 'share/**' --verdict false_positive", "--file GLOB needs --detector"},
      {"--detector email --verdict false_positive", "--detector D needs --file GLOB"},
      {"--file 'share/**' --detector no_such --verdict false_positive",
       "unknown detector 'no_such'"},
      {"--value-hash " + hash + " --detector iban --verdict false_positive",
       "--detector goes with a file glob"},
      {"--value-hash " + hash, "--verdict false_positive|accepted|remediated is needed"},
      {"--list --remove 1", "give one of"},
      {"--remove 999", "no verdict 999"},
      {"--remove x", "--remove takes a verdict id"},
  };
  for (const auto& c : cases) {
    auto r = Triage(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args << "\n" << r.err;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << c.args << "\n" << r.err;
  }
  std::string bad =
      dir_.Write("bad.yaml", "piiscan_triage: 1\nverdicts:\n  - glob: a/**\n    verdict: nope\n");
  auto r = Triage("--import " + bad);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("verdict 1: verdict 'nope'"), std::string::npos) << r.err;
  r = Triage("--import " + dir_.Write("foreign.yaml", "rules: []\n"));
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("not a piiscan triage file"), std::string::npos) << r.err;
  EXPECT_NE(Triage("--list").out.find("no triage verdicts"), std::string::npos);
  EXPECT_EQ(Sh(Piiscan("triage --help")).exit_code, 0);
}

TEST_P(TriageE2e, ExportImportCarriesVerdictsToAFreshStoreOnce) {
  std::string hash = IbanHash("handleiding");
  ASSERT_EQ(
      Triage("--value-hash " + hash + " --verdict false_positive --note 'test IBAN' --by alice")
          .exit_code,
      0);
  ASSERT_EQ(
      Triage(
          "--file '**/marketing/*.txt' --detector email --verdict accepted --note 'role addresses'")
          .exit_code,
      0);
  std::string exported = dir_.path() + "/triage.yaml";
  auto e = Triage("--export " + exported);
  ASSERT_EQ(e.exit_code, 0) << e.err;
  struct stat st;
  ASSERT_EQ(::stat(exported.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  std::string yaml = testing::ReadFile(exported);
  EXPECT_NE(yaml.find("value_hash: " + hash), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("by: alice"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("# iban NL91"), std::string::npos) << yaml;  // masked, for the reviewer
  EXPECT_EQ(yaml.find("0417164300"), std::string::npos) << yaml;   // never the value

  std::string fresh;
  if (GetParam() == "postgres") {
    other_pg_.emplace();
    fresh = "'" + other_pg_->target() + "'";
  } else {
    fresh = dir_.path() + "/fresh.db";
  }
  ScanInto(fresh);
  auto i = Triage("--import " + exported, fresh);
  ASSERT_EQ(i.exit_code, 0) << i.err;
  EXPECT_NE(i.out.find("2 verdicts added, 0 replaced, 0 already there"), std::string::npos)
      << i.out;
  auto again = Triage("--import " + exported, fresh);
  EXPECT_NE(again.out.find("0 verdicts added, 0 replaced, 2 already there"), std::string::npos)
      << again.out;
  // Same reports from both stores; the export of the fresh store says the same.
  auto here = Sh(Piiscan("report --db " + db_));
  auto there = Sh(Piiscan("report --db " + fresh));
  EXPECT_EQ(Records(here.out), Records(there.out));
  EXPECT_NE(there.err.find("5 findings left out by triage"), std::string::npos) << there.err;
  std::string reexported = dir_.path() + "/again.yaml";
  ASSERT_EQ(Triage("--export " + reexported, fresh).exit_code, 0);
  auto strip_scan = [](std::string text) {  // the scan ids differ between stores
    std::string out, line;
    std::istringstream in(text);
    while (std::getline(in, line))
      if (line.find("scan_id:") == std::string::npos) out += line + "\n";
    return out;
  };
  EXPECT_EQ(strip_scan(testing::ReadFile(reexported)), strip_scan(yaml));
}

TEST_P(TriageE2e, RemediatedReopensWhenARescanStillSeesItAndStaysResolvedWhenItIsGone) {
  std::string hash = IbanHash("handleiding");
  std::string other = IbanHash("personeel");  // the HR export's own IBANs: another value
  ASSERT_EQ(Triage("--value-hash " + hash +
                   " --file docs/handleiding.txt --verdict remediated --note removed")
                .exit_code,
            0);
  ASSERT_EQ(
      Triage("--value-hash " + hash + " --file docs/faq.txt --verdict remediated --note removed")
          .exit_code,
      0);
  std::string err;
  EXPECT_EQ(CountWith(Report("", &err), hash), 1u);  // the HR export's only
  EXPECT_NE(err.find("2 remediated"), std::string::npos) << err;

  // The manual really drops the value; the FAQ was not touched.
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  dir_.Write("share/docs/handleiding.txt", "Voorbeeld: IBAN verwijderd\n");
  ScanInto(db_);
  auto after = Report("", &err);
  ASSERT_EQ(CountWith(after, hash), 2u);  // HR, and the FAQ reopened
  EXPECT_NE(err.find("1 remediated findings reopened"), std::string::npos) << err;
  for (const auto& j : Report("--include-triaged")) {
    if (j["value_hash"] != hash) continue;
    std::string file = j["file"];
    EXPECT_FALSE(file.ends_with("handleiding.txt"))
        << j;  // resolved: gone from the store's current
    if (file.ends_with("faq.txt")) {
      EXPECT_EQ(j["triage"]["verdict"], "remediated");
      EXPECT_EQ(j["triage"]["reopened"], true);
    }
  }
  auto list = Triage("--list --format json");
  std::map<std::string, nlohmann::json> by_file;
  std::istringstream in(list.out);
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line);
    by_file[j["file"]] = j;
  }
  EXPECT_EQ(by_file["docs/handleiding.txt"]["findings"], 0);  // stays resolved
  EXPECT_EQ(by_file["docs/faq.txt"]["findings"], 1);
  EXPECT_EQ(by_file["docs/faq.txt"]["reopened"], 1);
  // --since: what resolved since the previous scan is left out with its verdict.
  auto since = Report("--since last --include-triaged");
  bool resolved_marked = false;
  for (const auto& j : since)
    if (j["change"] == "resolved" && j["value_hash"] == hash)
      resolved_marked = j.contains("triage");
  EXPECT_TRUE(resolved_marked);
  EXPECT_EQ(CountWith(Report("--since last"), hash), 0u);
  (void)other;
}

INSTANTIATE_TEST_SUITE_P(Backends, TriageE2e, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace piiscan
