// What the store answers, on both stores: what changed since a scan, the
// findings' history, the scans list, readers and writers at the same time
// (one writer per root), value and name lookups, roots as stored.

#include "store/store_conformance_test_fixture.h"

namespace piiscan::store::conformance {
namespace {

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

}  // namespace
}  // namespace piiscan::store::conformance
