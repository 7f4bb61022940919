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

// Checks that `db` is an empty database or a piiscan store this version can
// read, then applies the missing migrations. Refuses, without changing the
// file, a foreign SQLite database and a store of a newer schema.
Result<void> PrepareSchema(Connection& db);

}  // namespace piiscan::store::sqlite
