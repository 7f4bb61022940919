// What the store remembers: aggregation, exact replay of unchanged files,
// gone files, what changed since a scan, the scans list, one writer at a time.
// One suite for both implementations: each test runs on an SQLite file and
// on a database of a real PostgreSQL server (tests/support/pg_test_db.h).

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <set>

#include "store/postgres/pg_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/store_test_util.h"
#include "tests/support/pg_test_db.h"
#include "tests/support/test_support.h"

namespace piiscan::store {
namespace {

using piiscan::testing::TempDir;
using testing::MakeFile;
using testing::MakeFinding;
using testing::MakeScan;
using testing::QueryInt;

#define OK(expr)                                                                 \
  ({                                                                             \
    auto&& ok_result = (expr);                                                   \
    if (!ok_result) ADD_FAILURE() << #expr << ": " << ok_result.error().message; \
    std::move(ok_result);                                                        \
  })

void ExpectSameFinding(const Finding& got, const Finding& want, bool with_value) {
  EXPECT_EQ(got.file, want.file);
  EXPECT_EQ(got.location, want.location);
  EXPECT_EQ(got.detector, want.detector);
  EXPECT_EQ(got.category, want.category);
  EXPECT_EQ(got.confidence, want.confidence);
  EXPECT_EQ(got.score, want.score);  // exact: REAL keeps the double
  EXPECT_EQ(got.masked, want.masked);
  EXPECT_EQ(got.value_hash, want.value_hash);
  EXPECT_EQ(got.value, with_value ? want.value : std::nullopt);
  EXPECT_EQ(got.offset, want.offset);
  EXPECT_EQ(got.line, want.line);
  EXPECT_EQ(got.page, want.page);
  EXPECT_EQ(got.item_time, want.item_time);
  EXPECT_EQ(got.note, want.note);
}

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    path_ = dir_.path() + "/piiscan.db";
    if (Postgres() && !pg_.available()) GTEST_SKIP() << pg_.why();
    auto store = OpenAgain();
    ASSERT_TRUE(store.has_value()) << store.error().message;
    store_ = std::move(*store);
    auto reader = store_->OpenReader();
    ASSERT_TRUE(reader.has_value()) << reader.error().message;
    reader_ = std::move(*reader);
  }

  bool Postgres() const { return GetParam() == "postgres"; }

  // Another Store object on the same store (as another process would open).
  Result<std::unique_ptr<Store>> OpenAgain() {
    return Postgres() ? OpenPostgresStore(pg_.target()) : OpenSqliteStore(path_);
  }

  // Raw SQL for the tests' own checks (the statements used are the same in
  // both dialects).
  int64_t Query(const std::string& sql) {
    return Postgres() ? pg_.QueryInt(sql) : testing::QueryInt(path_, sql);
  }

  std::unique_ptr<StoreWriter> Writer(WriterOptions options = {}) {
    auto writer = store_->OpenWriter(options);
    EXPECT_TRUE(writer.has_value()) << writer.error().message;
    return writer ? std::move(*writer) : nullptr;
  }

  // One file with its findings, as the reporter would record it.
  void Record(StoreWriter& w, const FileState& file, const std::vector<Finding>& findings,
              const std::vector<StatusRecord>& statuses = {}) {
    OK(w.BeginFile(file));
    for (const auto& f : findings) OK(w.AddFinding(f));
    for (const auto& s : statuses) OK(w.AddStatus(s));
    OK(w.EndFile());
  }

  std::optional<StoredFile> Lookup(const FileIdentity& id, std::string_view fp = "fp1") {
    auto r = reader_->Unchanged(id, fp);
    EXPECT_TRUE(r.has_value()) << r.error().message;
    return r ? *r : std::nullopt;
  }

  std::map<std::string, std::set<std::string>> Changes(const Since& since,
                                                       int64_t* base = nullptr) {
    std::map<std::string, std::set<std::string>> out;
    auto r = reader_->ChangesSince(since, [&](Change c, const StoredFinding& f) {
      out[c == Change::kNew ? "new" : "resolved"].insert(f.relative_path + ":" +
                                                         f.finding.value_hash);
      return true;
    });
    EXPECT_TRUE(r.has_value()) << r.error().message;
    if (base && r) *base = *r;
    return out;
  }

  TempDir dir_;
  piiscan::testing::PgTestDatabase pg_;
  std::string path_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<StoreReader> reader_;
};

TEST_P(StoreTest, FindingsAreAggregatedPerLocationDetectorAndValue) {
  auto w = Writer();
  OK(w->BeginScan(MakeScan("s1")));
  FileState file = MakeFile("crm/export.csv");
  Finding first = MakeFinding(file, "email", "h1", {}, 100);
  Finding again = MakeFinding(file, "email", "h1", {}, 900);
  again.confidence = Confidence::kHigh;  // a later occurrence: only counted
  Finding elsewhere = MakeFinding(file, "email", "h1", {"sheet Klanten", "cell B7"}, 5);
  Finding other_detector = MakeFinding(file, "phone_nl", "h1", {}, 50);
  OK(w->BeginFile(file));
  OK(w->AddFinding(first));
  OK(w->AddFinding(again));
  Finding aggregated = again;
  aggregated.count = 5;
  OK(w->AddFinding(aggregated));  // a caller that aggregated already
  OK(w->AddFinding(elsewhere));
  OK(w->AddFinding(other_detector));
  OK(w->EndFile());
  auto end = OK(w->FinishScan({.completed = true}));
  EXPECT_EQ(end->findings, 3u);
  EXPECT_EQ(Query("SELECT count(*) FROM findings"), 3);

  auto stored = Lookup(file.identity);
  ASSERT_TRUE(stored.has_value());
  ASSERT_EQ(stored->findings.size(), 3u);
  ExpectSameFinding(stored->findings[0], first, false);
  EXPECT_EQ(stored->findings[0].count, 7u);
  ExpectSameFinding(stored->findings[1], elsewhere, false);
  EXPECT_EQ(stored->findings[1].count, 1u);
  ExpectSameFinding(stored->findings[2], other_detector, false);
}

// WriteFile (a file held whole, its findings not copied) aggregates as
// BeginFile / AddFinding / EndFile do, also a location met again after another.
TEST_P(StoreTest, AFileWrittenWholeIsAggregatedTheSameWay) {
  auto w = Writer();
  OK(w->BeginScan(MakeScan("s1")));
  FileState file = MakeFile("crm/export.xlsx");
  std::vector<Finding> findings{MakeFinding(file, "email", "h1", {"sheet A"}, 100),
                                MakeFinding(file, "email", "h1", {"sheet B"}, 7),
                                MakeFinding(file, "email", "h1", {"sheet A"}, 900),
                                MakeFinding(file, "iban", "h1", {"sheet A"}, 3)};
  findings[2].count = 4;
  std::vector<StatusRecord> statuses{{file.path, {"sheet C"}, FileStatus::kLimit, "too big"}};
  OK(w->WriteFile(file, findings, statuses));
  OK(w->FinishScan({.completed = true}));
  EXPECT_EQ(Query("SELECT count(*) FROM findings"), 3);
  auto stored = Lookup(file.identity);
  ASSERT_TRUE(stored.has_value());
  ASSERT_EQ(stored->findings.size(), 3u);
  ExpectSameFinding(stored->findings[0], findings[0], false);
  EXPECT_EQ(stored->findings[0].count, 5u);
  ExpectSameFinding(stored->findings[1], findings[1], false);
  ExpectSameFinding(stored->findings[2], findings[3], false);
  ASSERT_EQ(stored->statuses.size(), 1u);
  EXPECT_EQ(stored->statuses[0].reason, "too big");
}

TEST_P(StoreTest, RawValuesOnlyWhenAskedAndTheScanSaysSo) {
  FileState file = MakeFile("a.txt");
  Finding f = MakeFinding(file, "email", "h1");
  {
    auto w = Writer();
    OK(w->BeginScan(MakeScan("s1")));
    Record(*w, file, {f});
    OK(w->FinishScan({.completed = true}));
  }
  EXPECT_EQ(Query("SELECT count(*) FROM findings WHERE value IS NOT NULL"), 0);
  {
    auto w = Writer({.store_values = true});
    OK(w->BeginScan(MakeScan("s2", {"/srv/share"}, 2000)));
    Record(*w, file, {f});
    OK(w->FinishScan({.completed = true}));
  }
  auto stored = Lookup(file.identity);
  ASSERT_TRUE(stored && stored->findings.size() == 1);
  ExpectSameFinding(stored->findings[0], f, true);
  auto scans = OK(reader_->Scans());
  ASSERT_EQ(scans->size(), 2u);
  EXPECT_FALSE((*scans)[0].values_stored);
  EXPECT_TRUE((*scans)[1].values_stored);
}

TEST_P(StoreTest, UnchangedReplaysExactlyWhatWasWritten) {
  auto w = Writer();
  OK(w->BeginScan(MakeScan("s1")));
  FileState file = MakeFile("mail/archive.pst");
  file.type = "pst";
  Finding a = MakeFinding(file, "iban", "h1", {"message 3", "attachment offerte.zip"}, 0);
  a.page = 2;
  a.confidence = Confidence::kHigh;
  a.score = 0.1 + 0.2;  // not a short decimal
  Finding b = MakeFinding(file, "email", "h2", {"message \"4\"\n"});
  b.offset.reset();
  b.line.reset();
  b.item_time.reset();
  b.note.clear();
  StatusRecord own{file.path, {}, FileStatus::kCorrupt, "truncated at 1.2 MB"};
  StatusRecord inner{
      file.path, {"message 9", "attachment x.zip"}, FileStatus::kEncrypted, "password protected"};
  Record(*w, file, {a, b}, {inner, own});
  OK(w->FinishScan({.completed = true}));

  auto stored = Lookup(file.identity);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->state.path, file.path);
  EXPECT_EQ(stored->state.type, "pst");
  EXPECT_EQ(stored->state.bytes_scanned, file.bytes_scanned);
  EXPECT_EQ(stored->state.identity, file.identity);
  ASSERT_EQ(stored->findings.size(), 2u);
  ExpectSameFinding(stored->findings[0], a, false);
  ExpectSameFinding(stored->findings[1], b, false);
  ASSERT_EQ(stored->statuses.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    const StatusRecord& want = i == 0 ? inner : own;
    EXPECT_EQ(stored->statuses[i].file, want.file);
    EXPECT_EQ(stored->statuses[i].location, want.location);
    EXPECT_EQ(stored->statuses[i].status, want.status);
    EXPECT_EQ(stored->statuses[i].reason, want.reason);
  }
  EXPECT_EQ(Query("SELECT count(*) FROM files WHERE status = 'corrupt'"), 1);
}

TEST_P(StoreTest, AnyChangeOfIdentityOrConfigMeansRead) {
  auto w = Writer();
  OK(w->BeginScan(MakeScan("s1")));
  FileState file = MakeFile("doc.pdf");
  Record(*w, file, {MakeFinding(file, "bsn", "h1")});
  OK(w->FinishScan({.completed = true}));
  const FileIdentity& id = file.identity;
  ASSERT_TRUE(Lookup(id).has_value());
  std::vector<std::pair<std::string, FileIdentity>> changed;
  for (int field = 0; field < 5; ++field) {
    FileIdentity c = id;
    switch (field) {
      case 0:
        c.device += 1;
        break;
      case 1:
        c.inode += 1;
        break;
      case 2:
        c.size += 1;
        break;
      case 3:
        c.mtime_ns += 1;
        break;
      case 4:
        c.ctime_ns += 1;
        break;
    }
    EXPECT_FALSE(Lookup(c).has_value()) << "field " << field;
  }
  EXPECT_FALSE(Lookup(id, "fp2").has_value());
  FileIdentity other_root = id;
  other_root.root = "/srv/other";
  EXPECT_FALSE(Lookup(other_root).has_value());
  FileIdentity other_path = id;
  other_path.relative_path = "doc2.pdf";
  EXPECT_FALSE(Lookup(other_path).has_value());
}

TEST_P(StoreTest, AnUnreadableFileIsReadAgainEvenIfUnchanged) {
  auto w = Writer();
  OK(w->BeginScan(MakeScan("s1")));
  FileState locked = MakeFile("locked.docx", 1), broken = MakeFile("broken.docx", 2);
  Record(*w, locked, {}, {{locked.path, {}, FileStatus::kUnreadable, "permission denied"}});
  Record(*w, broken, {}, {{broken.path, {}, FileStatus::kCorrupt, "truncated"}});
  OK(w->FinishScan({.completed = true}));
  EXPECT_FALSE(Lookup(locked.identity).has_value());
  EXPECT_TRUE(Lookup(broken.identity).has_value());  // the same bytes stay corrupt
}

TEST_P(StoreTest, ARereadFileReplacesItsFindingsAndResolvesTheMissing) {
  FileState file = MakeFile("klanten.csv");
  {
    auto w = Writer();
    OK(w->BeginScan(MakeScan("s1", {"/srv/share"}, 1000)));
    Record(*w, file, {MakeFinding(file, "email", "x"), MakeFinding(file, "email", "y")},
           {{file.path, {"sheet 2"}, FileStatus::kLimit, "too many cells"}});
    OK(w->FinishScan({.completed = true}));
  }
  file.identity.mtime_ns += 1000;
  {
    auto w = Writer();
    OK(w->BeginScan(MakeScan("s2", {"/srv/share"}, 2000)));
    Finding y = MakeFinding(file, "email", "y", {}, 500);  // moved within the file
    Record(*w, file, {y, y, MakeFinding(file, "email", "z")});
    auto end = OK(w->FinishScan({.completed = true}));
    EXPECT_EQ(end->new_findings, 1u);
    EXPECT_EQ(end->resolved, 1u);
    EXPECT_EQ(end->findings, 2u);
  }
  auto stored = Lookup(file.identity);
  ASSERT_TRUE(stored.has_value());
  ASSERT_EQ(stored->findings.size(), 2u);
  EXPECT_EQ(stored->findings[0].value_hash, "y");
  EXPECT_EQ(stored->findings[0].count, 2u);  // this scan's count, not 1 + 2
  EXPECT_EQ(stored->findings[0].offset, 500u);
  EXPECT_EQ(stored->findings[1].value_hash, "z");
  EXPECT_TRUE(stored->statuses.empty());
  EXPECT_EQ(Query("SELECT first_seen FROM findings WHERE value_hash = 'y'"), 1000);
  EXPECT_EQ(Query("SELECT last_seen FROM findings WHERE value_hash = 'y'"), 2000);
  EXPECT_EQ(Query("SELECT resolved_in_scan FROM findings WHERE value_hash = 'x'"), 2);

  auto changes = Changes(SincePreviousCompleted{});
  EXPECT_EQ(changes["new"], (std::set<std::string>{"klanten.csv:z"}));
  EXPECT_EQ(changes["resolved"], (std::set<std::string>{"klanten.csv:x"}));
}

TEST_P(StoreTest, FilesNotSeenByACompletedScanAreGoneAndTheirFindingsResolved) {
  FileState keep = MakeFile("keep.txt", 1), drop = MakeFile("drop.txt", 2);
  FileState elsewhere = MakeFile("x.txt", 3, "/srv/other");
  {
    auto w = Writer();
    OK(w->BeginScan(MakeScan("s1", {"/srv/share", "/srv/other"}, 1000)));
    Record(*w, keep, {MakeFinding(keep, "email", "k")});
    Record(*w, drop, {MakeFinding(drop, "email", "d1"), MakeFinding(drop, "iban", "d2")});
    Record(*w, elsewhere, {MakeFinding(elsewhere, "email", "e")});
    OK(w->FinishScan({.completed = true}));
  }
  {  // interrupted: sees only keep.txt, marks nothing gone
    auto w = Writer();
    OK(w->BeginScan(MakeScan("s2", {"/srv/share"}, 2000)));
    auto hit = Lookup(keep.identity);
    ASSERT_TRUE(hit.has_value());
    OK(w->KeepUnchanged(hit->file_id, hit->findings.size()));
    auto end = OK(w->FinishScan({.completed = false}));
    EXPECT_EQ(end->status, ScanStatus::kInterrupted);
    EXPECT_EQ(end->files_gone, 0u);
  }
  EXPECT_TRUE(Lookup(drop.identity).has_value());
  {  // completed over /srv/share only: drop.txt is gone, /srv/other untouched
    auto w = Writer();
    OK(w->BeginScan(MakeScan("s3", {"/srv/share"}, 3000)));
    auto hit = Lookup(keep.identity);
    ASSERT_TRUE(hit.has_value());
    OK(w->KeepUnchanged(hit->file_id, hit->findings.size()));
    auto end = OK(w->FinishScan({.completed = true}));
    EXPECT_EQ(end->files_skipped, 1u);
    EXPECT_EQ(end->files_read, 0u);
    EXPECT_EQ(end->files_gone, 1u);
    EXPECT_EQ(end->resolved, 2u);
    EXPECT_EQ(end->findings, 1u);
    EXPECT_EQ(end->new_findings, 0u);
  }
  EXPECT_FALSE(Lookup(drop.identity).has_value());
  EXPECT_TRUE(Lookup(elsewhere.identity).has_value());
  EXPECT_EQ(Query("SELECT gone_in_scan FROM files WHERE relative_path = 'drop.txt'"), 3);
  EXPECT_EQ(Query("SELECT last_seen FROM findings WHERE value_hash = 'd1'"), 1000);
  // A kept file's finding was last seen when its file was (the SQLite store
  // keeps that in files.last_seen rather than rewriting every finding).
  OK(reader_->CurrentFindings([&](const StoredFinding& f) {
    if (f.finding.value_hash == "k") {
      EXPECT_EQ(f.last_seen_unix_ms, 3000);
    }
    return true;
  }));

  std::set<std::string> current;
  OK(reader_->CurrentFindings([&](const StoredFinding& f) {
    current.insert(f.finding.value_hash);
    if (f.finding.value_hash == "k") {
      EXPECT_EQ(f.last_seen_unix_ms, 3000);
      EXPECT_EQ(f.last_scan, 3);
      EXPECT_EQ(f.first_seen_unix_ms, 1000);
    }
    return true;
  }));
  OK(reader_->ChangesSince(SinceScan{"s1"}, [&](Change c, const StoredFinding& f) {
    EXPECT_EQ(c, Change::kResolved);
    EXPECT_EQ(f.last_seen_unix_ms, 1000) << f.finding.value_hash;  // drop.txt, last seen in s1
    EXPECT_EQ(f.resolved_in_scan, 3);
    return true;
  }));
  EXPECT_EQ(current, (std::set<std::string>{"k", "e"}));
  auto changes = Changes(SincePreviousCompleted{});
  EXPECT_TRUE(changes["new"].empty());
  EXPECT_EQ(changes["resolved"], (std::set<std::string>{"drop.txt:d1", "drop.txt:d2"}));

  // A gone file that comes back is present again, its findings new.
  {
    auto w = Writer();
    OK(w->BeginScan(MakeScan("s4", {"/srv/share"}, 4000)));
    auto kept = Lookup(keep.identity);
    OK(w->KeepUnchanged(kept->file_id, kept->findings.size()));
    Record(*w, drop, {MakeFinding(drop, "email", "d1")});
    auto end = OK(w->FinishScan({.completed = true}));
    EXPECT_EQ(end->new_findings, 1u);
    EXPECT_EQ(end->files_gone, 0u);
  }
  EXPECT_TRUE(Lookup(drop.identity).has_value());
  EXPECT_EQ(Changes(SincePreviousCompleted{})["new"], (std::set<std::string>{"drop.txt:d1"}));
}

TEST_P(StoreTest, ChangesSinceAScanOrATime) {
  FileState a = MakeFile("a.txt", 1);
  for (int s = 1; s <= 3; ++s) {
    auto w = Writer();
    OK(w->BeginScan(MakeScan("s" + std::to_string(s), {"/srv/share"}, s * 1000)));
    a.identity.mtime_ns += 1;
    std::vector<Finding> found;
    for (int v = 1; v <= s; ++v) found.push_back(MakeFinding(a, "email", "v" + std::to_string(v)));
    Record(*w, a, found);
    OK(w->FinishScan({.completed = true}));
  }
  int64_t base = -1;
  EXPECT_EQ(Changes(SincePreviousCompleted{}, &base)["new"], (std::set<std::string>{"a.txt:v3"}));
  EXPECT_EQ(base, 2);
  EXPECT_EQ(Changes(SinceScan{"s1"}, &base)["new"],
            (std::set<std::string>{"a.txt:v2", "a.txt:v3"}));
  EXPECT_EQ(base, 1);
  EXPECT_EQ(Changes(SinceTime{2500}, &base)["new"], (std::set<std::string>{"a.txt:v3"}));
  EXPECT_EQ(base, 2);
  EXPECT_EQ(Changes(SinceTime{0}, &base)["new"].size(), 3u);
  EXPECT_EQ(base, 0);
  auto missing =
      reader_->ChangesSince(SinceScan{"nope"}, [](Change, const StoredFinding&) { return true; });
  ASSERT_FALSE(missing.has_value());
  EXPECT_NE(missing.error().message.find("no scan nope"), std::string::npos);
}

// The audit's trends: findings grouped per file, category, confidence and
// interval, across a scan of some roots only, an interrupted scan and a
// finding found again after it was resolved.
TEST_P(StoreTest, FindingHistoryGroupsFindingsByFileCategoryAndInterval) {
  FileState a = MakeFile("a.txt", 1), b = MakeFile("b.txt", 2), c = MakeFile("c.txt", 3);
  FileState x = MakeFile("x.txt", 4, "/srv/other");
  auto iban = [](const FileState& f, std::string hash) {
    Finding out = MakeFinding(f, "iban", std::move(hash));
    out.category = "financial";
    out.confidence = Confidence::kHigh;
    return out;
  };
  {
    auto w = Writer();
    OK(w->BeginScan(MakeScan("s1", {"/srv/share", "/srv/other"}, 1000)));
    Record(*w, a, {MakeFinding(a, "email", "e1"), MakeFinding(a, "email", "e2"),
                   MakeFinding(a, "email", "e4"), iban(a, "i1")});
    Record(*w, b, {MakeFinding(b, "email", "b1")});
    Record(*w, x, {MakeFinding(x, "email", "x1")});
    OK(w->FinishScan({.completed = true}));
  }
  a.identity.mtime_ns += 1;
  {  // only /srv/share: x.txt stays as it was
    auto w = Writer();
    OK(w->BeginScan(MakeScan("s2", {"/srv/share"}, 2000)));
    Record(*w, a, {MakeFinding(a, "email", "e1"), MakeFinding(a, "email", "e4"),
                   MakeFinding(a, "email", "e3")});
    auto kept = Lookup(b.identity);
    ASSERT_TRUE(kept.has_value());
    OK(w->KeepUnchanged(kept->file_id, kept->findings.size()));
    OK(w->FinishScan({.completed = true}));
  }
  b.identity.mtime_ns += 1;
  {  // interrupted: b1 resolved and c1 new in a scan that is no trend point
    auto w = Writer();
    OK(w->BeginScan(MakeScan("s3", {"/srv/share"}, 3000)));
    Record(*w, b, {});
    Record(*w, c, {MakeFinding(c, "email", "c1")});
    OK(w->FinishScan({.completed = false}));
  }
  a.identity.mtime_ns += 1;
  {  // e2 found again: its row is current again, first seen in s4
    auto w = Writer();
    OK(w->BeginScan(MakeScan("s4", {"/srv/share"}, 4000)));
    Record(*w, a, {MakeFinding(a, "email", "e1"), MakeFinding(a, "email", "e4"),
                   MakeFinding(a, "email", "e3"), MakeFinding(a, "email", "e2")});
    Record(*w, b, {});
    Record(*w, c, {MakeFinding(c, "email", "c1")});  // found again: still first seen in s3
    OK(w->FinishScan({.completed = true}));
  }
  auto groups = [&](int64_t from) {
    std::map<std::string, uint64_t> out;
    auto r = reader_->FindingHistory(from, [&](const FindingGroup& g) {
      std::string key = g.file + " " + g.category + " " + std::string(ConfidenceName(g.confidence)) +
                        " " + std::to_string(g.first_scan) + "-" +
                        (g.resolved_in_scan ? std::to_string(*g.resolved_in_scan) : "");
      EXPECT_FALSE(out.contains(key)) << key;
      out[key] += g.findings;
      return true;
    });
    EXPECT_TRUE(r.has_value()) << r.error().message;
    return out;
  };
  EXPECT_EQ(groups(0), (std::map<std::string, uint64_t>{
                           {"/srv/share/a.txt contact medium 1-", 2},  // e1, e4
                           {"/srv/share/a.txt contact medium 2-", 1},  // e3
                           {"/srv/share/a.txt contact medium 4-", 1},  // e2, again
                           {"/srv/share/a.txt financial high 1-2", 1},
                           {"/srv/share/b.txt contact medium 1-3", 1},
                           {"/srv/share/c.txt contact medium 3-", 1},
                           {"/srv/other/x.txt contact medium 1-", 1},
                       }));
  // After scan 2: what was resolved in it or before is left out.
  auto after2 = groups(2);
  EXPECT_EQ(after2.size(), 6u);
  EXPECT_FALSE(after2.contains("/srv/share/a.txt financial high 1-2"));
  EXPECT_TRUE(after2.contains("/srv/share/b.txt contact medium 1-3"));
  // A file's groups come together.
  std::vector<std::string> files;
  OK(reader_->FindingHistory(0, [&](const FindingGroup& g) {
    if (files.empty() || files.back() != g.file) files.push_back(g.file);
    return true;
  }));
  EXPECT_EQ(files.size(), 4u);
  // The visitor can stop.
  int seen = 0;
  OK(reader_->FindingHistory(0, [&](const FindingGroup&) { return ++seen < 2; }));
  EXPECT_EQ(seen, 2);
}

// A reader kept from one scan to the next (as a long-lived process would)
// answers from what the store holds now: a file re-recorded by a later scan
// is unchanged for the scan after it.
TEST_P(StoreTest, AReaderKeptAcrossScansSeesFilesRecordedSince) {
  FileState a = MakeFile("a.txt", 1), b = MakeFile("b.txt", 2);
  {
    auto w = Writer();
    OK(w->BeginScan(MakeScan("s1", {"/srv/share"}, 1000)));
    Record(*w, a, {MakeFinding(a, "email", "a1")});
    Record(*w, b, {MakeFinding(b, "email", "b1")});
    OK(w->FinishScan({.completed = true}));
  }
  {  // the reader reads (and replays a.txt's findings) during this scan
    auto w = Writer();
    OK(w->BeginScan(MakeScan("s2", {"/srv/share"}, 2000)));
    auto kept_a = Lookup(a.identity), kept_b = Lookup(b.identity);
    ASSERT_TRUE(kept_a.has_value());
    ASSERT_TRUE(kept_b.has_value());
    OK(w->KeepUnchanged(kept_a->file_id, kept_a->findings.size()));
    OK(w->KeepUnchanged(kept_b->file_id, kept_b->findings.size()));
    OK(w->FinishScan({.completed = true}));
  }
  b.identity.mtime_ns += 1;
  {
    auto w = Writer();
    OK(w->BeginScan(MakeScan("s3", {"/srv/share"}, 3000)));
    Record(*w, b, {});
    OK(w->FinishScan({.completed = false}));
  }
  auto w = Writer();
  OK(w->BeginScan(MakeScan("s4", {"/srv/share"}, 4000)));
  EXPECT_TRUE(Lookup(b.identity).has_value());
  auto fresh = OK(store_->OpenReader());
  auto again = OK((*fresh)->Unchanged(b.identity, "fp1"));
  EXPECT_TRUE(again && again->has_value());
}

TEST_P(StoreTest, ScansListCountsAndMarksACrashedScanInterrupted) {
  {
    auto w = Writer();
    OK(w->BeginScan(MakeScan("crashed", {"/srv/share"}, 1000)));
    FileState f = MakeFile("a.txt");
    Record(*w, f, {MakeFinding(f, "email", "h")});
    // No FinishScan: the writer goes away as a killed process would leave it.
  }
  {
    auto scans = OK(reader_->Scans());
    ASSERT_EQ(scans->size(), 1u);
    EXPECT_EQ((*scans)[0].status, ScanStatus::kRunning);
    EXPECT_EQ((*scans)[0].files_read, 1u);  // progress committed with the batch
  }
  auto w = Writer();
  OK(w->BeginScan(MakeScan("next", {"/srv/share", "/srv/mail"}, 2000)));
  auto scans = OK(reader_->Scans());
  ASSERT_EQ(scans->size(), 2u);
  EXPECT_EQ((*scans)[0].status, ScanStatus::kInterrupted);
  EXPECT_EQ((*scans)[1].status, ScanStatus::kRunning);
  EXPECT_FALSE((*scans)[1].finished_unix_ms.has_value());
  const ScanInfo want = MakeScan("next", {"/srv/share", "/srv/mail"}, 2000);
  const ScanInfo& got = (*scans)[1].info;
  EXPECT_EQ(got.scan_id, want.scan_id);
  EXPECT_EQ(got.piiscan_version, want.piiscan_version);
  EXPECT_EQ(got.rules_version, want.rules_version);
  EXPECT_EQ(got.key_fingerprint, want.key_fingerprint);
  EXPECT_EQ(got.roots, want.roots);
  EXPECT_EQ(got.host, want.host);
  EXPECT_EQ(got.started_unix_ms, want.started_unix_ms);
  EXPECT_EQ(got.command, want.command);
  EXPECT_EQ(got.result_options, want.result_options);
  EXPECT_EQ(got.config_fingerprint, want.config_fingerprint);
  auto end = OK(w->FinishScan({.completed = true}));
  EXPECT_GT(*end->finished_unix_ms, 0);
  EXPECT_EQ(OK(reader_->Scans())->back().status, ScanStatus::kCompleted);
}

TEST_P(StoreTest, ASecondWriterOfTheSameRootWaitsThenRefuses) {
  auto first = Writer();
  OK(first->BeginScan(MakeScan("s1")));
  // SQLite refuses a second writer when it is opened, PostgreSQL when it
  // begins a scan of the same root.
  auto second_scan = [&](Store& store, std::chrono::milliseconds wait) -> Result<int64_t> {
    auto second = store.OpenWriter({.wait = wait});
    if (!second) return std::unexpected(second.error());
    return (*second)->BeginScan(MakeScan("s2"));
  };
  auto t0 = std::chrono::steady_clock::now();
  auto refused = second_scan(*store_, std::chrono::milliseconds(300));
  auto waited = std::chrono::steady_clock::now() - t0;
  ASSERT_FALSE(refused.has_value());
  EXPECT_NE(refused.error().message.find("another piiscan scan is writing"), std::string::npos)
      << refused.error().message;
  EXPECT_GE(waited, std::chrono::milliseconds(300));
  // Another process's store object is refused the same way.
  auto other = OpenAgain();
  ASSERT_TRUE(other.has_value());
  EXPECT_FALSE(second_scan(**other, std::chrono::milliseconds(50)).has_value());
  first.reset();
  EXPECT_TRUE(second_scan(*store_, std::chrono::milliseconds(300)).has_value());
}

TEST_P(StoreTest, ScansOfOtherRootsWriteSideBySideOnPostgres) {
  if (!Postgres()) GTEST_SKIP() << "an SQLite store has one writer at a time";
  auto a = Writer();
  auto b = Writer();
  ASSERT_TRUE(a && b);
  OK(a->BeginScan(MakeScan("server1", {"/srv/one"})));
  OK(b->BeginScan(MakeScan("server2", {"/srv/two"}, 1001)));
  FileState f1 = MakeFile("x.txt", 1, "/srv/one"), f2 = MakeFile("x.txt", 2, "/srv/two");
  Record(*a, f1, {MakeFinding(f1, "email", "h1")});
  Record(*b, f2, {MakeFinding(f2, "email", "h2")});
  OK(a->FinishScan({.completed = true}));
  OK(b->FinishScan({.completed = true}));
  // Each completed scan marks gone only what lies under its own roots.
  EXPECT_EQ(Query("SELECT count(*) FROM files WHERE gone_in_scan IS NULL"), 2);
  EXPECT_EQ(Query("SELECT count(*) FROM findings WHERE resolved_in_scan IS NULL"), 2);
  auto scans = OK(reader_->Scans());
  ASSERT_EQ(scans->size(), 2u);
  EXPECT_EQ((*scans)[0].status, ScanStatus::kCompleted);  // not taken for a crashed one
  EXPECT_EQ((*scans)[1].status, ScanStatus::kCompleted);
}

TEST_P(StoreTest, ReadersSeeCommittedBatchesWhileTheWriterWorks) {
  auto w = Writer({.batch_files = 2, .batch_time = std::chrono::hours(1)});
  OK(w->BeginScan(MakeScan("s1")));
  FileState a = MakeFile("a", 1), b = MakeFile("b", 2), c = MakeFile("c", 3);
  Record(*w, a, {MakeFinding(a, "email", "1")});
  EXPECT_FALSE(Lookup(a.identity).has_value());  // in the open batch
  Record(*w, b, {MakeFinding(b, "email", "2")});
  EXPECT_TRUE(Lookup(a.identity).has_value());  // committed with the second file
  EXPECT_TRUE(Lookup(b.identity).has_value());
  Record(*w, c, {});
  EXPECT_FALSE(Lookup(c.identity).has_value());
  OK(w->FinishScan({.completed = true}));
  EXPECT_TRUE(Lookup(c.identity).has_value());
}

TEST_P(StoreTest, AnInterruptedScanInsideAFileDropsThatFile) {
  auto w = Writer({.batch_files = 1});
  OK(w->BeginScan(MakeScan("s1")));
  FileState a = MakeFile("a", 1), b = MakeFile("b", 2);
  Record(*w, a, {MakeFinding(a, "email", "1")});
  OK(w->BeginFile(b));
  OK(w->AddFinding(MakeFinding(b, "email", "2")));
  auto end = OK(w->FinishScan({.completed = false}));
  EXPECT_EQ(end->files_read, 1u);
  EXPECT_TRUE(Lookup(a.identity).has_value());
  EXPECT_FALSE(Lookup(b.identity).has_value());
  EXPECT_EQ(Query("SELECT count(*) FROM findings WHERE value_hash = '2'"), 0);
}

TEST_P(StoreTest, TheDocumentedValueLookupUsesTheIndex) {
  if (Postgres()) GTEST_SKIP() << "the query plan checked is SQLite's";
  auto w = Writer();
  OK(w->BeginScan(MakeScan("s1")));
  const std::string wanted(64, 'a'), near = std::string(12, 'a') + std::string(52, 'b');
  for (int i = 0; i < 50; ++i) {
    FileState file = MakeFile("f" + std::to_string(i), i);
    std::string hash = i % 10 == 3 ? wanted : i % 10 == 4 ? near : std::string(64, 'c' + i % 3);
    Record(*w, file, {MakeFinding(file, "email", hash)});
  }
  OK(w->FinishScan({.completed = true}));
  // The query of docs/store.md.
  const std::string where =
      " FROM findings f WHERE substr(f.value_hash, 1, 12) = substr(?1, 1, 12) AND "
      "+f.value_hash = ?1";
  auto db = sqlite::Connection::Open(path_, true);
  ASSERT_TRUE(db.has_value());
  auto plan = OK(db->Prepare("EXPLAIN QUERY PLAN SELECT f.id" + where));
  plan->Bind(1, std::string_view(wanted));
  std::string steps;
  while (*plan->Step()) steps += plan->Text(3) + "\n";
  EXPECT_NE(steps.find("USING INDEX findings_value"), std::string::npos) << steps;
  auto count = OK(db->Prepare("SELECT count(*)" + where));
  count->Bind(1, std::string_view(wanted));
  ASSERT_TRUE(*count->Step());
  EXPECT_EQ(count->Int(0), 5);
}

// `T`, `./T/` and the absolute path are one root: stored absolute, so a
// scan finds its files unchanged however the PATH was typed.
TEST_P(StoreTest, LookUpFindsCurrentFindingsByValueHashAndNameKey) {
  FileState a = MakeFile("a.txt", 7), b = MakeFile("b.txt", 8);
  auto named = [](Finding f, int64_t key, std::string tokens) {
    f.name_key = key;
    f.name_tokens = std::move(tokens);
    return f;
  };
  {
    auto w = Writer();
    OK(w->BeginScan(MakeScan("s1")));
    Record(*w, a, {named(MakeFinding(a, "email", "h-mail"), 42, ""),
                   named(MakeFinding(a, "person_name", "h-name"), 77, "g:aa s:bb"),
                   MakeFinding(a, "iban", "h-iban")});
    Record(*w, b, {named(MakeFinding(b, "person_name", "h-other"), 77, "s:bb")});
    OK(w->FinishScan({.completed = true}));
  }
  auto look = [&](std::vector<std::string> hashes, std::vector<int64_t> keys) {
    std::map<std::string, std::string> out;  // path:hash -> key/tokens
    auto r = reader_->LookUp(hashes, keys, [&](const StoredFinding& f) {
      out[f.relative_path + ":" + f.finding.value_hash] =
          std::to_string(f.finding.name_key) + "/" + f.finding.name_tokens;
      return true;
    });
    EXPECT_TRUE(r.has_value()) << r.error().message;
    return out;
  };
  EXPECT_EQ(look({"h-iban", "absent"}, {77}),
            (std::map<std::string, std::string>{{"a.txt:h-iban", "0/"},
                                                {"a.txt:h-name", "77/g:aa s:bb"},
                                                {"b.txt:h-other", "77/s:bb"}}));
  EXPECT_TRUE(look({}, {5}).empty());
  // A re-read: the name is gone from a.txt (resolved: not found any more),
  // and the address's key changed (the stored keys follow the reading).
  a.identity.mtime_ns += 1000;
  {
    auto w = Writer();
    OK(w->BeginScan(MakeScan("s2", {"/srv/share"}, 2000)));
    Record(*w, a, {named(MakeFinding(a, "email", "h-mail"), 43, ""), MakeFinding(a, "iban", "h-iban")});
    auto kept = Lookup(b.identity);
    OK(w->KeepUnchanged(kept->file_id, kept->findings.size()));
    OK(w->FinishScan({.completed = true}));
  }
  EXPECT_EQ(look({}, {77}), (std::map<std::string, std::string>{{"b.txt:h-other", "77/s:bb"}}));
  EXPECT_EQ(look({}, {42, 43}), (std::map<std::string, std::string>{{"a.txt:h-mail", "43/"}}));
}

TEST_P(StoreTest, RootsAreNormalisedAbsolute) {
  const std::string cwd = std::filesystem::current_path().string();
  FileState file = MakeFile("a.txt", 1, "share");
  {
    auto w = Writer();
    OK(w->BeginScan(MakeScan("s1", {"./share/"}, 1000)));
    Record(*w, file, {MakeFinding(file, "email", "h")});
    OK(w->FinishScan({.completed = true}));
  }
  EXPECT_EQ(Query("SELECT count(*) FROM files WHERE root = '" + cwd + "/share'"), 1);
  FileIdentity absolute = file.identity;
  absolute.root = cwd + "/share/";
  auto hit = Lookup(absolute);
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->findings.size(), 1u);
  {  // A completed scan of the absolute root sees the file: nothing is gone.
    auto w = Writer();
    OK(w->BeginScan(MakeScan("s2", {cwd + "/share"}, 2000)));
    auto kept = Lookup(absolute);
    OK(w->KeepUnchanged(kept->file_id, kept->findings.size()));
    auto end = OK(w->FinishScan({.completed = true}));
    EXPECT_EQ(end->files_gone, 0u);
    EXPECT_EQ(end->findings, 1u);
  }
  EXPECT_EQ(NormalizeRoot("/srv/./share/../share/"), "/srv/share");
  EXPECT_EQ(NormalizeRoot("/"), "/");
}

// The same file read twice in one scan (a PATH given twice): the second
// reading replaces the first; the scan's counters stay those of one reading.
TEST_P(StoreTest, AFileReadTwiceInOneScanIsRecordedOnce) {
  FileState file = MakeFile("x.csv");
  auto w = Writer();
  OK(w->BeginScan(MakeScan("s1")));
  Record(*w, file, {MakeFinding(file, "email", "a"), MakeFinding(file, "email", "b")});
  Record(*w, file, {MakeFinding(file, "email", "b"), MakeFinding(file, "email", "b")});
  auto end = OK(w->FinishScan({.completed = true}));
  EXPECT_EQ(end->findings, 1u);
  EXPECT_EQ(end->new_findings, 1u);
  EXPECT_EQ(end->resolved, 1u);  // 'a', first seen and gone within the scan
  EXPECT_EQ(Query("SELECT count(*) FROM files"), 1);
  EXPECT_EQ(Query("SELECT count(*) FROM findings WHERE value_hash = 'b'"), 1);
  EXPECT_EQ(Query("SELECT count FROM findings WHERE value_hash = 'b'"), 2);
}

TEST_P(StoreTest, MisuseIsAnErrorNotACrash) {
  auto w = Writer();
  EXPECT_FALSE(w->BeginFile(MakeFile("a")).has_value());  // no scan yet
  OK(w->BeginScan(MakeScan("s1")));
  EXPECT_FALSE(w->AddFinding(MakeFinding(MakeFile("a"), "email", "1")).has_value());
  EXPECT_FALSE(w->EndFile().has_value());
  OK(w->BeginFile(MakeFile("a")));
  EXPECT_FALSE(w->BeginFile(MakeFile("b")).has_value());
  EXPECT_FALSE(w->FinishScan({.completed = true}).has_value());
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace piiscan::store
