#pragma once
// A connection to an existing store (its schema already prepared by
// OpenSqliteStore) with the settings every connection needs: busy_timeout,
// synchronous=NORMAL (durable against a crash of the process; WAL keeps the
// file consistent even on power loss), and the writer's larger page cache. One thread per
// connection.

#include <chrono>
#include <string>

#include "core/status.h"
#include "store/sqlite/sqlite_db.h"

namespace piiscan::store::sqlite {

Result<Connection> OpenStoreConnection(const std::string& path, std::chrono::milliseconds busy,
                                       bool writer);

}  // namespace piiscan::store::sqlite
