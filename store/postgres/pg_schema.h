#pragma once
// The PostgreSQL store's schema: the SQLite store's tables (docs/store.md)
// in a schema of their own, `piiscan`, so that the store can share a
// database with other applications, plus what a fleet of agents needs
// (scan_agents, work_units). Versioned by migrations recorded in
// piiscan.piiscan_schema; applied under an advisory lock, so that agents
// starting together migrate once. Not thread safe (one connection).

#include <span>
#include <string_view>

#include "core/status.h"
#include "store/postgres/pg_connection.h"

namespace piiscan::store::pg {

struct Migration {
  int version;
  std::string_view sql;
};

std::span<const Migration> Migrations();
int LatestSchemaVersion();

// Brings the schema up to date; refuses (and leaves untouched) a `piiscan`
// schema that holds tables but no version record (not ours), or a version
// newer than this piiscan knows. Afterwards the connection's search_path is
// the store's schema.
Result<void> PrepareSchema(PgConnection& db);

// Sets the search_path of a connection to an already prepared store.
Result<void> UseStoreSchema(PgConnection& db);

}  // namespace piiscan::store::pg
