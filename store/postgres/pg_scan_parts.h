#pragma once
// The life of a scan in a PostgreSQL store, apart from its files: the
// writers' lock, joining or creating the scan row, the agent's own row, and
// the end of a part, which completes the scan when it is the last part.
//
// Locks. A single scan holds an exclusive session-level advisory lock per
// root for as long as it writes; agents of a fleet hold them shared, so a
// fleet's agents run together but never beside a single scan of a root. Each agent also holds
// a lock of its own (advisory, keyed by its scan_agents id): an agent whose
// lock is gone (its process or connection died) is dead, whatever its row
// says, and the next agent to begin marks it, and a scan left with no live
// agent, interrupted. Joining and ending run under a transaction-level lock,
// so two agents never decide at once.
// Not thread safe: the writer's connection and thread.

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "core/scan_info.h"
#include "core/status.h"
#include "store/postgres/pg_connection.h"
#include "store/store.h"

namespace piiscan::store::pg {

struct ScanPart {
  int64_t scan = 0;   // scans.id
  int64_t agent = 0;  // scan_agents.id
};

// Waits up to `wait` for the writers' locks of `roots`: one per root,
// exclusive for a single scan, shared for a fleet part. Scans of other roots
// (one agent per file server, each scanning its own shares into one store)
// run side by side; two scans of the same root never do.
Result<void> LockRoots(PgConnection& db, const FleetPart& fleet,
                       const std::vector<std::string>& roots, std::chrono::milliseconds wait);

// Creates the scan (a single scan, or the first part of a fleet run) or joins
// the running one of the same scan_id, and records this agent.
Result<ScanPart> BeginPart(PgConnection& db, const ScanInfo& info, const WriterOptions& options);

struct PartCounts {
  uint64_t files_read = 0;
  uint64_t files_skipped = 0;
};

// Ends this agent's part; completes the scan when `end.completed` and no
// part remains (every shard completed; every work unit done).
Result<ScanRecord> EndPart(PgConnection& db, const ScanPart& part, const ScanInfo& info,
                           const WriterOptions& options, const ScanEnd& end,
                           const PartCounts& counts);

}  // namespace piiscan::store::pg
