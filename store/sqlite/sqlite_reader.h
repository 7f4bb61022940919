#pragma once
// The SQLite StoreReader (store/store.h): one reading connection, for one
// thread at a time. In WAL mode it reads the last committed state and never
// blocks the writer. During a scan of this process it answers Unchanged
// from a snapshot of the root's files (scan_state.h).

#include <memory>

#include "core/status.h"
#include "store/sqlite/scan_state.h"
#include "store/sqlite/sqlite_db.h"
#include "store/store.h"

namespace piiscan::store::sqlite {

// `state` is shared with the store's writer (store/sqlite/scan_state.h).
Result<std::unique_ptr<StoreReader>> MakeSqliteReader(Connection db,
                                                      std::shared_ptr<ScanState> state);

}  // namespace piiscan::store::sqlite
