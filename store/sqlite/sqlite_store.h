#pragma once
// The findings store on an embedded SQLite file (store/store.h describes the
// interface). One file holds everything; beside it SQLite keeps `-wal` and
// `-shm` files (WAL mode), and writers take a lock on `<file>.lock` so that
// two scans never feed the same store at once. The file is created with mode
// 0600, and its folder with 0700 when the store creates it.
// The returned Store is thread safe; see store/store.h for its connections.

#include <chrono>
#include <memory>
#include <string>

#include "core/status.h"
#include "store/store.h"

namespace piiscan::store {

struct SqliteOptions {
  // false: a missing file is an error (report, scans) instead of a new store.
  bool create = true;
  // How long one statement waits for another connection's lock (SQLite
  // busy_timeout); a writer's batch commits are short, so readers rarely wait.
  std::chrono::milliseconds busy_timeout{5000};
};

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const SqliteOptions& options = {});

}  // namespace piiscan::store
