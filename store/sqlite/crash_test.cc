// kill -9 at random moments: a child process records many files' findings
// and is killed with SIGKILL; each time the store must open, pass SQLite's
// integrity check, and hold every file whole: exactly the findings and
// statuses of the scan that last recorded it, or the previous state.

#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <iostream>
#include <random>
#include <thread>

#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/store_test_util.h"
#include "tests/support/test_support.h"

namespace piiscan::store {
namespace {

constexpr int kFiles = 3000;

// How many distinct findings file `j` has in the scan of round `round`, and
// their value hashes: some survive from round to round, some are resolved.
int FindingsOf(int round, int j) { return 1 + (j * 7 + round * 13) % 17; }
std::string HashOf(int round, int j, int k) {
  return std::to_string(j) + "-" + std::to_string(k) + "-" + std::to_string((round + k) % 3);
}

// The child: records files until killed (or done), never returns.
// It writes a byte to `ready` once its scan has begun.
[[noreturn]] void WriteUntilKilled(const std::string& path, int round, int ready) {
  auto store = OpenSqliteStore(path);
  if (!store) _exit(10);
  auto writer = (*store)->OpenWriter({.wait = std::chrono::seconds(5),
                                      .batch_files = 40,
                                      .batch_time = std::chrono::milliseconds(5)});
  if (!writer) _exit(11);
  auto& w = **writer;
  if (!w.BeginScan(
          testing::MakeScan("round-" + std::to_string(round), {"/srv/share"}, 1000 * (round + 1))))
    _exit(12);
  if (write(ready, "b", 1) != 1) _exit(18);
  // Start at a different file each round so that every file gets rewritten.
  for (int n = 0; n < kFiles; ++n) {
    int j = (n + round * 331) % kFiles;
    FileState file = testing::MakeFile("f" + std::to_string(j), j);
    file.identity.mtime_ns += round;
    if (!w.BeginFile(file)) _exit(13);
    for (int k = 0; k < FindingsOf(round, j); ++k) {
      Finding f = testing::MakeFinding(file, k % 2 ? "email" : "iban", HashOf(round, j, k),
                                       {"sheet " + std::to_string(k % 3)}, k * 70);
      f.count = 2;
      if (!w.AddFinding(f)) _exit(14);
    }
    if (!w.AddStatus(
            {file.path, {"cell Z9"}, FileStatus::kLimit, "round " + std::to_string(round)}))
      _exit(15);
    if (!w.EndFile()) _exit(16);
  }
  if (!w.FinishScan({.completed = true})) _exit(17);
  _exit(0);
}

// Every file in the store is exactly as the round that last recorded it wrote it.
void ExpectWholeFiles(const std::string& path, int rounds_so_far) {
  auto db = sqlite::Connection::Open(path, true);
  ASSERT_TRUE(db.has_value()) << db.error().message;
  auto files = db->Prepare(
      "SELECT fi.id, fi.relative_path, s.scan_id, fi.last_scan FROM files fi "
      "JOIN scans s ON s.id = fi.last_scan");
  ASSERT_TRUE(files.has_value());
  auto findings = db->Prepare(
      "SELECT value_hash, count, last_scan = ?2 FROM findings "
      "WHERE file_id = ?1 AND resolved_in_scan IS NULL ORDER BY value_hash");
  ASSERT_TRUE(findings.has_value());
  auto statuses = db->Prepare("SELECT reason FROM statuses WHERE file_id = ?1");
  ASSERT_TRUE(statuses.has_value());
  int checked = 0;
  while (*files->Step()) {
    int64_t id = files->Int(0);
    int j = std::stoi(files->Text(1).substr(1));
    int round = std::stoi(files->Text(2).substr(6));
    ASSERT_LT(round, rounds_so_far);
    std::vector<std::string> want;
    for (int k = 0; k < FindingsOf(round, j); ++k) want.push_back(HashOf(round, j, k));
    std::sort(want.begin(), want.end());
    // Not round + 1: a child killed before its scan row was committed left none.
    int64_t last_scan = files->Int(3);
    findings->Bind(1, id).Bind(2, last_scan);
    std::vector<std::string> got;
    while (*findings->Step()) {
      got.push_back(findings->Text(0));
      EXPECT_EQ(findings->Int(1), 2) << "file " << j;
      EXPECT_EQ(findings->Int(2), 1) << "file " << j;
    }
    findings->Reset();
    ASSERT_EQ(got, want) << "file f" << j << " of round " << round;
    statuses->Bind(1, id);
    ASSERT_TRUE(*statuses->Step()) << "file " << j;
    EXPECT_EQ(statuses->Text(0), "round " + std::to_string(round));
    EXPECT_FALSE(*statuses->Step());
    statuses->Reset();
    ++checked;
  }
  EXPECT_EQ(checked, testing::QueryInt(path, "SELECT count(*) FROM files"));
}

TEST(StoreCrash, KilledWritersLeaveAConsistentStoreOfWholeFiles) {
  piiscan::testing::TempDir dir;
  const std::string path = dir.path() + "/piiscan.db";
  std::mt19937 rng(20261207);
  std::uniform_int_distribution<int> delay_ms(0, 300);
  int kills = 0, rounds = 0, mid_scan = 0;
  while (kills < 24 && rounds < 60) {
    const int round = rounds++;
    int ready[2];
    ASSERT_EQ(pipe(ready), 0);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(ready[0]);
      WriteUntilKilled(path, round, ready[1]);
    }
    close(ready[1]);
    // Mostly from the start of the scan, so that a loaded machine still kills
    // mid-scan; every fifth round from the fork (start-up, schema, BeginScan).
    if (round % 5 != 0) {
      pollfd p{ready[0], POLLIN, 0};
      poll(&p, 1, 20000);
    }
    close(ready[0]);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms(rng)));
    kill(pid, SIGKILL);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    if (WIFSIGNALED(status)) {
      ++kills;
      // Where it was killed: how many files this round had committed.
      mid_scan += [&] {
        int64_t n = testing::QueryInt(path,
                                      "SELECT count(*) FROM files fi JOIN scans s ON "
                                      "s.id = fi.last_scan WHERE s.scan_id = 'round-" +
                                          std::to_string(round) + "'");
        std::cout << "round " << round << ": killed after " << n << " files committed\n";
        return n > 0 && n < kFiles;
      }();
    } else {
      ASSERT_TRUE(WIFEXITED(status));
      ASSERT_EQ(WEXITSTATUS(status), 0) << "the child failed in round " << round;
    }

    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store.has_value()) << "round " << round << ": " << store.error().message;
    auto check = (*store)->Check();
    ASSERT_TRUE(check.has_value()) << "round " << round << ": " << check.error().message;
    ExpectWholeFiles(path, rounds);
    if (HasFatalFailure() || HasFailure()) return;
  }
  EXPECT_GE(kills, 20);
  EXPECT_GE(mid_scan, 10);  // not all before the first commit
  // Every round that got as far as its scan row left one; all but a killed last
  // one are no longer running.
  EXPECT_LE(testing::QueryInt(path, "SELECT count(*) FROM scans"), rounds);
  EXPECT_LE(testing::QueryInt(path, "SELECT count(*) FROM scans WHERE status = 'running'"), 1);
  EXPECT_GT(testing::QueryInt(path, "SELECT count(*) FROM files"), 0);
}

}  // namespace
}  // namespace piiscan::store
