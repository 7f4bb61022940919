#pragma once
// The PostgreSQL store's writer (store/store.h's StoreWriter). Files are held
// in memory for one batch and sent with COPY when it commits: files first
// seen go straight into the findings table, others are merged with the
// SQLite writer's upsert; a file with very many findings is sent in chunks
// inside the batch's transaction, so memory stays bounded. One thread.

#include <memory>

#include "core/status.h"
#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_root_snapshot.h"
#include "store/store.h"

namespace piiscan::store::pg {

// `db` is connected to a prepared store; the writers' lock is taken here.
// `target` connects the work queue's own connections (--claim).
// `events` counts its scans and commits for this Store object's readers.
Result<std::unique_ptr<StoreWriter>> MakePgWriter(std::string target, PgConnection db,
                                                  const WriterOptions& options,
                                                  std::shared_ptr<StoreEvents> events);

}  // namespace piiscan::store::pg
