#pragma once
// The store's schema and its migrations. Each migration is plain SQL text
// (schema.cc), applied once, in order, in one transaction with the bump of
// `PRAGMA user_version` to its number; `PRAGMA application_id` marks the file
// as a piiscan store so that another program's SQLite file is recognised and
// refused. docs/store.md documents every table and column: change both
// together, and never edit a released migration, add one.
// Functions only; the caller owns the connection (one thread).

#include <cstdint>
#include <span>
#include <string_view>

#include "core/status.h"
#include "store/sqlite/sqlite_db.h"

namespace piiscan::store::sqlite {

// "PIIS" in ASCII.
inline constexpr int32_t kApplicationId = 0x50494953;

struct Migration {
  int version;           // user_version after it
  std::string_view sql;  // statements separated by ';'
};

std::span<const Migration> Migrations();
int LatestSchemaVersion();

// The indexes of `findings` that a first scan does without (the file index
// for re-reading a file and replaying one without a replay row, the value
// index for DSAR and triage, the name index for `person --db`), as the
// migrations create them. The first scan into a store without findings drops
// them and builds them once at its end: kept up to date row by row, they
// were a fifth of a first scan's store instructions and most of its page
// writes (random inserts dirty every leaf in every batch). A scan killed
// meanwhile leaves them missing (queries are then slower, not wrong) until
// the next writer. A first scan that meets a file twice (a PATH given twice)
// builds them then.
std::span<const std::string_view> QueryIndexes();
// Creates the query indexes that are missing (statements only, no transaction).
Result<void> CreateQueryIndexes(Connection& db);
// Drops them (statements only, no transaction).
Result<void> DropQueryIndexes(Connection& db);

// Checks that `db` is an empty database or a piiscan store this version can
// read, then applies the missing migrations. Refuses, without changing the
// file, a foreign SQLite database and a store of a newer schema.
Result<void> PrepareSchema(Connection& db);

}  // namespace piiscan::store::sqlite
