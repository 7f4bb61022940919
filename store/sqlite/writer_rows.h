#pragma once
// Binds the parameters of the writer's file and finding statements
// (writer_sql.h: kInsertFile, kUpdateFile, kInsertFinding, kUpdateFinding),
// so that the writer's logic and the statements' parameter numbers live
// apart. Stateless; each call binds one statement, which the caller owns
// (one thread at a time, as the statement itself).

#include <cstdint>
#include <string_view>

#include "store/sqlite/file_buffer.h"
#include "store/sqlite/sqlite_db.h"

namespace piiscan::store::sqlite {

// What every finding row written by a scan records of that scan.
struct RowStamp {
  int64_t scan = 0;        // scans.id
  int64_t started_ms = 0;  // its start, unix ms (first_seen / last_seen)
  bool store_values = false;  // raw values asked for (--db-values)
};

// Everything of a files row but its id and history, from `first` on: the
// buffered file's identity, state and counts, and the scan's configuration
// fingerprint (parameters 2-14 of kUpdateFile; kInsertFile's are one further
// on, after root).
void BindFileState(Statement& stmt, int first, const FileBuffer& buffer,
                   std::string_view config_fingerprint);

// kInsertFinding's parameters: a new finding row of file `file_id`.
void BindNewFinding(Statement& stmt, int64_t file_id, const BufferedFinding& b,
                    const RowStamp& stamp);

// kUpdateFinding's parameters: finding row `id`, found again.
void BindFoundAgain(Statement& stmt, int64_t id, const BufferedFinding& b, const RowStamp& stamp);

}  // namespace piiscan::store::sqlite
