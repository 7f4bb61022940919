#pragma once
// The SQLite StoreWriter (store/store.h): the reporter thread's connection.
// It owns the writers' lock file descriptor and releases it when destroyed.
// One thread at a time.

#include <memory>

#include "core/status.h"
#include "store/sqlite/scan_state.h"
#include "store/sqlite/sqlite_db.h"
#include "store/store.h"

namespace piiscan::store::sqlite {

// `state` is shared with the store's readers: the writer announces its scan
// there (store/sqlite/scan_state.h).
Result<std::unique_ptr<StoreWriter>> MakeSqliteWriter(Connection db, int lock_fd,
                                                      const WriterOptions& options,
                                                      std::shared_ptr<ScanState> state);

}  // namespace piiscan::store::sqlite
