// Opening a store file: creation, modes, schema versions, and the files that
// must be refused without being changed.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "store/sqlite/schema.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/store_test_util.h"
#include "tests/support/test_support.h"

namespace piiscan::store {
namespace {

using piiscan::testing::ReadFile;
using piiscan::testing::TempDir;
using testing::Mode;
using testing::QueryInt;

// Runs SQL on a plain SQLite file made outside the store.
void RawSql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  std::string msg = err ? err : "";
  sqlite3_free(err);
  sqlite3_close(db);
  ASSERT_EQ(rc, SQLITE_OK) << msg;
}

// Opens `path`, expecting a refusal that names `words`, and the file unchanged.
void ExpectRefused(const std::string& path, const std::string& words) {
  std::string before = ReadFile(path);
  auto store = OpenSqliteStore(path);
  ASSERT_FALSE(store.has_value());
  EXPECT_NE(store.error().message.find(words), std::string::npos) << store.error().message;
  EXPECT_NE(store.error().message.find(path), std::string::npos) << store.error().message;
  EXPECT_EQ(ReadFile(path), before);
  EXPECT_FALSE(std::filesystem::exists(path + "-wal"));
}

TEST(SqliteOpen, CreatesTheFile0600AndItsNewFolders0700) {
  TempDir dir;
  std::string path = dir.path() + "/var/piiscan/piiscan.db";
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store.has_value()) << store.error().message;
  EXPECT_EQ(Mode(path), 0600);
  EXPECT_EQ(Mode(dir.path() + "/var"), 0700);
  EXPECT_EQ(Mode(dir.path() + "/var/piiscan"), 0700);
  auto writer = (*store)->OpenWriter({});
  ASSERT_TRUE(writer.has_value()) << writer.error().message;
  ASSERT_TRUE((*writer)->BeginScan(testing::MakeScan("s1")).has_value());
  EXPECT_EQ(Mode(path + "-wal"), 0600);
  EXPECT_EQ(Mode(path + ".lock"), 0600);
}

TEST(SqliteOpen, AnExistingFolderKeepsItsMode) {
  TempDir dir;
  std::filesystem::permissions(dir.path(), std::filesystem::perms(0755));
  ASSERT_TRUE(OpenSqliteStore(dir.path() + "/piiscan.db").has_value());
  EXPECT_EQ(Mode(dir.path()), 0755);
}

TEST(SqliteOpen, MissingFileIsAnErrorWhenNotCreating) {
  TempDir dir;
  std::string path = dir.path() + "/none.db";
  auto store = OpenSqliteStore(path, {.create = false});
  ASSERT_FALSE(store.has_value());
  EXPECT_NE(store.error().message.find("no such file"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(SqliteOpen, NewStoreHasOurApplicationIdLatestVersionAndWal) {
  TempDir dir;
  std::string path = dir.path() + "/piiscan.db";
  ASSERT_TRUE(OpenSqliteStore(path).has_value());
  EXPECT_EQ(QueryInt(path, "PRAGMA application_id"), sqlite::kApplicationId);
  EXPECT_EQ(QueryInt(path, "PRAGMA user_version"), sqlite::LatestSchemaVersion());
  EXPECT_EQ(QueryInt(path,
                     "SELECT count(*) FROM sqlite_schema WHERE name IN "
                     "('scans','files','findings','statuses')"),
            4);
  // WAL is recorded in the header: bytes 18 and 19 are 2.
  std::string bytes = ReadFile(path);
  ASSERT_GT(bytes.size(), 20u);
  EXPECT_EQ(bytes[18], 2);
  EXPECT_EQ(bytes[19], 2);
}

TEST(SqliteOpen, ReopenKeepsDataAndDoesNotMigrateAgain) {
  TempDir dir;
  std::string path = dir.path() + "/piiscan.db";
  {
    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store.has_value());
    auto writer = (*store)->OpenWriter({});
    ASSERT_TRUE(writer.has_value());
    ASSERT_TRUE((*writer)->BeginScan(testing::MakeScan("s1")).has_value());
    ASSERT_TRUE((*writer)->FinishScan({.completed = true}).has_value());
  }
  auto store = OpenSqliteStore(path, {.create = false});
  ASSERT_TRUE(store.has_value()) << store.error().message;
  auto reader = (*store)->OpenReader();
  ASSERT_TRUE(reader.has_value());
  auto scans = (*reader)->Scans();
  ASSERT_TRUE(scans.has_value());
  ASSERT_EQ(scans->size(), 1u);
  EXPECT_EQ((*scans)[0].info.scan_id, "s1");
  EXPECT_EQ(QueryInt(path, "PRAGMA user_version"), sqlite::LatestSchemaVersion());
}

TEST(SqliteOpen, MigrationsAreNumberedInOrder) {
  int expected = 1;
  for (const auto& m : sqlite::Migrations()) EXPECT_EQ(m.version, expected++);
  EXPECT_EQ(sqlite::LatestSchemaVersion(), expected - 1);
}

TEST(SqliteOpen, AnOlderStoreIsMigrated) {
  // A store at version 0: marked as ours, no tables yet (what an
  // interrupted first open leaves behind).
  TempDir dir;
  std::string path = dir.path() + "/old.db";
  RawSql(path, "PRAGMA application_id = " + std::to_string(sqlite::kApplicationId));
  ASSERT_EQ(QueryInt(path, "PRAGMA user_version"), 0);
  ASSERT_TRUE(OpenSqliteStore(path).has_value());
  EXPECT_EQ(QueryInt(path, "PRAGMA user_version"), sqlite::LatestSchemaVersion());
  EXPECT_EQ(QueryInt(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'findings'"), 1);
}

TEST(SqliteOpen, AVersion1StoreGetsItsFileCountsAndKeepsWorking) {
  // A store as version 1 left it: two files, one with two current findings
  // and a resolved one, one with a status.
  TempDir dir;
  std::string path = dir.path() + "/v1.db";
  const auto& v1 = sqlite::Migrations()[0];
  ASSERT_EQ(v1.version, 1);
  RawSql(path, "PRAGMA application_id = " + std::to_string(sqlite::kApplicationId) + ";" +
                   std::string(v1.sql) + R"sql(;
    PRAGMA user_version = 1;
    INSERT INTO scans (id, scan_id, piiscan_version, rules_version, key_fingerprint, roots, host,
      command, result_options, config_fingerprint, started, status)
      VALUES (1, 's1', '0.1.0', 'r', 'k', '["/srv/share"]', 'h', 'scan', '[]', 'fp1', 1000, 'completed');
    INSERT INTO files (id, root, relative_path, path, device, inode, size, mtime_ns, ctime_ns, type,
      config_fingerprint, first_seen, last_seen, first_scan, last_scan)
      VALUES (1, '/srv/share', 'a.csv', '/srv/share/a.csv', 1, 2, 3, 4, 5, 'csv', 'fp1', 1000, 1000, 1, 1),
             (2, '/srv/share', 'b.pdf', '/srv/share/b.pdf', 1, 3, 3, 4, 5, 'pdf', 'fp1', 1000, 1000, 1, 1);
    INSERT INTO findings (file_id, location, detector, category, confidence, score, masked, value_hash,
      count, first_seen, last_seen, first_scan, last_scan, resolved_in_scan)
      VALUES (1, '[]', 'email', 'email', 'high', 0.9, 'm', 'h1', 1, 1000, 1000, 1, 1, NULL),
             (1, '[]', 'email', 'email', 'high', 0.9, 'm', 'h2', 2, 1000, 1000, 1, 1, NULL),
             (1, '[]', 'iban', 'bank_account', 'high', 0.9, 'm', 'h3', 1, 1000, 1000, 1, 1, 1);
    INSERT INTO statuses (file_id, location, status, reason) VALUES (2, '["page 3"]', 'limit', 'x');
  )sql");
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store.has_value()) << store.error().message;
  EXPECT_EQ(QueryInt(path, "PRAGMA user_version"), sqlite::LatestSchemaVersion());
  EXPECT_EQ(QueryInt(path, "SELECT findings FROM files WHERE id = 1"), 2);
  EXPECT_EQ(QueryInt(path, "SELECT statuses FROM files WHERE id = 1"), 0);
  EXPECT_EQ(QueryInt(path, "SELECT findings FROM files WHERE id = 2"), 0);
  EXPECT_EQ(QueryInt(path, "SELECT statuses FROM files WHERE id = 2"), 1);
  EXPECT_EQ(QueryInt(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'findings_key'"), 0);
  EXPECT_EQ(QueryInt(path, "SELECT count(*) FROM sqlite_schema WHERE name = 'findings_file'"), 1);
  // The migrated rows replay as before.
  auto reader = (*store)->OpenReader();
  ASSERT_TRUE(reader.has_value());
  auto hit = (*reader)->Unchanged({"/srv/share", "a.csv", 1, 2, 3, 4, 5}, "fp1");
  ASSERT_TRUE(hit.has_value() && hit->has_value());
  EXPECT_EQ((*hit)->findings.size(), 2u);
  hit = (*reader)->Unchanged({"/srv/share", "b.pdf", 1, 3, 3, 4, 5}, "fp1");
  ASSERT_TRUE(hit.has_value() && hit->has_value());
  EXPECT_EQ((*hit)->statuses.size(), 1u);
}

// Version 5 replays an unchanged file from a compact copy of its findings
// (file_replay). A store of version 4 has none: its files replay from their
// rows until read again; a copy that cannot be decoded does the same.
TEST(SqliteOpen, AVersion4StoreReplaysFromItsRowsUntilAFileIsReadAgain) {
  TempDir dir;
  std::string path = dir.path() + "/v4.db";
  FileState a = testing::MakeFile("a.csv", 1), b = testing::MakeFile("b.csv", 2);
  auto record = [&](Store& store, const std::string& scan, int64_t started) {
    auto w = store.OpenWriter({});
    ASSERT_TRUE(w.has_value());
    ASSERT_TRUE((*w)->BeginScan(testing::MakeScan(scan, {"/srv/share"}, started)).has_value());
    for (const FileState* f : {&a, &b}) {
      ASSERT_TRUE((*w)->BeginFile(*f).has_value());
      for (const char* h : {"h1", "h2"})
        ASSERT_TRUE((*w)->AddFinding(testing::MakeFinding(*f, "email", h)).has_value());
      ASSERT_TRUE((*w)->AddStatus({f->path, {"page 2"}, FileStatus::kLimit, "x"}).has_value());
      ASSERT_TRUE((*w)->EndFile().has_value());
    }
    ASSERT_TRUE((*w)->FinishScan({.completed = true}).has_value());
  };
  {
    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store.has_value());
    record(**store, "s1", 1000);
  }
  EXPECT_EQ(QueryInt(path, "SELECT count(*) FROM file_replay"), 2);
  // What version 4 left: the same rows, no copies.
  RawSql(path, "DROP TABLE file_replay; PRAGMA user_version = 4");
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store.has_value()) << store.error().message;
  EXPECT_EQ(QueryInt(path, "PRAGMA user_version"), sqlite::LatestSchemaVersion());
  EXPECT_EQ(QueryInt(path, "SELECT count(*) FROM file_replay"), 0);
  auto replayed = [&](const FileState& f) {
    auto reader = (*store)->OpenReader();
    auto hit = (*reader)->Unchanged(f.identity, "fp1");
    EXPECT_TRUE(hit.has_value() && hit->has_value());
    return hit.has_value() && hit->has_value() ? **hit : StoredFile{};
  };
  StoredFile from_rows = replayed(a);
  ASSERT_EQ(from_rows.findings.size(), 2u);
  ASSERT_EQ(from_rows.statuses.size(), 1u);
  // Read again: the files get their copies, which replay the same.
  record(**store, "s2", 2000);
  EXPECT_EQ(QueryInt(path, "SELECT count(*) FROM file_replay"), 2);
  StoredFile from_copy = replayed(a);
  ASSERT_EQ(from_copy.findings.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(from_copy.findings[i].value_hash, from_rows.findings[i].value_hash);
    EXPECT_EQ(from_copy.findings[i].offset, from_rows.findings[i].offset);
    EXPECT_EQ(from_copy.findings[i].file, from_rows.findings[i].file);
    EXPECT_EQ(from_copy.findings[i].value, std::nullopt);  // values were not stored
  }
  ASSERT_EQ(from_copy.statuses.size(), 1u);
  EXPECT_EQ(from_copy.statuses[0].location, from_rows.statuses[0].location);
  // A damaged copy: the rows answer.
  RawSql(path, "UPDATE file_replay SET data = x'01ff' WHERE file_id = (SELECT id FROM files "
               "WHERE relative_path = 'b.csv')");
  StoredFile damaged = replayed(b);
  EXPECT_EQ(damaged.findings.size(), 2u);
  EXPECT_EQ(damaged.statuses.size(), 1u);
}

std::string SchemaSql(const std::string& path, const std::string& name) {
  auto db = sqlite::Connection::Open(path, true);
  if (!db) return "no database";
  auto stmt = db->Prepare("SELECT sql FROM sqlite_schema WHERE name = ?1");
  if (!stmt) return "no statement";
  stmt->Bind(1, std::string_view(name));
  auto row = stmt->Step();
  return row && *row ? stmt->Text(0) : "missing";
}

// A first scan builds the query indexes at its end; one killed before that
// leaves them missing, and the next scan makes them again, the same as the
// migrations made them.
TEST(SqliteOpen, AFirstScanBuildsTheQueryIndexesAtItsEndAndTheNextScanRepairsThem) {
  TempDir dir;
  std::string fresh = dir.path() + "/fresh.db", path = dir.path() + "/s.db";
  ASSERT_TRUE(OpenSqliteStore(fresh).has_value());
  const std::string value_index = SchemaSql(fresh, "findings_value");
  const std::string name_index = SchemaSql(fresh, "findings_name");
  const std::string file_index = SchemaSql(fresh, "findings_file");
  ASSERT_NE(file_index, "missing");
  ASSERT_NE(value_index, "missing");
  ASSERT_NE(name_index, "missing");
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store.has_value());
  FileState a = testing::MakeFile("a.csv", 1);
  auto scan = [&](const std::string& id, bool finish) {
    auto w = (*store)->OpenWriter({});
    ASSERT_TRUE(w.has_value());
    ASSERT_TRUE((*w)->BeginScan(testing::MakeScan(id)).has_value());
    ASSERT_TRUE((*w)->BeginFile(a).has_value());
    ASSERT_TRUE((*w)->AddFinding(testing::MakeFinding(a, "email", "h1")).has_value());
    ASSERT_TRUE((*w)->EndFile().has_value());
    if (!finish) {  // as if killed: the batch is committed, the scan never ends
      EXPECT_EQ(SchemaSql(path, "findings_value"), "missing");
      EXPECT_EQ(SchemaSql(path, "findings_name"), "missing");
      EXPECT_EQ(SchemaSql(path, "findings_file"), "missing");
      return;
    }
    ASSERT_TRUE((*w)->FinishScan({.completed = true}).has_value());
  };
  scan("s1", false);
  EXPECT_EQ(SchemaSql(path, "findings_value"), "missing");
  scan("s2", true);  // findings exist: the indexes are made at once, kept up to date
  EXPECT_EQ(SchemaSql(path, "findings_file"), file_index);
  EXPECT_EQ(SchemaSql(path, "findings_value"), value_index);
  EXPECT_EQ(SchemaSql(path, "findings_name"), name_index);

  std::string other = dir.path() + "/t.db";
  auto second = OpenSqliteStore(other);
  ASSERT_TRUE(second.has_value());
  store = std::move(second);
  path = other;
  a.identity.inode = 2;
  auto w = (*store)->OpenWriter({});
  ASSERT_TRUE((*w)->BeginScan(testing::MakeScan("s1")).has_value());
  EXPECT_EQ(SchemaSql(path, "findings_value"), "missing");
  ASSERT_TRUE((*w)->FinishScan({.completed = true}).has_value());
  EXPECT_EQ(SchemaSql(path, "findings_file"), file_index);
  EXPECT_EQ(SchemaSql(path, "findings_value"), value_index);
  EXPECT_EQ(SchemaSql(path, "findings_name"), name_index);
}

TEST(SqliteOpen, NewerSchemaIsRefused) {
  TempDir dir;
  std::string path = dir.path() + "/piiscan.db";
  ASSERT_TRUE(OpenSqliteStore(path).has_value());
  RawSql(path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = " +
                   std::to_string(sqlite::LatestSchemaVersion() + 1));
  ExpectRefused(path, "newer piiscan");
}

TEST(SqliteOpen, ForeignSqliteDatabaseIsRefused) {
  TempDir dir;
  std::string path = dir.path() + "/firefox.sqlite";
  RawSql(path,
         "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
         "INSERT INTO moz_places (url) VALUES ('https://example.org')");
  ExpectRefused(path, "not a piiscan store");
}

TEST(SqliteOpen, ForeignApplicationIdIsRefused) {
  TempDir dir;
  std::string path = dir.path() + "/other.db";
  RawSql(path, "PRAGMA application_id = 1234");
  ExpectRefused(path, "application_id 0x000004d2");
}

TEST(SqliteOpen, AFileThatIsNotADatabaseIsRefused) {
  TempDir dir;
  std::string path = dir.path() + "/notes.db";
  {
    std::ofstream out(path);
    out << "These are my notes, not a database. " << std::string(5000, 'x');
  }
  ExpectRefused(path, "not an SQLite database");
}

TEST(SqliteOpen, ADamagedSchemaPageIsRefused) {
  TempDir dir;
  std::string path = dir.path() + "/piiscan.db";
  ASSERT_TRUE(OpenSqliteStore(path).has_value());
  std::string bytes = ReadFile(path);
  ASSERT_GE(bytes.size(), 4096u);
  // Page 1 past the 100-byte header holds the schema table: overwrite it.
  for (size_t i = 100; i < 4096; ++i) bytes[i] = static_cast<char>(0xA5 ^ (i * 7));
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
  }
  ExpectRefused(path, "damaged");
}

TEST(SqliteOpen, CheckFindsADamagedDataPage) {
  TempDir dir;
  std::string path = dir.path() + "/piiscan.db";
  {
    auto store = OpenSqliteStore(path);
    ASSERT_TRUE(store.has_value());
    auto writer = (*store)->OpenWriter({});
    ASSERT_TRUE(writer.has_value());
    ASSERT_TRUE((*writer)->BeginScan(testing::MakeScan("s1")).has_value());
    for (int i = 0; i < 300; ++i) {
      FileState file = testing::MakeFile("f" + std::to_string(i), i);
      ASSERT_TRUE((*writer)->BeginFile(file).has_value());
      for (int k = 0; k < 5; ++k)
        ASSERT_TRUE(
            (*writer)
                ->AddFinding(testing::MakeFinding(file, "email", std::to_string(i * 10 + k)))
                .has_value());
      ASSERT_TRUE((*writer)->EndFile().has_value());
    }
    ASSERT_TRUE((*writer)->FinishScan({.completed = true}).has_value());
    ASSERT_TRUE((*store)->Check().has_value());
  }
  // Fold the WAL into the file, then damage a page in the middle.
  RawSql(path, "PRAGMA wal_checkpoint(TRUNCATE)");
  std::string bytes = ReadFile(path);
  ASSERT_GE(bytes.size(), 20 * 4096u);
  size_t page = bytes.size() / 4096 / 2;
  for (size_t i = page * 4096; i < (page + 1) * 4096; ++i) bytes[i] = static_cast<char>(i * 13);
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
  }
  auto store = OpenSqliteStore(path);
  ASSERT_TRUE(store.has_value()) << store.error().message;  // page 1 is intact
  auto check = (*store)->Check();
  ASSERT_FALSE(check.has_value());
  EXPECT_NE(check.error().message.find("damaged"), std::string::npos) << check.error().message;
}

}  // namespace
}  // namespace piiscan::store
