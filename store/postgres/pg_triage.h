#pragma once
// The PostgreSQL store's triage verdicts (store/store.h TriageBook; the
// table `triage`, docs/store.md). One connection, one thread at a time;
// writers of several processes are serialised by an advisory lock.

#include <memory>
#include <vector>

#include "core/status.h"
#include "store/postgres/pg_connection.h"
#include "store/store.h"

namespace piiscan::store::pg {

Result<std::unique_ptr<TriageBook>> MakePgTriage(PgConnection db);

// Every verdict, oldest first (also the reader's Verdicts).
Result<std::vector<TriageVerdict>> ListVerdicts(PgConnection& db);

}  // namespace piiscan::store::pg
