// A fleet of agents on one PostgreSQL store, as an admin runs it: the built
// binary, real files, a real server (tests/support/pg_test_db.h). Two static
// shards together equal one agent; with --claim, an agent killed with SIGKILL
// halfway loses its lease and the other finishes its folders, and the result
// still equals one agent's; an agent with another hash key is refused
// (exit 2); a password in the connection string never shows.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <future>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "tests/support/pg_test_db.h"
#include "tests/support/test_support.h"

namespace piiscan {
namespace {

using testing::PgTestDatabase;
using testing::PiiscanBinary;
using testing::TempDir;
testing::CommandResult Sh(const std::string& command) { return testing::Run(command); }

// The findings of `report --db` without what names the run or the scan
// (first_seen etc. differ between stores), sorted.
std::vector<std::string> Findings(const std::string& report) {
  std::vector<std::string> out;
  std::istringstream in(report);
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line);
    if (j.contains("header") || j.contains("summary")) continue;
    for (const char* k : {"first_seen", "last_seen", "first_scan", "last_scan", "scan"}) j.erase(k);
    out.push_back(j.dump());
  }
  std::sort(out.begin(), out.end());
  return out;
}

class FleetE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!pg_.available()) GTEST_SKIP() << pg_.why();
    key_ = dir_.Write("key", "fleet-key-0123456789abcdef\n");
    ::chmod(key_.c_str(), 0600);
    share_ = dir_.path() + "/share";
  }

  // `folders` folders of `files` files, each with identifiers (valid check
  // digits, no real person's) and `filler` lines of text.
  void WriteShare(int folders, int files, int filler) {
    const char* ibans[] = {"NL91 ABNA 0417 1643 00", "NL02 ABNA 0123 4567 89"};
    for (int d = 0; d < folders; ++d) {
      for (int i = 0; i < files; ++i) {
        std::string body = "Klant " + std::to_string(i) + "\nIBAN: " + ibans[i % 2] +
                           "\nMail persoon" + std::to_string(d * 100 + i) +
                           "@voorbeeld.nl, tel 06-1234" + std::to_string(5000 + i) + "\n";
        for (int k = 0; k < filler; ++k)
          body += "regel " + std::to_string(k) + ": niets bijzonders\n";
        dir_.Write("share/dept" + std::to_string(d) + "/doc" + std::to_string(i) + ".txt", body);
      }
    }
    dir_.Write("share/top.txt", "Contact: info" + std::string("@voorbeeld.nl") + "\n");
  }

  static std::string Quote(const std::string& target) { return "'" + target + "'"; }
  std::string Scan(const std::string& db, const std::string& args,
                   const std::string& key = "") const {
    return "env -u PIISCAN_DB " + PiiscanBinary() +
           " scan -q --no-progress -o /dev/null --hash-key-file " + (key.empty() ? key_ : key) +
           " --db " + Quote(db) + " " + args + " " + share_;
  }
  std::string Report(const std::string& db) const {
    auto r = Sh("env -u PIISCAN_DB " + PiiscanBinary() + " report --db " + Quote(db));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out;
  }
  // One agent alone, in a store of its own: what every fleet run must equal.
  std::vector<std::string> Reference() {
    PgTestDatabase single;
    auto r = Sh(Scan(single.target(), ""));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return Findings(Report(single.target()));
  }
  nlohmann::json LastScan(const std::string& db) {
    auto r = Sh("env -u PIISCAN_DB " + PiiscanBinary() + " scans --format json --db " + Quote(db));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::istringstream in(r.out);
    std::string line, last;
    while (std::getline(in, line)) last = line;
    return nlohmann::json::parse(last.empty() ? "{}" : last);
  }

  TempDir dir_;
  PgTestDatabase pg_;
  std::string key_, share_;
};

TEST_F(FleetE2e, TwoShardsAtTheSameTimeEqualOneAgent) {
  WriteShare(6, 15, 0);
  auto want = Reference();
  ASSERT_GT(want.size(), 150u);
  auto r =
      Sh("(" + Scan(pg_.target(), "--shard 1/2") + ") & (" + Scan(pg_.target(), "--shard 2/2") +
         "); s=$?; wait $!; t=$?; test $s = 0 && test $t = 0");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Findings(Report(pg_.target())), want);
  auto scan = LastScan(pg_.target());
  EXPECT_EQ(scan["status"], "completed") << scan.dump();
  EXPECT_EQ(scan["files_read"], 91) << scan.dump();  // each file once, by one of the two
  EXPECT_EQ(pg_.QueryInt("SELECT count(*) FROM scans"), 1);
  EXPECT_EQ(pg_.QueryInt("SELECT count(*) FROM scan_agents WHERE status = 'completed'"), 2);
  // `scans` shows the run with its two agents.
  ASSERT_EQ(scan["agents"].size(), 2u) << scan.dump();
  EXPECT_EQ(scan["mode"], "shard");
  EXPECT_EQ(scan["agents"][0]["files_read"].get<int>() + scan["agents"][1]["files_read"].get<int>(),
            91);
}

TEST_F(FleetE2e, ClaimedFoldersOfAKilledAgentAreFinishedByTheOther) {
  WriteShare(4, 60, 6000);  // ~150 KB a file, ~9 MB a folder: a unit lasts long enough to kill
  auto want = Reference();
  const std::string args = "--claim --lease 5s --scan-id night1 -j1";
  pid_t victim = ::fork();
  ASSERT_GE(victim, 0);
  if (victim == 0) {
    ::execl("/bin/sh", "sh", "-c", ("exec " + Scan(pg_.target(), args)).c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // The victim claims folders first; killed once it holds some, it never
  // completes them: the survivor waits for the leases to run out.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (pg_.QueryInt("SELECT count(*) FROM work_units WHERE state = 'claimed'") < 1 &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto survivor = std::async(std::launch::async, [&] { return Sh(Scan(pg_.target(), args)); });
  ::kill(victim, SIGKILL);
  int status = 0;
  ::waitpid(victim, &status, 0);
  // What the victim (the first agent) held when it died: only that can be
  // taken over (it may also have died between two folders, or at its end).
  const long long held = pg_.QueryInt(
      "SELECT count(*) FROM work_units WHERE state = 'claimed' AND agent = "
      "(SELECT min(id) FROM scan_agents)");
  auto r = survivor.get();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Findings(Report(pg_.target())), want);
  EXPECT_EQ(LastScan(pg_.target())["status"], "completed");
  EXPECT_EQ(pg_.QueryInt("SELECT count(*) FROM work_units WHERE state <> 'done'"), 0);
  if (WIFSIGNALED(status) && held > 0) {
    // Killed while holding work: some folder was claimed twice, done once.
    EXPECT_GE(pg_.QueryInt("SELECT count(*) FROM work_units WHERE claims >= 2"), 1);
    EXPECT_EQ(pg_.QueryInt("SELECT count(*) FROM scan_agents WHERE status = 'interrupted'"), 1);
  }
}

TEST_F(FleetE2e, AnAgentWithAnotherKeyIsRefusedWithExit2) {
  WriteShare(2, 5, 0);
  ASSERT_EQ(Sh(Scan(pg_.target(), "--shard 1/2 --scan-id run7")).exit_code, 0);
  std::string other = dir_.Write("other.key", "another-key-0123456789\n");
  ::chmod(other.c_str(), 0600);
  auto r = Sh(Scan(pg_.target(), "--shard 2/2 --scan-id run7", other));
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("same key"), std::string::npos) << r.err;
  EXPECT_EQ(pg_.QueryInt("SELECT count(*) FROM files"), pg_.QueryInt("SELECT count(*) FROM files"));
  EXPECT_EQ(pg_.QueryInt("SELECT count(*) FROM scan_agents"), 1);  // it did not even join
  // The right key finishes the run.
  ASSERT_EQ(Sh(Scan(pg_.target(), "--shard 2/2 --scan-id run7")).exit_code, 0);
  EXPECT_EQ(LastScan(pg_.target())["status"], "completed");
}

TEST_F(FleetE2e, APasswordInTheConnectionStringNeverShows) {
  WriteShare(1, 2, 0);
  const std::string secret = "s3cret-Pw-4711";
  // A URL with a password (the test server trusts local users, so it is not
  // checked), then keywords naming a database that does not exist.
  std::string host = pg_.target().substr(5, pg_.target().find(' ') - 5);  // "host=DIR ..."
  std::string url = "postgresql://piiscan:" + secret + "@/nosuchdb?host=" + host;
  auto r = Sh(Scan(url, ""));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err.find(secret), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("piiscan:***@"), std::string::npos) << r.err;
  std::string keywords = pg_.target() + " password=" + secret;
  r = Sh(Scan(keywords, ""));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto listed = Sh("env -u PIISCAN_DB " + PiiscanBinary() + " scans --db '" + keywords + "'");
  EXPECT_EQ(listed.exit_code, 0);
  EXPECT_EQ((r.out + r.err + listed.out + listed.err).find(secret), std::string::npos);
  r = Sh(Scan(pg_.target() + "x password=" + secret, ""));  // no such database
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_EQ(r.err.find(secret), std::string::npos) << r.err;
}

// Politeness needs no store: a lower priority and a read-rate cap. The cap
// is an average over the run, so the run takes at least bytes / rate.
TEST(Politeness, MaxRateHoldsTheScanToTheRateAndNiceAndIoIdleAreAccepted) {
  TempDir dir;
  std::string key = dir.Write("key", "polite-key-0123456789abcdef\n");
  ::chmod(key.c_str(), 0600);
  std::string line = "Mail persoon@voorbeeld.nl over de levering van morgen, tel 06-12345678\n";
  std::string body;
  while (body.size() < 300'000) body += line;
  for (int i = 0; i < 5; ++i) dir.Write("share/f" + std::to_string(i) + ".txt", body);  // 1.5 MB
  std::string scan = "env -u PIISCAN_DB " + PiiscanBinary() +
                     " scan -q --no-progress -o /dev/null " + "--hash-key-file " + key +
                     " --nice 5 --io-idle ";
  auto t0 = std::chrono::steady_clock::now();
  auto r = Sh(scan + "--max-rate 1 " + dir.path() + "/share");
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_GE(secs, 1.1) << "1.5 MB at 1 MB/s, the first file free";
  EXPECT_EQ(Sh(scan + "--max-rate -1 " + dir.path() + "/share").exit_code, 2);
  EXPECT_EQ(Sh(scan + "--nice 40 " + dir.path() + "/share").exit_code, 2);
}

}  // namespace
}  // namespace piiscan
