// `piiscan scan --db` and the commands that read a findings store (scans,
// report, audit --db), as a user runs them: the built binary on real files
// and a real store, each test on an SQLite file and on a database of a real
// PostgreSQL server (tests/support/pg_test_db.h). Incremental output equals a full scan's; changes
// show as new and resolved; kill -9 at random moments and re-running ends in
// the same store as one uninterrupted run; bad stores and a second writer are
// refused with exit 3.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <sstream>
#include <thread>

#include "tests/support/pg_test_db.h"
#include "tests/support/test_support.h"

namespace piiscan {
namespace {

using testing::PiiscanBinary;
using testing::TempDir;
testing::CommandResult Sh(const std::string& command) { return testing::Run(command); }

// The finding and status lines of a JSONL stream, sorted; header and summary
// records (which name the run) left out.
std::vector<std::string> RecordLines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line);  // throws if invalid
    if (j.contains("header") || j.contains("summary")) continue;
    out.push_back(line);
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A synthetic share: text and CSV files with IBANs, BSNs, e-mail addresses
// and phone numbers (valid check digits; no real person's).
void WriteShare(const TempDir& dir, int files, int filler_lines = 0) {
  const char* ibans[] = {"NL91 ABNA 0417 1643 00", "NL02 ABNA 0123 4567 89", "NL20 INGB 0001 2345 67"};
  for (int i = 0; i < files; ++i) {
    std::string name = "share/" + std::string(i % 3 == 0 ? "hr/" : "sales/") + "doc" + std::to_string(i) +
                       (i % 2 ? ".txt" : ".csv");
    std::string body;
    if (i % 2) {
      body = "Klant " + std::to_string(i) + "\nIBAN: " + ibans[i % 3] + "\nBSN: 111222333\nMail persoon" +
             std::to_string(i) + "@voorbeeld.nl, tel 06-1234" + std::to_string(5000 + i) + "\n";
    } else {
      body = "naam;email;telefoon\nKlant " + std::to_string(i) + ";klant" + std::to_string(i) +
             "@voorbeeld.nl;06-1234" + std::to_string(5000 + i) + "\n";
    }
    for (int k = 0; k < i % 4; ++k) body += "herhaald: persoon" + std::to_string(i) + "@voorbeeld.nl\n";
    for (int k = 0; k < filler_lines; ++k) body += "regel " + std::to_string(k) + ": niets bijzonders te melden hier\n";
    dir.Write(name, body);
  }
}

class StoreE2e : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    key_ = dir_.Write("key", "test-key-0123456789abcdef\n");
    ::chmod(key_.c_str(), 0600);  // a key others can read is refused
    share_ = dir_.path() + "/share";
    if (Postgres()) {
      if (!pg_.available()) GTEST_SKIP() << pg_.why();
      db_ = "'" + pg_.target() + "'";  // keywords and spaces: quoted for the shell
    } else {
      db_ = dir_.path() + "/state/piiscan.db";
    }
  }
  bool Postgres() const { return GetParam() == "postgres"; }
  // After a scan of WriteShare's share: doc1 gets a new address (and a later
  // mtime), doc3 is deleted.
  void ChangeOneFileDeleteOne() const {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    dir_.Write("share/sales/doc1.txt", "Nieuw: nieuwe.klant@voorbeeld.nl\n");
    std::filesystem::remove(share_ + "/hr/doc3.txt");
  }
  // A second, empty store of the test's kind.
  std::string ReferenceStore() {
    if (!Postgres()) return dir_.path() + "/reference.db";
    reference_pg_.emplace();
    return "'" + reference_pg_->target() + "'";
  }
  std::string Piiscan(const std::string& args) const {
    return "env -u PIISCAN_DB " + PiiscanBinary() + " " + args;
  }
  std::string Scan(const std::string& args) const {
    return Piiscan("scan --no-progress --hash-key-file " + key_ + " " + args);
  }
  // The store's files and findings as rows (sqlite3 command-line tool), without
  // the columns that name the scan: what a resumed scan must end equal in.
  // Whether the store's command-line client (sqlite3 or psql) is installed.
  bool HaveClient() const {
    return Sh(Postgres() ? "command -v psql" : "command -v sqlite3").exit_code == 0;
  }
  // Runs SQL (in double quotes for the shell) on a store with its client.
  testing::CommandResult Sql(const std::string& db, const std::string& quoted_sql) const {
    std::string client = Postgres() ? "psql -qAt -v ON_ERROR_STOP=1 " + db + " -c 'SET search_path = piiscan' -c "
                                    : "sqlite3 " + db + " ";
    return Sh(client + quoted_sql);
  }
  std::string StoreRows(const std::string& db) const {
    auto r = Sql(db,
                " \"SELECT relative_path, size, type, status, gone_in_scan IS NULL FROM files ORDER BY 1;"
                " SELECT fi.relative_path, f.detector, f.value_hash, f.location, f.count, f.first_offset,"
                " f.masked, f.resolved_in_scan IS NULL FROM findings f JOIN files fi ON fi.id = f.file_id"
                " ORDER BY 1, 2, 3, 4;\"");
    // (psql runs the second statement of -c's text as one; both tools print
    // rows as a|b|c.)
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }
  TempDir dir_;
  piiscan::testing::PgTestDatabase pg_;
  std::optional<piiscan::testing::PgTestDatabase> reference_pg_;
  std::string key_, share_, db_;
};

TEST_P(StoreE2e, IncrementalScanWritesWhatAFullScanWritesWithoutReadingUnchangedFiles) {
  WriteShare(dir_, 30);
  auto plain = Sh(Scan(share_));
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  auto first = Sh(Scan("--db " + db_ + " " + share_));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("store: 30 files read, 0 skipped as unchanged"), std::string::npos) << first.err;
  auto second = Sh(Scan("--db " + db_ + " " + share_));
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.err.find("store: 0 files read, 30 skipped as unchanged"), std::string::npos) << second.err;

  auto expected = RecordLines(plain.out);
  ASSERT_GT(expected.size(), 60u);
  EXPECT_EQ(RecordLines(first.out), expected);
  EXPECT_EQ(RecordLines(second.out), expected);
  // The count of a repeated value survives the store.
  EXPECT_NE(second.out.find("\"count\":"), std::string::npos);

  // The store file and its folder are private.
  if (!Postgres()) {
    struct stat st;
    ASSERT_EQ(::stat(db_.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);
  }

  // --full reads everything again, and writes the same.
  auto full = Sh(Scan("--full --db " + db_ + " " + share_));
  ASSERT_EQ(full.exit_code, 0) << full.err;
  EXPECT_NE(full.err.find("store: 30 files read, 0 skipped"), std::string::npos) << full.err;
  EXPECT_EQ(RecordLines(full.out), expected);

  // Other settings (a different key) mean other findings: nothing is reused.
  std::string key2 = dir_.Write("key2", "another-key-0123456789\n");
  ::chmod(key2.c_str(), 0600);
  auto other = Sh(Piiscan("scan --no-progress --hash-key-file " + key2 + " --db " + db_ + " " + share_));
  ASSERT_EQ(other.exit_code, 0) << other.err;
  EXPECT_NE(other.err.find("store: 30 files read, 0 skipped"), std::string::npos) << other.err;
}

TEST_P(StoreE2e, ChangedAndDeletedFilesShowAsNewAndResolved) {
  WriteShare(dir_, 12);
  ASSERT_EQ(Sh(Scan("-q --db " + db_ + " " + share_)).exit_code, 0);
  // One file gets a new address, one is deleted; a rescan reads only the changed one.
  ChangeOneFileDeleteOne();
  auto r = Sh(Scan("--db " + db_ + " -o " + dir_.path() + "/tonight.jsonl " + share_));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("store: 1 files read, 10 skipped as unchanged"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 files gone"), std::string::npos) << r.err;

  auto changes = Sh(Piiscan("report --db " + db_ + " --since last"));
  ASSERT_EQ(changes.exit_code, 0) << changes.err;
  int added = 0, resolved = 0;
  for (const auto& line : RecordLines(changes.out)) {
    auto j = nlohmann::json::parse(line);
    if (j["change"] == "new") {
      ++added;
      EXPECT_EQ(j["file"], share_ + "/sales/doc1.txt");
      EXPECT_EQ(j["detector"], "email");
    } else {
      ASSERT_EQ(j["change"], "resolved") << line;
      ++resolved;
      std::string file = j["file"];
      EXPECT_TRUE(file == share_ + "/sales/doc1.txt" || file == share_ + "/hr/doc3.txt") << file;
    }
  }
  EXPECT_EQ(added, 1);
  EXPECT_GE(resolved, 6);  // doc1's and doc3's IBAN, BSN, e-mail, phone
  EXPECT_EQ(changes.out.find("nieuwe.klant@voorbeeld.nl"), std::string::npos);  // masked

  // The current findings equal what tonight's scan wrote, without reading a file.
  auto current = Sh(Piiscan("report --db " + db_));
  ASSERT_EQ(current.exit_code, 0) << current.err;
  EXPECT_EQ(RecordLines(current.out), RecordLines(testing::ReadFile(dir_.path() + "/tonight.jsonl")));
  auto csv = Sh(Piiscan("report --format csv --db " + db_));
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_TRUE(csv.out.starts_with("file,location,detector")) << csv.out.substr(0, 100);

  // --since as CSV: the usual columns, then `change`.
  auto since_csv = Sh(Piiscan("report --format csv --since last --db " + db_));
  ASSERT_EQ(since_csv.exit_code, 0) << since_csv.err;
  std::string header = csv.out.substr(0, csv.out.find('\n'));
  EXPECT_TRUE(since_csv.out.starts_with(header + ",change\n")) << since_csv.out.substr(0, 200);
  EXPECT_EQ(std::count(since_csv.out.begin(), since_csv.out.end(), '\n'), 1 + added + resolved);
  EXPECT_NE(since_csv.out.find(share_ + "/sales/doc1.txt\",\"\",email,"), std::string::npos);
  EXPECT_NE(since_csv.out.find(",new\n"), std::string::npos);
  EXPECT_NE(since_csv.out.find(",resolved\n"), std::string::npos);

  auto scans = Sh(Piiscan("scans --db " + db_));
  ASSERT_EQ(scans.exit_code, 0) << scans.err;
  EXPECT_EQ(std::count(scans.out.begin(), scans.out.end(), '\n'), 3) << scans.out;  // heading + 2 runs
  auto json = Sh(Piiscan("scans --format json --db " + db_));
  ASSERT_EQ(json.exit_code, 0) << json.err;
  std::istringstream in(json.out);
  std::string line;
  std::vector<nlohmann::json> runs;
  while (std::getline(in, line)) runs.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0]["files_read"], 12);
  EXPECT_EQ(runs[1]["files_read"], 1);
  EXPECT_EQ(runs[1]["files_skipped"], 10);
  EXPECT_EQ(runs[1]["files_gone"], 1);
  EXPECT_EQ(runs[1]["new"], 1);
  EXPECT_EQ(runs[1]["resolved"].get<int>(), resolved);
  EXPECT_EQ(runs[1]["status"], "completed");
  EXPECT_EQ(runs[1]["roots"], nlohmann::json::array({share_}));
}

size_t Count(const std::string& hay, const std::string& needle) {
  size_t n = 0;
  for (size_t p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

// The morning page: what is new and resolved since the previous scan, from a
// real store, masked, self-contained; rendered by headless Chromium when it
// is installed.
TEST_P(StoreE2e, HtmlReportShowsNewResolvedAndCurrentFindingsMasked) {
  WriteShare(dir_, 12);
  ASSERT_EQ(Sh(Scan("-q -o /dev/null --db " + db_ + " " + share_)).exit_code, 0);
  ChangeOneFileDeleteOne();
  ASSERT_EQ(Sh(Scan("-q -o /dev/null --db " + db_ + " " + share_)).exit_code, 0);
  auto since = Sh(Piiscan("report --db " + db_ + " --since last"));
  ASSERT_EQ(since.exit_code, 0) << since.err;
  size_t want_new = Count(since.out, "\"change\":\"new\"");
  size_t want_resolved = Count(since.out, "\"change\":\"resolved\"");
  ASSERT_EQ(want_new, 1u);
  ASSERT_GE(want_resolved, 6u);

  std::string page = dir_.path() + "/morning.html";
  auto r = Sh(Piiscan("report --db " + db_ + " --since last --format html -o " + page));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string html = testing::ReadFile(page);
  struct stat st;
  ASSERT_EQ(::stat(page.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(Count(html, "data-change=\"new\""), want_new);
  EXPECT_EQ(Count(html, "data-change=\"resolved\""), want_resolved);
  EXPECT_NE(html.find("n***@voorbeeld.nl"), std::string::npos);  // the new one, masked
  EXPECT_NE(html.find(share_ + "/hr/doc3.txt"), std::string::npos);  // resolved: its file is gone
  EXPECT_EQ(html.find("nieuwe.klant@voorbeeld.nl"), std::string::npos);
  EXPECT_EQ(html.find("111222333"), std::string::npos);  // BSNs only masked
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find(" src="), std::string::npos);
  // Current findings: one row per file that has any (11 files left).
  EXPECT_EQ(Count(html, "<tr class=\"file-row\">"), 11u);

  // Without --since: the current findings only.
  auto current = Sh(Piiscan("report --db " + db_ + " --format html"));
  ASSERT_EQ(current.exit_code, 0) << current.err;
  EXPECT_EQ(Count(current.out, "data-change="), 0u);
  EXPECT_EQ(Count(current.out, "<tr class=\"file-row\">"), 11u);

  const std::string chromium = "/usr/bin/chromium";
  if (!std::filesystem::exists(chromium)) {
    const char* ci = std::getenv("CI");
    if (ci && std::string(ci) == "true") FAIL() << chromium << " is missing (apt-get install chromium)";
    GTEST_SKIP() << chromium << " not installed";
  }
  TempDir profile;
  auto dom = Sh("timeout 180 " + chromium +
                " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
                " --disable-background-networking --disable-component-update --disable-sync"
                " --enable-logging=stderr --v=0 --user-data-dir=" + profile.path() +
                " --dump-dom file://" + page);
  ASSERT_EQ(dom.exit_code, 0) << dom.err;
  EXPECT_NE(dom.out.find("What changed since"), std::string::npos);
  EXPECT_EQ(Count(dom.out, "data-change=\"new\""), want_new);
  EXPECT_EQ(Count(dom.out, "data-change=\"resolved\""), want_resolved);
  EXPECT_EQ(dom.err.find("CONSOLE"), std::string::npos) << dom.err;
  EXPECT_EQ(dom.err.find("Failed to load resource"), std::string::npos) << dom.err;
}

// A root given relative and then absolute is one root: the second scan reads
// nothing, and writes the paths as given this time.
TEST_P(StoreE2e, RootsAreStoredAbsoluteSoRelativeAndAbsoluteAreOne) {
  WriteShare(dir_, 9);
  auto first = Sh("cd " + dir_.path() + " && " + Scan("-o /dev/null --db " + db_ + " share/"));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.err.find("store: 9 files read"), std::string::npos) << first.err;
  auto second = Sh(Scan("--db " + db_ + " " + share_));
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.err.find("store: 0 files read, 9 skipped as unchanged"), std::string::npos)
      << second.err;
  EXPECT_NE(second.err.find("0 files gone"), std::string::npos) << second.err;
  auto plain = Sh(Scan(share_));
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(RecordLines(second.out), RecordLines(plain.out));
  if (HaveClient()) {
    auto roots = Sql(db_, "'SELECT DISTINCT root FROM files'");
    EXPECT_EQ(roots.out, share_ + "\n") << roots.err;
  }
}

// A store that opens but cannot be read (a damaged row) is a store error
// for audit too: exit 3, like every other store error.
TEST_P(StoreE2e, AuditOfAnUnreadableStoreExits3) {
  if (!HaveClient()) GTEST_SKIP() << "the store's command-line client is not installed";
  WriteShare(dir_, 3);
  ASSERT_EQ(Sh(Scan("-q -o /dev/null --db " + db_ + " " + share_)).exit_code, 0);
  ASSERT_EQ(Sql(db_, "\"UPDATE findings SET location = 'not json'\"").exit_code, 0);
  auto r = Sh(Piiscan("audit --register " + testing::SourceDir() + "/corpus/register.yaml --db " +
                      db_));
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("not a JSON array"), std::string::npos) << r.err;
}

// Ctrl-C, then kill -9 at several random moments, re-running the same command
// each time:
// the scan resumes (completed files are not read again) and the store ends
// equal to one uninterrupted run's.
TEST_P(StoreE2e, KilledScansResumeAndEndEqualToAnUninterruptedRun) {
  if (!HaveClient()) GTEST_SKIP() << "the store's command-line client is not installed";
  WriteShare(dir_, 400, 3000);  // ~150 KB each: a scan lasts long enough to kill
  std::string reference = ReferenceStore();
  ASSERT_EQ(Sh(Scan("-q -o /dev/null --db " + reference + " " + share_)).exit_code, 0);
  auto start = std::chrono::steady_clock::now();
  ASSERT_EQ(Sh(Scan("-q -o /dev/null -j1 --full --db " + reference + " " + share_)).exit_code, 0);
  int run_ms = static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                    std::chrono::steady_clock::now() - start).count());

  // Kill points spread over the first quarter of one uninterrupted run's time
  // (start-up included): each resumed run has less left to do.
  unsigned seed = std::random_device{}();
  std::mt19937 random(seed);
  // (A resumed run has less left to do, so later kills must come sooner.)
  std::uniform_int_distribution<int> delay_ms(0, run_ms / 4);
  // Small batches, so that kills land between commits too.
  std::string command = Scan("-q -o /dev/null -j1 --db-commit-files 10 --db " + db_ + " " + share_);
  int killed = 0;
  for (int round = 0; round < 6; ++round) {
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::execl("/bin/sh", "sh", "-c", ("exec " + command).c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    // Polls the store (its client, while the scan runs) until COUNT_SQL
    // counts a row; an SQLite file is not opened before the scan made it (the
    // client would create an empty one).
    auto wait_for = [&](const std::string& count_sql) {
      auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
      while (std::chrono::steady_clock::now() < deadline) {
        if (Postgres() || std::filesystem::exists(db_)) {
          auto n = Sql(db_, "\"" + count_sql + "\"");
          if (n.exit_code == 0 && std::atoi(n.out.c_str()) > 0) return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
    };
    if (round == 0) {
      // The Ctrl-C comes once the scan has its row, so after its handler is
      // in place (a fixed delay was too short on a loaded machine).
      wait_for("SELECT count(*) FROM scans WHERE status = 'running'");
    } else if (round == 1) {
      // One kill waits for the running scan's first commit of a file it read
      // (first_scan: not one kept from the Ctrl-C'd run), so that at least
      // one lands after a commit whatever the random points do (a fast scan
      // can otherwise end inside a quarter of the reference run's time).
      wait_for("SELECT count(*) FROM files WHERE first_scan ="
               " (SELECT max(id) FROM scans WHERE status = 'running')");
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(random)));
    }
    ::kill(pid, round == 0 ? SIGINT : SIGKILL);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (round == 0) {
      ASSERT_TRUE(WIFEXITED(status));
      EXPECT_TRUE(WEXITSTATUS(status) == 130 || WEXITSTATUS(status) == 0) << WEXITSTATUS(status);
    }
    if (WIFSIGNALED(status) || (WIFEXITED(status) && WEXITSTATUS(status) == 130)) ++killed;
  }
  EXPECT_GE(killed, 2) << "the scan ended before most kill points (seed " << seed << ")";
  auto last = Sh(Scan("--db " + db_ + " -o /dev/null " + share_));
  ASSERT_EQ(last.exit_code, 0) << last.err << " (seed " << seed << ")";
  EXPECT_EQ(StoreRows(db_), StoreRows(reference)) << "seed " << seed << ", " << killed << " kills";
  // Some killed run got files into the store that later runs did not read again.
  auto runs = Sh(Piiscan("scans --format json --db " + db_));
  std::istringstream in(runs.out);
  std::string line;
  uint64_t read_by_killed = 0, read = 0;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line);
    read += j["files_read"].get<uint64_t>();
    if (j["status"] == "interrupted") read_by_killed += j["files_read"].get<uint64_t>();
  }
  EXPECT_GT(read_by_killed, 0u) << "no kill landed after a commit (seed " << seed << ")\n" << runs.out;
  EXPECT_LT(read, 400u * 7) << runs.out;
  auto again = Sh(Scan("--db " + db_ + " -o /dev/null " + share_));
  EXPECT_NE(again.err.find("store: 0 files read, 400 skipped"), std::string::npos) << again.err;
}

TEST_P(StoreE2e, DamagedForeignNewerAndBusyStoresAreRefusedWithExit3) {
  if (Postgres()) GTEST_SKIP() << "SQLite files; the PostgreSQL cases are in fleet_e2e_test";
  WriteShare(dir_, 3);
  std::string garbage = dir_.Write("garbage.db", std::string(8192, 'x'));
  auto r = Sh(Scan("-q --db " + garbage + " " + share_));
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("garbage.db"), std::string::npos) << r.err;
  EXPECT_EQ(testing::ReadFile(garbage), std::string(8192, 'x'));  // never replaced
  EXPECT_EQ(Sh(Piiscan("report --db " + garbage)).exit_code, 3);
  EXPECT_EQ(Sh(Piiscan("scans --db " + garbage)).exit_code, 3);
  EXPECT_EQ(Sh(Piiscan("scans --db " + dir_.path() + "/missing.db")).exit_code, 3);

  if (Sh("command -v sqlite3").exit_code == 0) {
    std::string foreign = dir_.path() + "/foreign.db";
    ASSERT_EQ(Sh("sqlite3 " + foreign + " 'CREATE TABLE t (x); INSERT INTO t VALUES (1);'").exit_code, 0);
    r = Sh(Scan("-q --db " + foreign + " " + share_));
    EXPECT_EQ(r.exit_code, 3) << r.err;
    ASSERT_EQ(Sh(Scan("-q --db " + db_ + " " + share_)).exit_code, 0);
    ASSERT_EQ(Sh("sqlite3 " + db_ + " 'PRAGMA user_version = 999;'").exit_code, 0);
    r = Sh(Scan("-q --db " + db_ + " " + share_));
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_FALSE(r.err.empty());
  }

  // Another scan holds the store: this one waits --db-wait, then refuses.
  std::string busy = dir_.path() + "/busy.db";
  ASSERT_EQ(Sh(Scan("-q --db " + busy + " " + share_)).exit_code, 0);
  if (Sh("command -v flock").exit_code != 0) return;
  auto start = std::chrono::steady_clock::now();
  r = Sh("(flock " + busy + ".lock sleep 3 &) ; sleep 0.3; " + Scan("-q --db-wait 1 --db " + busy + " " + share_));
  double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_GE(waited, 1.2);
  EXPECT_NE(r.err.find("busy.db"), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreE2e, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace piiscan
