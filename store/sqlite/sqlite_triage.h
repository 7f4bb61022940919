#pragma once
// The SQLite store's triage verdicts (store/store.h TriageBook; the table
// `triage`, docs/store.md). One connection, one thread at a time.

#include <memory>
#include <vector>

#include "core/status.h"
#include "store/sqlite/sqlite_db.h"
#include "store/store.h"

namespace piiscan::store::sqlite {

Result<std::unique_ptr<TriageBook>> MakeSqliteTriage(Connection db);

// Every verdict, oldest first (also the reader's Verdicts).
Result<std::vector<TriageVerdict>> ListVerdicts(Connection& db);

}  // namespace piiscan::store::sqlite
