#pragma once
// The work queue of a --claim run on PostgreSQL (store/store.h's WorkQueue):
// units in work_units, discovered once under an advisory lock, claimed with
// SELECT ... FOR UPDATE SKIP LOCKED so that agents never wait for each other,
// under a lease (lease_until) that Renew extends. A unit whose lease ran out
// goes to the next agent that asks; the writer marks it done
// (PgWriter::CompleteUnit) only while its agent still holds it.

#include <chrono>
#include <memory>
#include <string>

#include "core/status.h"
#include "store/postgres/pg_connection.h"
#include "store/store.h"

namespace piiscan::store::pg {

// Connects anew to `target` for the scan `scan` and agent `agent`.
Result<std::unique_ptr<WorkQueue>> OpenPgWorkQueue(const std::string& target, int64_t scan,
                                                   int64_t agent, std::chrono::seconds lease);

}  // namespace piiscan::store::pg
