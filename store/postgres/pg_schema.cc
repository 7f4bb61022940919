#include "store/postgres/pg_schema.h"

#include <array>
#include <string>

#include "store/store.h"

namespace piiscan::store::pg {
namespace {

// The advisory lock key of schema changes ("PIIS" as in the SQLite store's
// application_id, then 1).
constexpr int64_t kSchemaLock = 0x5049495300000001;

// Version 1: the SQLite store's version 1 (scans, files, findings, statuses),
// with the fleet's columns and tables.
constexpr std::string_view kSchema1 = R"sql(
CREATE TABLE scans (
  id                 BIGSERIAL PRIMARY KEY,
  scan_id            TEXT NOT NULL UNIQUE,
  piiscan_version    TEXT NOT NULL,
  rules_version      TEXT NOT NULL,
  key_fingerprint    TEXT NOT NULL,
  roots              TEXT NOT NULL,
  host               TEXT NOT NULL,
  command            TEXT NOT NULL,
  result_options     TEXT NOT NULL,
  config_fingerprint TEXT NOT NULL,
  started            BIGINT NOT NULL,
  finished           BIGINT,
  status             TEXT NOT NULL CHECK (status IN ('running', 'completed', 'interrupted')),
  values_stored      INTEGER NOT NULL DEFAULT 0,
  files_read         BIGINT NOT NULL DEFAULT 0,
  files_skipped      BIGINT NOT NULL DEFAULT 0,
  files_gone         BIGINT NOT NULL DEFAULT 0,
  findings           BIGINT NOT NULL DEFAULT 0,
  new_findings       BIGINT NOT NULL DEFAULT 0,
  resolved           BIGINT NOT NULL DEFAULT 0,
  -- 'single' (one agent), 'shard' (--shard I/N: `shards` agents), 'claim'
  mode               TEXT NOT NULL DEFAULT 'single' CHECK (mode IN ('single', 'shard', 'claim')),
  shards             INTEGER,
  units_listed       BOOLEAN NOT NULL DEFAULT false  -- 'claim': work_units holds the run's units
);

-- One row per agent that took part in a scan (one for a single scan).
CREATE TABLE scan_agents (
  id                 BIGSERIAL PRIMARY KEY,
  scan               BIGINT NOT NULL REFERENCES scans (id),
  host               TEXT NOT NULL,
  pid                INTEGER NOT NULL,
  shard              INTEGER,
  started            BIGINT NOT NULL,
  finished           BIGINT,
  status             TEXT NOT NULL CHECK (status IN ('running', 'completed', 'interrupted')),
  files_read         BIGINT NOT NULL DEFAULT 0,
  files_skipped      BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX scan_agents_scan ON scan_agents (scan);

CREATE TABLE files (
  id                 BIGSERIAL PRIMARY KEY,
  root               TEXT NOT NULL,
  relative_path      TEXT NOT NULL,
  path               TEXT NOT NULL,
  device             BIGINT NOT NULL,
  inode              BIGINT NOT NULL,
  size               BIGINT NOT NULL,
  mtime_ns           BIGINT NOT NULL,
  ctime_ns           BIGINT NOT NULL,
  type               TEXT NOT NULL,
  status             TEXT NOT NULL DEFAULT 'ok',
  reason             TEXT NOT NULL DEFAULT '',
  bytes_scanned      BIGINT NOT NULL DEFAULT 0,
  config_fingerprint TEXT NOT NULL,
  first_seen         BIGINT NOT NULL,
  last_seen          BIGINT NOT NULL,
  first_scan         BIGINT NOT NULL REFERENCES scans (id),
  last_scan          BIGINT NOT NULL REFERENCES scans (id),
  gone_in_scan       BIGINT REFERENCES scans (id),
  UNIQUE (root, relative_path)
) WITH (fillfactor = 70);  -- room on each page: a nightly last_seen update stays a HOT update

CREATE TABLE findings (
  id                 BIGSERIAL PRIMARY KEY,
  file_id            BIGINT NOT NULL REFERENCES files (id),
  location           TEXT NOT NULL,
  detector           TEXT NOT NULL,
  category           TEXT NOT NULL,
  confidence         TEXT NOT NULL CHECK (confidence IN ('low', 'medium', 'high')),
  score              DOUBLE PRECISION NOT NULL,
  masked             TEXT NOT NULL,
  value_hash         TEXT NOT NULL,
  value              TEXT,
  note               TEXT NOT NULL DEFAULT '',
  page               INTEGER,
  count              BIGINT NOT NULL,
  first_offset       BIGINT,
  first_line         BIGINT,
  item_time          BIGINT,
  first_seen         BIGINT NOT NULL,
  last_seen          BIGINT NOT NULL,
  first_scan         BIGINT NOT NULL REFERENCES scans (id),
  last_scan          BIGINT NOT NULL REFERENCES scans (id),
  resolved_in_scan   BIGINT REFERENCES scans (id)
);
CREATE UNIQUE INDEX findings_key ON findings (file_id, detector, value_hash, location);
CREATE INDEX findings_value ON findings (substr(value_hash, 1, 12));

CREATE TABLE statuses (
  id                 BIGSERIAL PRIMARY KEY,
  file_id            BIGINT NOT NULL REFERENCES files (id),
  location           TEXT NOT NULL,
  status             TEXT NOT NULL,
  reason             TEXT NOT NULL
);
CREATE INDEX statuses_file ON statuses (file_id);

-- --claim: the folders of a scan's roots, cut into units that agents claim
-- under a lease. A unit is done once, by the agent that held it.
CREATE TABLE work_units (
  id                 BIGSERIAL PRIMARY KEY,
  scan               BIGINT NOT NULL REFERENCES scans (id),
  root               TEXT NOT NULL,
  dir                TEXT NOT NULL,
  part               INTEGER NOT NULL,
  parts              INTEGER NOT NULL,
  state              TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'claimed', 'done')),
  agent              BIGINT REFERENCES scan_agents (id),
  lease_until        TIMESTAMPTZ,
  claims             INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX work_units_open ON work_units (scan, state);
)sql";

// Version 2: triage verdicts, as the SQLite store's version 3. Text that
// may not be UTF-8 (file, glob, note, given_by) is stored as ToDbText does.
constexpr std::string_view kSchema2 = R"sql(
CREATE TABLE triage (
  id                 BIGSERIAL PRIMARY KEY,
  value_hash         TEXT NOT NULL DEFAULT '',
  file               TEXT NOT NULL DEFAULT '',
  glob               TEXT NOT NULL DEFAULT '',
  detector           TEXT NOT NULL DEFAULT '',
  verdict            TEXT NOT NULL CHECK (verdict IN ('false_positive', 'accepted', 'remediated')),
  note               TEXT NOT NULL DEFAULT '',
  given_by           TEXT NOT NULL,
  created            BIGINT NOT NULL,
  key_fingerprint    TEXT NOT NULL,
  scan               BIGINT REFERENCES scans (id),
  scan_id            TEXT NOT NULL DEFAULT '',
  CHECK ((value_hash <> '' AND glob = '' AND detector = '') OR
         (value_hash = '' AND file = '' AND glob <> '' AND detector <> ''))
);
CREATE INDEX triage_scope ON triage (value_hash, file, glob, detector);
)sql";

// Version 3: name keys, as the SQLite store's version 4 (person --db).
constexpr std::string_view kSchema3 = R"sql(
ALTER TABLE findings ADD COLUMN name_key BIGINT, ADD COLUMN name_tokens TEXT;
CREATE INDEX findings_name ON findings (name_key) WHERE name_key IS NOT NULL;
)sql";

constexpr std::array kMigrations = {
    Migration{1, kSchema1},
    Migration{2, kSchema2},
    Migration{3, kSchema3},
};

Result<void> PrepareInTransaction(PgConnection& db) {
  if (auto r = db.Run("SELECT pg_advisory_xact_lock($1)", Params().Add(kSchemaLock)); !r)
    return std::unexpected(r.error());
  if (auto r = db.Exec("CREATE SCHEMA IF NOT EXISTS piiscan; SET LOCAL search_path = piiscan"); !r)
    return r;
  auto state = db.Query(
      "SELECT to_regclass('piiscan.piiscan_schema') IS NOT NULL, "
      "(SELECT count(*) FROM pg_tables WHERE schemaname = 'piiscan')");
  if (!state) return std::unexpected(state.error());
  int version = 0;
  if (!state->Bool(0, 0)) {
    if (state->Int(0, 1) > 0)
      return Fail(db.where() +
                  ": the database's schema 'piiscan' holds tables that are not a piiscan "
                  "store; it was left unchanged");
    if (auto r = db.Exec("CREATE TABLE piiscan_schema (version INTEGER NOT NULL);"
                         "INSERT INTO piiscan_schema VALUES (0)");
        !r)
      return r;
  } else {
    auto v = db.Query("SELECT max(version) FROM piiscan_schema");
    if (!v) return std::unexpected(v.error());
    version = static_cast<int>(v->Int(0, 0));
  }
  if (version > LatestSchemaVersion())
    return Fail(db.where() + ": " + NewerSchemaMessage(version, LatestSchemaVersion()));
  for (const Migration& m : kMigrations) {
    if (m.version <= version) continue;
    if (auto r = db.Exec(m.sql); !r) return r;
    if (auto r = db.Run("UPDATE piiscan_schema SET version = $1", Params().Add(m.version)); !r)
      return std::unexpected(r.error());
  }
  return {};
}

}  // namespace

std::span<const Migration> Migrations() { return kMigrations; }

int LatestSchemaVersion() { return kMigrations.back().version; }

Result<void> PrepareSchema(PgConnection& db) {
  if (auto r = db.Exec("BEGIN"); !r) return r;
  if (auto r = PrepareInTransaction(db); !r) {
    (void)db.Exec("ROLLBACK");
    return r;
  }
  if (auto r = db.Exec("COMMIT"); !r) return r;
  return UseStoreSchema(db);
}

Result<void> UseStoreSchema(PgConnection& db) { return db.Exec("SET search_path = piiscan"); }

}  // namespace piiscan::store::pg
