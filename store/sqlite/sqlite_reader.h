#pragma once
// The SQLite StoreReader (store/store.h): one reading connection, for one
// thread at a time. In WAL mode it reads the last committed state and never
// blocks the writer.

#include <memory>

#include "core/status.h"
#include "store/sqlite/sqlite_db.h"
#include "store/store.h"

namespace piiscan::store::sqlite {

Result<std::unique_ptr<StoreReader>> MakeSqliteReader(Connection db);

}  // namespace piiscan::store::sqlite
