// `piiscan person --db`: a DSAR query answered from the findings store of an
// earlier scan, as a handler runs it: the built binary, the committed sample
// corpus (corpus/sample, written by the corpus generator) scanned into an
// SQLite file and into a database of a real PostgreSQL server. Its answer
// names the same files as `piiscan person PATH` for identifier queries and
// at least 95% of them for name queries (on every subject of the corpus's
// truth); the store holds no name in clear; --verify re-reads only the hit
// files and drops what no longer holds; what could not be read is listed.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "tests/support/pg_test_db.h"
#include "tests/support/test_support.h"

namespace piiscan {
namespace {

using nlohmann::json;
using testing::TempDir;

struct Hits {
  int exit_code = 0;
  std::string err;
  std::set<std::string> files;  // relative to the corpus
  std::vector<json> records;
};

std::string Quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

class PersonStoreE2e : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    key_ = dir_.Write("key", "person-store-e2e-key-0123456789\n");
    ::chmod(key_.c_str(), 0600);
    if (GetParam() == "postgres") {
      if (!pg_.available()) GTEST_SKIP() << pg_.why();
      db_ = Quoted(pg_.target());
    } else {
      db_ = dir_.path() + "/piiscan.db";
    }
  }
  // A command that takes no key (report, triage).
  std::string Keyless(const std::string& args) const {
    return "env -u PIISCAN_DB " + testing::PiiscanBinary() + " " + args;
  }
  std::string Bin(const std::string& args) const {
    return "env -u PIISCAN_DB " + testing::PiiscanBinary() + " " + args + " --hash-key-file " + key_;
  }
  void ScanIntoStore(const std::string& tree) const {
    auto r = testing::Run(Bin("scan -q --no-progress --exclude truth.jsonl --db " + db_ + " -o /dev/null " + tree));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  Hits Person(const std::string& args, const std::string& tree) const {
    auto r = testing::Run(Bin("person -q --exclude truth.jsonl -o - " + args));
    Hits out{r.exit_code, r.err, {}, {}};
    std::istringstream in(r.out);
    std::string line;
    while (std::getline(in, line)) {
      json j = json::parse(line);
      out.records.push_back(j);
      if (!j.contains("matched")) continue;
      std::string file = j["file"];
      if (auto at = file.find(tree + "/"); at != std::string::npos) file = file.substr(at + tree.size() + 1);
      out.files.insert(file);
    }
    return out;
  }
  std::string key_, db_;
  TempDir dir_;
  testing::PgTestDatabase pg_;
};

TEST_P(PersonStoreE2e, AnswersLikeTheScanningSearchOnTheCorpusSubjects) {
  const std::string tree = testing::SourceDir() + "/corpus/sample";
  ScanIntoStore(tree);
  const std::map<std::string, std::string> option = {
      {"bsn", "--bsn"}, {"email", "--email"}, {"iban", "--iban"}, {"phone_nl", "--phone"}, {"person_name", "--name"}};
  std::ifstream in(tree + "/truth.jsonl");
  ASSERT_TRUE(in);
  std::set<std::pair<std::string, std::string>> queried;
  std::map<std::string, std::pair<size_t, size_t>> recall;  // detector -> (found by both, found scanning)
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    json t = json::parse(line);
    auto it = option.find(t["detector"]);
    if (it == option.end() || !queried.emplace(it->first, t["value"]).second) continue;
    if (++n % 2) continue;  // every other subject keeps the test quick
    std::string query = it->second + " " + Quoted(t["value"]);
    Hits scanning = Person(query + " " + tree, tree);
    Hits stored = Person(query + " --db " + db_, tree);
    ASSERT_EQ(scanning.exit_code, 0) << scanning.err;
    ASSERT_EQ(stored.exit_code, 0) << stored.err;
    auto& [both, total] = recall[it->first];
    for (const auto& f : scanning.files) both += stored.files.contains(f);
    total += scanning.files.size();
    if (it->first != "person_name") {
      EXPECT_EQ(stored.files, scanning.files) << it->first << " query " << n;
    }
  }
  ASSERT_EQ(recall.size(), option.size());
  for (const auto& [detector, counts] : recall) {
    EXPECT_GT(counts.second, 0u) << detector;
    EXPECT_GE(static_cast<double>(counts.first), 0.95 * static_cast<double>(counts.second)) << detector;
  }
}

// A tree of our own: one subject in a text file, a CSV and a mail; a third
// party; and a damaged document the store must list as a blind spot.
void WriteTree(const TempDir& dir) {
  dir.Write("share/brief.txt",
            "Geachte heer De Vries,\n\nHierbij de gegevens van J.P. de Vries, IBAN NL91 ABNA 0417 1643 00.\n");
  dir.Write("share/klanten.csv", "naam;email\nJan Peter de Vries;jan.devries@voorbeeld.nl\nKarin Jansen;k.jansen@voorbeeld.nl\n");
  dir.Write("share/notities.txt", "Overleg met Karin Jansen over de planning.\n");
  dir.Write("share/kapot.docx", std::string("PK\x03\x04", 4) + std::string(200, 'x'));
}

TEST_P(PersonStoreE2e, VerifyRereadsOnlyHitFilesAndDropsWhatNoLongerHolds) {
  WriteTree(dir_);
  const std::string tree = dir_.path() + "/share";
  ScanIntoStore(tree);
  Hits stored = Person("--name 'Jan de Vries' --db " + db_, tree);
  ASSERT_EQ(stored.exit_code, 0) << stored.err;
  EXPECT_EQ(stored.files, (std::set<std::string>{"brief.txt", "klanten.csv"}));
  // No snippet without --verify: the store holds none.
  for (const auto& r : stored.records) EXPECT_FALSE(r.contains("matched") && r.contains("snippet")) << r;
  // The damaged document is a blind spot of the answer.
  bool blind = false;
  for (const auto& r : stored.records) {
    if (r.contains("status") && r.value("file", "").ends_with("kapot.docx")) blind = true;
  }
  EXPECT_TRUE(blind) << stored.err;

  // The letter loses the name; the store still says what the scan saw.
  dir_.Write("share/brief.txt", "Geachte heer, hierbij de gegevens.\n");
  EXPECT_EQ(Person("--name 'Jan de Vries' --db " + db_, tree).files,
            (std::set<std::string>{"brief.txt", "klanten.csv"}));
  Hits verified = Person("--name 'Jan de Vries' --verify --db " + db_, tree);
  ASSERT_EQ(verified.exit_code, 0) << verified.err;
  EXPECT_EQ(verified.files, std::set<std::string>{"klanten.csv"});
  bool snippet = false, other_file = false;
  for (const auto& r : verified.records) {
    if (r.contains("matched")) snippet = snippet || r.contains("snippet");
    if (r.value("file", "").ends_with("notities.txt")) other_file = true;
  }
  EXPECT_TRUE(snippet);
  EXPECT_FALSE(other_file);  // only the hit files were read
}

TEST_P(PersonStoreE2e, TriagedFindingsAreLeftOutAndCountedOrShownMarked) {
  WriteTree(dir_);
  const std::string tree = dir_.path() + "/share";
  ScanIntoStore(tree);
  // The name in the letter is judged not to be personal data (by its hash).
  auto report = testing::Run(Keyless("report --db " + db_ + " -o -"));
  ASSERT_EQ(report.exit_code, 0) << report.err;
  std::string hash;
  std::istringstream in(report.out);
  for (std::string line; std::getline(in, line);) {
    json j = json::parse(line);
    if (j.value("detector", "") == "person_name" && j.value("file", "").ends_with("brief.txt") &&
        j.value("masked", "").starts_with("J"))
      hash = j["value_hash"];
  }
  ASSERT_FALSE(hash.empty()) << report.out;
  auto verdict = testing::Run(Keyless("triage --db " + db_ + " --value-hash " + hash +
                                  " --verdict false_positive --note 'test data' --by tester"));
  ASSERT_EQ(verdict.exit_code, 0) << verdict.err;
  auto r = testing::Run(Bin("person --name 'Jan de Vries' --db " + db_ + " -o " + dir_.path() + "/hits.jsonl"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("1 findings left out by triage"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 false_positive"), std::string::npos) << r.err;
  Hits left_out = Person("--name 'Jan de Vries' --db " + db_, tree);
  EXPECT_EQ(left_out.files, std::set<std::string>{"klanten.csv"});
  Hits included = Person("--name 'Jan de Vries' --include-triaged --db " + db_, tree);
  EXPECT_EQ(included.files, (std::set<std::string>{"brief.txt", "klanten.csv"}));
  bool marked = false;
  for (const auto& h : included.records) {
    if (h.value("file", "").ends_with("brief.txt") && h.contains("matched"))
      marked = marked || h.value("note", "").starts_with("triage: false_positive");
  }
  EXPECT_TRUE(marked);
}

TEST_P(PersonStoreE2e, TheStoreHoldsNoNameInClear) {
  if (GetParam() == "postgres") GTEST_SKIP() << "the SQLite file's bytes are what is checked";
  WriteTree(dir_);
  ScanIntoStore(dir_.path() + "/share");
  // Checkpoint the WAL into the file, then look at every byte.
  auto r = testing::Run("sqlite3 " + db_ + " 'PRAGMA wal_checkpoint(TRUNCATE)' 2>&1 || true");
  std::string bytes = testing::ReadFile(db_) + testing::ReadFile(db_ + "-wal");
  for (const char* clear : {"Vries", "vries", "Karin", "karin", "Jansen", "jansen", "devries"})
    EXPECT_EQ(bytes.find(clear), std::string::npos) << clear;
}

TEST_P(PersonStoreE2e, RefusesAnotherKeyAndPathsWithDb) {
  WriteTree(dir_);
  const std::string tree = dir_.path() + "/share";
  ScanIntoStore(tree);
  std::string other = dir_.Write("other.key", "another-key-0123456789abcdef\n");
  ::chmod(other.c_str(), 0600);
  auto r = testing::Run("env -u PIISCAN_DB " + testing::PiiscanBinary() + " person -q --name 'Jan de Vries' --db " +
                        db_ + " --hash-key-file " + other);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("another hash key"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("Vries"), std::string::npos) << r.err;
  auto both = testing::Run(Bin("person -q --name 'Jan de Vries' --db " + db_ + " " + tree));
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_NE(both.err.find("not both"), std::string::npos) << both.err;
}

INSTANTIATE_TEST_SUITE_P(Backends, PersonStoreE2e, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace piiscan
