#pragma once
// The PostgreSQL store's reader (store/store.h's StoreReader): one
// connection, one thread. Big answers (current findings, changes) are
// streamed row by row, so memory stays bounded.

#include <memory>

#include "core/status.h"
#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_root_snapshot.h"
#include "store/store.h"

namespace piiscan::store::pg {

// `events`: what this Store object's writers did (pg_root_snapshot.h).
Result<std::unique_ptr<StoreReader>> MakePgReader(PgConnection db,
                                                  std::shared_ptr<const StoreEvents> events);

}  // namespace piiscan::store::pg
