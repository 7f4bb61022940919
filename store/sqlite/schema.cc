#include "store/sqlite/schema.h"

#include <array>
#include <cstdio>
#include <string>

#include "store/store.h"

namespace piiscan::store::sqlite {
namespace {

// Version 1: scans, files, findings (aggregated), statuses.
constexpr std::string_view kSchema1 = R"sql(
CREATE TABLE scans (
  id                 INTEGER PRIMARY KEY,
  scan_id            TEXT NOT NULL UNIQUE,
  piiscan_version    TEXT NOT NULL,
  rules_version      TEXT NOT NULL,
  key_fingerprint    TEXT NOT NULL,
  roots              TEXT NOT NULL,
  host               TEXT NOT NULL,
  command            TEXT NOT NULL,
  result_options     TEXT NOT NULL,
  config_fingerprint TEXT NOT NULL,
  started            INTEGER NOT NULL,
  finished           INTEGER,
  status             TEXT NOT NULL CHECK (status IN ('running', 'completed', 'interrupted')),
  values_stored      INTEGER NOT NULL DEFAULT 0,
  files_read         INTEGER NOT NULL DEFAULT 0,
  files_skipped      INTEGER NOT NULL DEFAULT 0,
  files_gone         INTEGER NOT NULL DEFAULT 0,
  findings           INTEGER NOT NULL DEFAULT 0,
  new_findings       INTEGER NOT NULL DEFAULT 0,
  resolved           INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE files (
  id                 INTEGER PRIMARY KEY,
  root               TEXT NOT NULL,
  relative_path      TEXT NOT NULL,
  path               TEXT NOT NULL,
  device             INTEGER NOT NULL,
  inode              INTEGER NOT NULL,
  size               INTEGER NOT NULL,
  mtime_ns           INTEGER NOT NULL,
  ctime_ns           INTEGER NOT NULL,
  type               TEXT NOT NULL,
  status             TEXT NOT NULL DEFAULT 'ok',
  reason             TEXT NOT NULL DEFAULT '',
  bytes_scanned      INTEGER NOT NULL DEFAULT 0,
  config_fingerprint TEXT NOT NULL,
  first_seen         INTEGER NOT NULL,
  last_seen          INTEGER NOT NULL,
  first_scan         INTEGER NOT NULL REFERENCES scans (id),
  last_scan          INTEGER NOT NULL REFERENCES scans (id),
  gone_in_scan       INTEGER REFERENCES scans (id),
  UNIQUE (root, relative_path)
);

CREATE TABLE findings (
  id                 INTEGER PRIMARY KEY,
  file_id            INTEGER NOT NULL REFERENCES files (id),
  location           TEXT NOT NULL,
  detector           TEXT NOT NULL,
  category           TEXT NOT NULL,
  confidence         TEXT NOT NULL CHECK (confidence IN ('low', 'medium', 'high')),
  score              REAL NOT NULL,
  masked             TEXT NOT NULL,
  value_hash         TEXT NOT NULL,
  value              TEXT,
  note               TEXT NOT NULL DEFAULT '',
  page               INTEGER,
  count              INTEGER NOT NULL,
  first_offset       INTEGER,
  first_line         INTEGER,
  item_time          INTEGER,
  first_seen         INTEGER NOT NULL,
  last_seen          INTEGER NOT NULL,
  first_scan         INTEGER NOT NULL REFERENCES scans (id),
  last_scan          INTEGER NOT NULL REFERENCES scans (id),
  resolved_in_scan   INTEGER REFERENCES scans (id)
);
-- The aggregation key, file first: a file's findings are written together,
-- so its entries are neighbours (cheap inserts), and a file's lookups use it.
CREATE UNIQUE INDEX findings_key ON findings (file_id, detector, value_hash, location);
-- Which files hold a value (DSAR). On a prefix of the hash: a full-hash
-- index made ingest 1.5x as costly (random inserts into a big index);
-- query with substr(value_hash, 1, 12) = substr(:hash, 1, 12) AND +value_hash = :hash
-- (docs/store.md says why the '+').
CREATE INDEX findings_value ON findings (substr(value_hash, 1, 12));

CREATE TABLE statuses (
  id                 INTEGER PRIMARY KEY,
  file_id            INTEGER NOT NULL REFERENCES files (id),
  location           TEXT NOT NULL,
  status             TEXT NOT NULL,
  reason             TEXT NOT NULL
);
CREATE INDEX statuses_file ON statuses (file_id);
)sql";

// Version 2: a re-scan of an unchanged tree costs one lookup per file. Files
// carry their current findings and statuses counts (a replay asks only for
// what exists); findings of a file kept unchanged are no longer rewritten
// (files.last_seen / last_scan say when a current finding was last seen); the
// writer keeps the aggregation key unique itself (it diffs a re-read file's
// findings in memory), so a lean index on file_id replaces the wide unique
// key, which had cost a third of a first scan's store time.
constexpr std::string_view kSchema2 = R"sql(
ALTER TABLE files ADD COLUMN findings INTEGER NOT NULL DEFAULT 0;
ALTER TABLE files ADD COLUMN statuses INTEGER NOT NULL DEFAULT 0;
UPDATE files SET
  findings = (SELECT count(*) FROM findings f
              WHERE f.file_id = files.id AND f.resolved_in_scan IS NULL),
  statuses = (SELECT count(*) FROM statuses s WHERE s.file_id = files.id);
DROP INDEX findings_key;
CREATE INDEX findings_file ON findings (file_id);
)sql";

// Version 3: triage verdicts, kept apart from the findings so that they
// outlive re-scans and rule changes (docs/store.md, store/store.h). A scope
// is value_hash (+ file) or glob + detector; the unused columns hold ''.
constexpr std::string_view kSchema3 = R"sql(
CREATE TABLE triage (
  id                 INTEGER PRIMARY KEY,
  value_hash         TEXT NOT NULL DEFAULT '',
  file               TEXT NOT NULL DEFAULT '',
  glob               TEXT NOT NULL DEFAULT '',
  detector           TEXT NOT NULL DEFAULT '',
  verdict            TEXT NOT NULL CHECK (verdict IN ('false_positive', 'accepted', 'remediated')),
  note               TEXT NOT NULL DEFAULT '',
  given_by           TEXT NOT NULL,
  created            INTEGER NOT NULL,
  key_fingerprint    TEXT NOT NULL,
  scan               INTEGER REFERENCES scans (id),
  scan_id            TEXT NOT NULL DEFAULT '',
  CHECK ((value_hash <> '' AND glob = '' AND detector = '') OR
         (value_hash = '' AND file = '' AND glob <> '' AND detector <> ''))
);
CREATE INDEX triage_scope ON triage (value_hash, file, glob, detector);
)sql";

// Version 4: name keys (detectors/name_keys.h), so that `person --db`
// answers a name query by index lookups: person_name findings carry their
// surname key and name tokens, e-mail findings their local part's key. The
// index is partial: most findings have no key and cost it nothing.
constexpr std::string_view kSchema4 = R"sql(
ALTER TABLE findings ADD COLUMN name_key INTEGER;
ALTER TABLE findings ADD COLUMN name_tokens TEXT;
CREATE INDEX findings_name ON findings (name_key) WHERE name_key IS NOT NULL;
)sql";

// Version 5: a re-scan replays an unchanged file from one row. Each file
// with current findings or statuses has a compact copy of them
// (store/sqlite/replay_blob.h), written with its rows; a file recorded before
// has none until it is read again, and is replayed from its rows meanwhile.
constexpr std::string_view kSchema5 = R"sql(
CREATE TABLE file_replay (
  file_id            INTEGER PRIMARY KEY REFERENCES files (id),
  data               BLOB NOT NULL
);
)sql";

constexpr std::array kMigrations = {
    Migration{1, kSchema1},
    Migration{2, kSchema2},
    Migration{3, kSchema3},
    Migration{4, kSchema4},
    Migration{5, kSchema5},
};

// The same definitions as versions 1, 2 and 4 made (kept equal by a test).
constexpr std::array<std::string_view, 3> kQueryIndexes = {
    "CREATE INDEX IF NOT EXISTS findings_file ON findings (file_id)",
    "CREATE INDEX IF NOT EXISTS findings_value ON findings (substr(value_hash, 1, 12))",
    "CREATE INDEX IF NOT EXISTS findings_name ON findings (name_key) WHERE name_key IS NOT NULL",
};

std::string Hex32(int64_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08x", static_cast<uint32_t>(v));
  return buf;
}

Result<void> Migrate(Connection& db, int from) {
  for (const Migration& m : kMigrations) {
    if (m.version <= from) continue;
    if (auto r = db.Exec(m.sql); !r) return r;
    if (auto r = db.Exec("PRAGMA user_version = " + std::to_string(m.version)); !r) return r;
  }
  return {};
}

}  // namespace

std::span<const Migration> Migrations() { return kMigrations; }

int LatestSchemaVersion() { return kMigrations.back().version; }

std::span<const std::string_view> QueryIndexes() { return kQueryIndexes; }

Result<void> CreateQueryIndexes(Connection& db) {
  for (std::string_view sql : kQueryIndexes) {
    if (auto r = db.Exec(sql); !r) return r;
  }
  return {};
}

Result<void> DropQueryIndexes(Connection& db) {
  for (std::string_view sql :
       {"DROP INDEX IF EXISTS findings_file", "DROP INDEX IF EXISTS findings_value",
        "DROP INDEX IF EXISTS findings_name"}) {
    if (auto r = db.Exec(sql); !r) return r;
  }
  return {};
}

Result<void> PrepareSchema(Connection& db) {
  // Reads first, in a transaction that takes the write lock: two processes
  // opening a new store at once migrate it once.
  if (auto r = db.Exec("BEGIN IMMEDIATE"); !r) return r;
  auto fail = [&](Error e) -> Result<void> {
    (void)db.Exec("ROLLBACK");
    return std::unexpected(std::move(e));
  };
  auto app_id = db.QueryInt("PRAGMA application_id");
  if (!app_id) return fail(app_id.error());
  auto version = db.QueryInt("PRAGMA user_version");
  if (!version) return fail(version.error());
  auto objects = db.QueryInt("SELECT count(*) FROM sqlite_schema");
  if (!objects) return fail(objects.error());

  const std::string where = "findings store " + db.path() + ": ";
  if (*app_id == 0 && *objects == 0 && *version == 0) {
    if (auto r = db.Exec("PRAGMA application_id = " + std::to_string(kApplicationId)); !r)
      return fail(r.error());
  } else if (*app_id != kApplicationId) {
    return fail(Error{where + "not a piiscan store (an SQLite database of another program, " +
                      "application_id " + Hex32(*app_id) + "); it was left unchanged"});
  } else if (*version > LatestSchemaVersion()) {
    return fail(Error{where + NewerSchemaMessage(*version, LatestSchemaVersion())});
  }
  if (auto r = Migrate(db, static_cast<int>(*version)); !r) return fail(r.error());
  if (auto r = db.Exec("COMMIT"); !r) return fail(r.error());
  return {};
}

}  // namespace piiscan::store::sqlite
