// Triage verdicts in the store (both backends: an SQLite file and a database
// of a real PostgreSQL server) and the matcher that applies them: one verdict
// per scope, an equal verdict changes nothing, defaults from the latest scan,
// verdicts outlive re-scans; precedence, keys, globs and reopening.

#include <gtest/gtest.h>

#include "store/postgres/pg_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/store_test_util.h"
#include "store/triage_match.h"
#include "tests/support/pg_test_db.h"
#include "tests/support/test_support.h"

namespace piiscan::store {
namespace {

using testing::MakeFile;
using testing::MakeFinding;
using testing::MakeScan;

const std::string kHash1(64, 'a');
const std::string kHash2(64, 'b');

TriageVerdict ByValue(const std::string& hash, Verdict verdict, std::string file = "") {
  TriageVerdict v;
  v.value_hash = hash;
  v.file = std::move(file);
  v.verdict = verdict;
  v.note = "test data";
  v.by = "auditor";
  return v;
}

TriageVerdict ByGlob(const std::string& glob, const std::string& detector, Verdict verdict) {
  TriageVerdict v;
  v.glob = glob;
  v.detector = detector;
  v.verdict = verdict;
  v.note = "marketing names are company names";
  v.by = "auditor";
  return v;
}

class TriageStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres" && !pg_.available()) GTEST_SKIP() << pg_.why();
    auto store = GetParam() == "postgres" ? OpenPostgresStore(pg_.target())
                                          : OpenSqliteStore(dir_.path() + "/piiscan.db");
    ASSERT_TRUE(store.has_value()) << store.error().message;
    store_ = std::move(*store);
    auto book = store_->OpenTriage();
    ASSERT_TRUE(book.has_value()) << book.error().message;
    book_ = std::move(*book);
  }

  // One completed scan of /srv/share with one file holding kHash1.
  void ScanOnce(const std::string& id, int64_t started, bool completed = true,
                std::string key = "00112233aabbccdd") {
    auto w = store_->OpenWriter({});
    ASSERT_TRUE(w.has_value()) << w.error().message;
    ScanInfo info = MakeScan(id, {"/srv/share"}, started);
    info.key_fingerprint = std::move(key);
    ASSERT_TRUE((*w)->BeginScan(info).has_value());
    FileState file = MakeFile("hr/a.csv");
    ASSERT_TRUE((*w)->BeginFile(file).has_value());
    ASSERT_TRUE((*w)->AddFinding(MakeFinding(file, "iban", kHash1)).has_value());
    ASSERT_TRUE((*w)->EndFile().has_value());
    ASSERT_TRUE((*w)->FinishScan({.completed = completed}).has_value());
  }

  std::vector<TriageVerdict> List() {
    auto list = book_->List();
    EXPECT_TRUE(list.has_value()) << list.error().message;
    return list ? *list : std::vector<TriageVerdict>{};
  }

  piiscan::testing::TempDir dir_;
  piiscan::testing::PgTestDatabase pg_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<TriageBook> book_;
};

TEST_P(TriageStoreTest, OneVerdictPerScopeAndAnEqualOneChangesNothing) {
  ScanOnce("s1", 1000);
  auto a = book_->Add(ByValue(kHash1, Verdict::kFalsePositive));
  ASSERT_TRUE(a.has_value()) << a.error().message;
  EXPECT_EQ(a->change, TriageChange::kAdded);
  auto g = book_->Add(ByGlob("shares/marketing/**", "person_name", Verdict::kAccepted));
  ASSERT_TRUE(g.has_value()) << g.error().message;
  auto file = book_->Add(ByValue(kHash1, Verdict::kAccepted, "hr/a.csv"));
  ASSERT_TRUE(file.has_value());
  EXPECT_EQ(file->change, TriageChange::kAdded);  // another scope: value in one file

  auto list = List();
  ASSERT_EQ(list.size(), 3u);
  const TriageVerdict& v = list[0];
  EXPECT_EQ(v.id, a->id);
  EXPECT_EQ(v.value_hash, kHash1);
  EXPECT_EQ(v.note, "test data");
  EXPECT_EQ(v.by, "auditor");
  EXPECT_GT(v.created_unix_ms, 1'700'000'000'000);
  // Filled in from the latest scan.
  EXPECT_EQ(v.key_fingerprint, "00112233aabbccdd");
  EXPECT_EQ(v.scan_id, "s1");
  EXPECT_GT(v.scan, 0);
  EXPECT_EQ(list[1].glob, "shares/marketing/**");
  EXPECT_EQ(list[1].detector, "person_name");
  EXPECT_EQ(list[2].file, "hr/a.csv");

  // The same verdict again (as an import of an export would give it): one.
  TriageVerdict again = v;
  again.id = 0;
  auto same = book_->Add(again);
  ASSERT_TRUE(same.has_value());
  EXPECT_EQ(same->change, TriageChange::kUnchanged);
  EXPECT_EQ(same->id, v.id);
  // A new verdict on the scope replaces it, keeping its id.
  TriageVerdict changed = ByValue(kHash1, Verdict::kRemediated);
  changed.note = "file deleted";
  auto replaced = book_->Add(changed);
  ASSERT_TRUE(replaced.has_value());
  EXPECT_EQ(replaced->change, TriageChange::kReplaced);
  EXPECT_EQ(replaced->id, v.id);
  list = List();
  ASSERT_EQ(list.size(), 3u);
  EXPECT_EQ(list[0].verdict, Verdict::kRemediated);
  EXPECT_EQ(list[0].note, "file deleted");

  // The reader sees the same verdicts; a verdict by the same hash made with
  // another key is another scope.
  auto reader = store_->OpenReader();
  ASSERT_TRUE(reader.has_value());
  auto read = (*reader)->Verdicts();
  ASSERT_TRUE(read.has_value());
  EXPECT_EQ(read->size(), 3u);
  TriageVerdict other_key = ByValue(kHash1, Verdict::kFalsePositive);
  other_key.key_fingerprint = "ffffffffffffffff";
  auto added = book_->Add(other_key);
  ASSERT_TRUE(added.has_value());
  EXPECT_EQ(added->change, TriageChange::kAdded);

  auto removed = book_->Remove(a->id);
  ASSERT_TRUE(removed.has_value());
  EXPECT_TRUE(*removed);
  removed = book_->Remove(a->id);
  ASSERT_TRUE(removed.has_value());
  EXPECT_FALSE(*removed);
  EXPECT_EQ(List().size(), 3u);
}

TEST_P(TriageStoreTest, VerdictsOutliveRescansAndAnotherOpening) {
  ScanOnce("s1", 1000);
  ASSERT_TRUE(book_->Add(ByValue(kHash1, Verdict::kRemediated)).has_value());
  ScanOnce("s2", 2000);
  ScanOnce("s3", 3000);
  auto again = GetParam() == "postgres" ? OpenPostgresStore(pg_.target())
                                        : OpenSqliteStore(dir_.path() + "/piiscan.db");
  ASSERT_TRUE(again.has_value());
  auto reader = (*again)->OpenReader();
  ASSERT_TRUE(reader.has_value());
  auto verdicts = (*reader)->Verdicts();
  ASSERT_TRUE(verdicts.has_value());
  ASSERT_EQ(verdicts->size(), 1u);
  EXPECT_EQ((*verdicts)[0].scan_id, "s1");  // still the scan it was given at
}

TEST_P(TriageStoreTest, AnImportFromTheSameStoreKeepsItsScanAnotherGetsTheLatest) {
  ScanOnce("s1", 1000);
  ScanOnce("s2", 2000);
  TriageVerdict known = ByValue(kHash1, Verdict::kRemediated);
  known.scan_id = "s1";
  known.created_unix_ms = 1'800'000'000'000;
  ASSERT_TRUE(book_->Add(known).has_value());
  TriageVerdict foreign = ByValue(kHash2, Verdict::kRemediated);
  foreign.scan_id = "20261207T000000Z-elsewhere";
  ASSERT_TRUE(book_->Add(foreign).has_value());
  auto list = List();
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].scan_id, "s1");
  EXPECT_EQ(list[0].created_unix_ms, 1'800'000'000'000);
  EXPECT_EQ(list[1].scan_id, "s2");
  EXPECT_GT(list[1].scan, list[0].scan);
}

TEST_P(TriageStoreTest, BadScopesAndValueHashesWithoutScansAreRefused) {
  EXPECT_FALSE(
      book_->Add(ByValue(kHash1, Verdict::kFalsePositive)).has_value());  // no scan: no key
  ScanOnce("s1", 1000);
  TriageVerdict no_detector = ByGlob("a/**", "", Verdict::kFalsePositive);
  EXPECT_FALSE(book_->Add(no_detector).has_value());
  TriageVerdict both = ByValue(kHash1, Verdict::kFalsePositive);
  both.glob = "a/**";
  EXPECT_FALSE(book_->Add(both).has_value());
  EXPECT_TRUE(List().empty());
}

TEST_P(TriageStoreTest, AddAllIsOneTransactionAllOrNone) {
  // No scan yet: the glob verdict alone could be added, the value verdict
  // (no key to hash with) cannot, so neither is.
  auto both = book_->AddAll(
      {ByGlob("a/**", "email", Verdict::kFalsePositive), ByValue(kHash1, Verdict::kFalsePositive)});
  EXPECT_FALSE(both.has_value());
  EXPECT_TRUE(List().empty());
  ScanOnce("s1", 1000);
  auto twice = book_->AddAll(
      {ByValue(kHash1, Verdict::kFalsePositive), ByValue(kHash1, Verdict::kAccepted)});
  ASSERT_TRUE(twice.has_value()) << twice.error().message;
  ASSERT_EQ(twice->size(), 2u);
  EXPECT_EQ((*twice)[0].change, TriageChange::kAdded);
  EXPECT_EQ((*twice)[1].change, TriageChange::kReplaced);  // the same scope, later in the list
  ASSERT_EQ(List().size(), 1u);
  EXPECT_EQ(List()[0].verdict, Verdict::kAccepted);
}

TEST_P(TriageStoreTest, SightingsSayWhereAValueIsAndWas) {
  ScanOnce("s1", 1000);
  auto seen = book_->Sightings(kHash1);
  ASSERT_TRUE(seen.has_value()) << seen.error().message;
  ASSERT_EQ(seen->size(), 1u);
  EXPECT_EQ((*seen)[0].file, "/srv/share/hr/a.csv");
  EXPECT_EQ((*seen)[0].detector, "iban");
  EXPECT_TRUE((*seen)[0].current);
  seen = book_->Sightings(kHash2);
  ASSERT_TRUE(seen.has_value());
  EXPECT_TRUE(seen->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, TriageStoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

// --- the matcher, on plain values ---

ScanRecord Scan(int64_t id, ScanStatus status, std::string key = "k1") {
  ScanRecord s;
  s.id = id;
  s.status = status;
  s.info.key_fingerprint = std::move(key);
  return s;
}

StoredFinding Found(std::string file, std::string detector, std::string hash, int64_t last_scan) {
  StoredFinding f;
  f.finding.file = std::move(file);
  f.finding.detector = std::move(detector);
  f.finding.value_hash = std::move(hash);
  f.last_scan = last_scan;
  return f;
}

TriageVerdict Given(TriageVerdict v, int64_t id, int64_t scan = 1, std::string key = "k1") {
  v.id = id;
  v.scan = scan;
  v.key_fingerprint = std::move(key);
  return v;
}

TEST(TriageMatcher, TheMostSpecificVerdictWins) {
  std::vector<ScanRecord> scans = {Scan(1, ScanStatus::kCompleted)};
  TriageMatcher m({Given(ByGlob("share/**", "iban", Verdict::kAccepted), 1),
                   Given(ByValue(kHash1, Verdict::kFalsePositive), 2),
                   Given(ByValue(kHash1, Verdict::kAccepted, "hr/a.csv"), 3)},
                  scans);
  EXPECT_EQ(m.Match(Found("/srv/share/hr/a.csv", "iban", kHash1, 1)).verdict->id, 3);
  EXPECT_EQ(m.Match(Found("/srv/share/hr/b.csv", "iban", kHash1, 1)).verdict->id, 2);
  EXPECT_EQ(m.Match(Found("/srv/share/hr/b.csv", "iban", kHash2, 1)).verdict->id, 1);
  // "hr/a.csv" names a trailing part after a '/', not any suffix.
  EXPECT_EQ(m.Match(Found("/srv/share/xhr/a.csv", "iban", kHash1, 1)).verdict->id, 2);
  EXPECT_EQ(m.Match(Found("/srv/other/x.csv", "email", kHash2, 1)).verdict, nullptr);
  EXPECT_EQ(m.Match(Found("/srv/share/x.csv", "email", kHash2, 1)).verdict,
            nullptr);  // other detector
}

TEST(TriageMatcher, ValueVerdictsMatchOnlyFindingsHashedWithTheirKey) {
  std::vector<ScanRecord> scans = {Scan(1, ScanStatus::kCompleted, "k1"),
                                   Scan(2, ScanStatus::kCompleted, "k2")};
  TriageMatcher m({Given(ByValue(kHash1, Verdict::kFalsePositive), 1, 1, "k1")}, scans);
  EXPECT_NE(m.Match(Found("a", "iban", kHash1, 1)).verdict, nullptr);
  EXPECT_EQ(m.Match(Found("a", "iban", kHash1, 2)).verdict, nullptr);
  EXPECT_TRUE(m.KeyMismatch(m.verdicts()[0]));  // the latest completed scan used k2
}

TEST(TriageMatcher, GlobsAreTriedOnlyWhereTheirFoldersAre) {
  std::vector<ScanRecord> scans = {Scan(1, ScanStatus::kCompleted)};
  TriageMatcher m({Given(ByGlob("shares/marketing/**", "person_name", Verdict::kFalsePositive), 1),
                   Given(ByGlob("*.pptx", "person_name", Verdict::kFalsePositive), 2),
                   Given(ByGlob("/abs/root/x*/*.txt", "email", Verdict::kAccepted), 3),
                   Given(ByGlob("shares/mark*/old/**", "person_name", Verdict::kAccepted), 4)},
                  scans);
  auto id = [&](std::string file, std::string detector) {
    auto r = m.Match(Found(std::move(file), std::move(detector), kHash1, 1));
    return r.verdict ? r.verdict->id : 0;
  };
  EXPECT_EQ(id("/srv/shares/marketing/a/b.docx", "person_name"), 1);
  EXPECT_EQ(id("shares/marketing/b.docx", "person_name"), 1);
  EXPECT_EQ(id("/srv/shares/sales/b.docx", "person_name"), 0);
  EXPECT_EQ(id("/srv/shares/sales/deck.pptx", "person_name"), 2);
  EXPECT_EQ(id("/abs/root/x1/a.txt", "email"), 3);
  EXPECT_EQ(id("/abs/root/y1/a.txt", "email"), 0);
  EXPECT_EQ(id("/srv/shares/marketing/old/deck.pptx", "person_name"), 4);  // the latest of three
  EXPECT_EQ(id("/srv/shares/marketing/a.txt", "email"), 0);
}

TEST(TriageMatcher, RemediatedReopensOnlyWhenACompletedScanAfterItStillSawTheFinding) {
  std::vector<ScanRecord> scans = {Scan(1, ScanStatus::kCompleted),
                                   Scan(2, ScanStatus::kInterrupted),
                                   Scan(3, ScanStatus::kCompleted)};
  TriageMatcher m({Given(ByValue(kHash1, Verdict::kRemediated), 1, /*scan=*/1)}, scans);
  TriageMatch before = m.Match(Found("a", "iban", kHash1, 1));
  EXPECT_TRUE(before.LeftOut());
  TriageMatch interrupted = m.Match(Found("a", "iban", kHash1, 2));
  EXPECT_TRUE(interrupted.LeftOut());  // an interrupted scan confirms nothing
  TriageMatch seen = m.Match(Found("a", "iban", kHash1, 3));
  EXPECT_TRUE(seen.reopened);
  EXPECT_FALSE(seen.LeftOut());

  TriageTally tally;
  tally.Count(before);
  tally.Count(seen);
  EXPECT_EQ(
      tally.Describe(),
      "1 findings left out by triage: 0 false_positive, 0 accepted, 1 remediated; 1 remediated "
      "findings reopened (a later scan still saw them)");
}

}  // namespace
}  // namespace piiscan::store
