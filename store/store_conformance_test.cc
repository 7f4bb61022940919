// What the store remembers when written: aggregation, exact replay of
// unchanged files, files read again, gone files, one file read twice, misuse.
// The readers' side is store_conformance_read_test.cc; the fixture, and which
// stores each test runs on, store_conformance_test_fixture.h.

#include "store/store_conformance_test_fixture.h"

namespace piiscan::store::conformance {
namespace {

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
  ASSERT_TRUE(scans.has_value());
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

}  // namespace

// (Once for both files of the suite.)
INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace piiscan::store::conformance
