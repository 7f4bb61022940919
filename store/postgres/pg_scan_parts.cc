#include "store/postgres/pg_scan_parts.h"

#include <unistd.h>

#include <algorithm>
#include <functional>
#include <thread>

#include "store/location_json.h"

namespace piiscan::store::pg {
namespace {

// Advisory lock keys: "PIIS" then a number.
constexpr int32_t kRootLockClass = 0x50494952;  // with a hash of the root
constexpr int64_t kPartsLock = 0x5049495300000003;
constexpr int32_t kAgentLockClass = 0x50494953;  // with the agent's id as second key

int64_t NowUnixMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// scan_agents rows whose agent holds its lock.
constexpr std::string_view kLive =
    "EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted "
    "AND l.classid::bigint = 1346980179 AND l.objid::bigint = a.id AND l.objsubid = 2)";
static_assert(kAgentLockClass == 1346980179);

std::string_view ModeName(FleetPart::Mode m) {
  switch (m) {
    case FleetPart::Mode::kShard:
      return "shard";
    case FleetPart::Mode::kClaim:
      return "claim";
    case FleetPart::Mode::kSingle:
      break;
  }
  return "single";
}

std::unexpected<Error> Refuse(std::string message) {
  return std::unexpected(Error{std::move(message), ErrorKind::kRefused});
}

Result<void> MarkDeadAgents(PgConnection& db) {
  std::string dead_agents =
      "UPDATE scan_agents a SET status = 'interrupted' "
      "WHERE a.status = 'running' AND NOT " +
      std::string(kLive);
  if (auto r = db.Run(dead_agents); !r) return std::unexpected(r.error());
  return {};
}

Result<void> MarkDeadInterrupted(PgConnection& db) {
  if (auto r = MarkDeadAgents(db); !r) return r;
  std::string dead_scans =
      "UPDATE scans s SET status = 'interrupted' WHERE s.status = 'running' AND NOT EXISTS "
      "(SELECT 1 FROM scan_agents a WHERE a.scan = s.id AND a.status = 'running')";
  if (auto r = db.Run(dead_scans); !r) return std::unexpected(r.error());
  return {};
}

// The scan row of a fleet part: the running one of this scan_id, checked
// against this agent's key and configuration, or a new one.
Result<int64_t> JoinFleetScan(PgConnection& db, const ScanInfo& info, const WriterOptions& o) {
  auto row = db.Query(
      "SELECT id, key_fingerprint, config_fingerprint, status, mode, coalesce(shards, 0) "
      "FROM scans WHERE scan_id = $1",
      Params().Add(info.scan_id));
  if (!row) return std::unexpected(row.error());
  if (row->Rows() == 0) return int64_t{0};
  const std::string who = db.where() + ": scan " + info.scan_id + ": ";
  if (row->TextView(0, 1) != info.key_fingerprint)
    return Refuse(who + "its agents use a hash key with fingerprint " + row->Text(0, 1) +
                  ", this one " + info.key_fingerprint +
                  "; every agent of a run must use the same key file (--hash-key-file)");
  if (row->TextView(0, 2) != info.config_fingerprint)
    return Refuse(who + "its agents run with other rules or result options (configuration " +
                  row->Text(0, 2) + ", this one " + info.config_fingerprint +
                  "); give every agent the same piiscan version, rules and options");
  if (row->TextView(0, 4) != ModeName(o.fleet.mode) || row->Int(0, 5) != o.fleet.shards)
    return Refuse(who + "it was started as a " + row->Text(0, 4) + " run" +
                  (row->Int(0, 5) ? " of " + row->Text(0, 5) + " shards" : std::string()) +
                  "; give this agent the same --shard or --claim, or another --scan-id");
  if (row->TextView(0, 3) == "completed")
    return Refuse(who + "it has already completed; give a new run another --scan-id");
  int64_t id = row->Int(0, 0);
  if (auto r = db.Run("UPDATE scans SET status = 'running', finished = NULL WHERE id = $1",
                      Params().Add(id));
      !r)
    return std::unexpected(r.error());
  return id;
}

Result<int64_t> InsertScan(PgConnection& db, const ScanInfo& info, const WriterOptions& o) {
  Params p;
  p.Add(info.scan_id).Add(info.piiscan_version).Add(info.rules_version).Add(info.key_fingerprint);
  p.Add(ToDbText(LocationToJson(info.roots))).Add(info.host).Add(info.command);
  p.Add(LocationToJson(info.result_options)).Add(info.config_fingerprint);
  p.Add(info.started_unix_ms).Add(int64_t{o.store_values}).Add(ModeName(o.fleet.mode));
  if (o.fleet.mode == FleetPart::Mode::kShard)
    p.Add(o.fleet.shards);
  else
    p.AddNull();
  auto row = db.Query(
      "INSERT INTO scans (scan_id, piiscan_version, rules_version, key_fingerprint, roots, host, "
      "command, result_options, config_fingerprint, started, status, values_stored, mode, shards) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'running', $11, $12, $13) RETURNING id",
      p);
  if (!row) return std::unexpected(row.error());
  return row->Int(0, 0);
}

Result<ScanPart> BeginInTransaction(PgConnection& db, const ScanInfo& info,
                                    const WriterOptions& o) {
  if (auto r = db.Run("SELECT pg_advisory_xact_lock($1)", Params().Add(kPartsLock)); !r)
    return std::unexpected(r.error());
  if (auto r = MarkDeadInterrupted(db); !r) return std::unexpected(r.error());
  ScanPart part;
  if (o.fleet.mode != FleetPart::Mode::kSingle) {
    auto joined = JoinFleetScan(db, info, o);
    if (!joined) return std::unexpected(joined.error());
    part.scan = *joined;
  } else {
    auto taken = db.Query("SELECT 1 FROM scans WHERE scan_id = $1", Params().Add(info.scan_id));
    if (!taken) return std::unexpected(taken.error());
    if (taken->Rows())
      return Refuse(db.where() + ": there is already a scan " + info.scan_id +
                    "; a single scan needs a new --scan-id");
  }
  if (!part.scan) {
    auto id = InsertScan(db, info, o);
    if (!id) return std::unexpected(id.error());
    part.scan = *id;
  }
  Params p;
  p.Add(part.scan).Add(info.host).Add(static_cast<int64_t>(::getpid()));
  if (o.fleet.mode == FleetPart::Mode::kShard)
    p.Add(o.fleet.shard);
  else
    p.AddNull();
  p.Add(NowUnixMs());
  auto agent = db.Query(
      "INSERT INTO scan_agents (scan, host, pid, shard, started, status) "
      "VALUES ($1, $2, $3, $4, $5, 'running') RETURNING id",
      p);
  if (!agent) return std::unexpected(agent.error());
  part.agent = agent->Int(0, 0);
  if (auto r = db.Run("SELECT pg_advisory_lock($1::integer, $2::integer)",
                      Params().Add(int64_t{kAgentLockClass}).Add(part.agent));
      !r)
    return std::unexpected(r.error());
  return part;
}

// Whether the scan has no part left to do (this agent's part just ended).
Result<bool> AllPartsDone(PgConnection& db, const ScanPart& part, const FleetPart& fleet) {
  if (fleet.mode == FleetPart::Mode::kSingle) return true;
  if (fleet.mode == FleetPart::Mode::kShard) {
    auto n = db.Query(
        "SELECT count(DISTINCT shard) FROM scan_agents WHERE scan = $1 AND status = 'completed'",
        Params().Add(part.scan));
    if (!n) return std::unexpected(n.error());
    return n->Int(0, 0) >= fleet.shards;
  }
  auto open = db.Query("SELECT count(*) FROM work_units WHERE scan = $1 AND state <> 'done'",
                       Params().Add(part.scan));
  if (!open) return std::unexpected(open.error());
  return open->Int(0, 0) == 0;
}

// Marks gone what the completed scan did not see; returns how many files.
Result<int64_t> MarkGone(PgConnection& db, const ScanInfo& info, int64_t scan) {
  int64_t gone = 0;
  for (const std::string& root : info.roots) {
    auto n = db.Run(
        "UPDATE files SET gone_in_scan = $2 "
        "WHERE root = $1 AND last_scan <> $2 AND gone_in_scan IS NULL",
        Params().Add(ToDbText(NormalizeRoot(root))).Add(scan));
    if (!n) return n;
    gone += *n;
  }
  auto r = db.Run(
      "UPDATE findings SET resolved_in_scan = $1 WHERE resolved_in_scan IS NULL "
      "AND file_id IN (SELECT id FROM files WHERE gone_in_scan = $1)",
      Params().Add(scan));
  if (!r) return r;
  return gone;
}

Result<ScanRecord> EndInTransaction(PgConnection& db, const ScanPart& part, const ScanInfo& info,
                                    const WriterOptions& o, const ScanEnd& end,
                                    const PartCounts& counts) {
  if (auto r = db.Run("SELECT pg_advisory_xact_lock($1)", Params().Add(kPartsLock)); !r)
    return std::unexpected(r.error());
  if (auto r = MarkDeadAgents(db); !r) return std::unexpected(r.error());
  int64_t now = NowUnixMs();
  std::string_view part_status = end.completed ? "completed" : "interrupted";
  if (auto r = db.Run(
          "UPDATE scan_agents SET finished = $2, status = $3, files_read = $4, files_skipped = $5 "
          "WHERE id = $1",
          Params()
              .Add(part.agent)
              .Add(now)
              .Add(part_status)
              .Add(counts.files_read)
              .Add(counts.files_skipped));
      !r)
    return std::unexpected(r.error());
  ScanRecord rec;
  rec.id = part.scan;
  rec.info = info;
  rec.values_stored = o.store_values;
  rec.files_read = counts.files_read;
  rec.files_skipped = counts.files_skipped;
  rec.status = ScanStatus::kRunning;
  bool finish = false;
  if (end.completed) {
    auto done = AllPartsDone(db, part, o.fleet);
    if (!done) return std::unexpected(done.error());
    finish = *done;
  } else {
    // Interrupted: the scan is too unless another agent still works on it.
    auto others = db.Query(
        "SELECT count(*) FROM scan_agents a WHERE a.scan = $1 AND a.id <> $2 "
        "AND a.status = 'running' AND " +
            std::string(kLive),
        Params().Add(part.scan).Add(part.agent));
    if (!others) return std::unexpected(others.error());
    finish = others->Int(0, 0) == 0;
  }
  if (!finish) return rec;
  // Two agents that end together both see nothing left: the first completes.
  auto status = db.Query("SELECT status FROM scans WHERE id = $1", Params().Add(part.scan));
  if (!status) return std::unexpected(status.error());
  if (status->Rows() && status->TextView(0, 0) == "completed") return rec;
  int64_t gone = 0;
  if (end.completed) {
    auto n = MarkGone(db, info, part.scan);
    if (!n) return std::unexpected(n.error());
    gone = *n;
  }
  rec.status = end.completed ? ScanStatus::kCompleted : ScanStatus::kInterrupted;
  rec.finished_unix_ms = now;
  auto row = db.Query(R"sql(
UPDATE scans SET
  finished = $2, status = $3, files_gone = $4,
  files_read = (SELECT coalesce(sum(files_read), 0) FROM scan_agents WHERE scan = $1),
  files_skipped = (SELECT coalesce(sum(files_skipped), 0) FROM scan_agents WHERE scan = $1),
  findings = (SELECT count(*) FROM findings f JOIN files fi ON fi.id = f.file_id
              WHERE fi.last_scan = $1 AND f.resolved_in_scan IS NULL),
  new_findings = (SELECT count(*) FROM findings WHERE first_scan = $1 AND resolved_in_scan IS NULL),
  resolved = (SELECT count(*) FROM findings WHERE resolved_in_scan = $1)
WHERE id = $1
RETURNING files_read, files_skipped, findings, new_findings, resolved)sql",
                      Params().Add(part.scan).Add(now).Add(ScanStatusName(rec.status)).Add(gone));
  if (!row) return std::unexpected(row.error());
  rec.files_gone = static_cast<uint64_t>(gone);
  rec.files_read = static_cast<uint64_t>(row->Int(0, 0));
  rec.files_skipped = static_cast<uint64_t>(row->Int(0, 1));
  rec.findings = static_cast<uint64_t>(row->Int(0, 2));
  rec.new_findings = static_cast<uint64_t>(row->Int(0, 3));
  rec.resolved = static_cast<uint64_t>(row->Int(0, 4));
  return rec;
}

template <typename T, typename F>
Result<T> InTransaction(PgConnection& db, F&& body) {
  if (auto r = db.Exec("BEGIN"); !r) return std::unexpected(r.error());
  Result<T> out = body();
  if (!out) {
    (void)db.Exec("ROLLBACK");
    return out;
  }
  if (auto r = db.Exec("COMMIT"); !r) return std::unexpected(r.error());
  return out;
}

}  // namespace

Result<void> LockRoots(PgConnection& db, const FleetPart& fleet,
                       const std::vector<std::string>& roots, std::chrono::milliseconds wait) {
  const bool shared = fleet.mode != FleetPart::Mode::kSingle;
  const std::string take = shared ? "SELECT pg_try_advisory_lock_shared($1::integer, $2::integer)"
                                  : "SELECT pg_try_advisory_lock($1::integer, $2::integer)";
  const std::string give = shared ? "SELECT pg_advisory_unlock_shared($1::integer, $2::integer)"
                                  : "SELECT pg_advisory_unlock($1::integer, $2::integer)";
  // One key per root (a 31-bit hash of its stored text), in order, so that
  // two scans never hold each other's.
  std::vector<int64_t> keys;
  for (const auto& root : roots)
    keys.push_back(
        static_cast<int64_t>(std::hash<std::string>{}(NormalizeRoot(root)) & 0x7fffffff));
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  auto deadline = std::chrono::steady_clock::now() + wait;
  while (true) {
    size_t held = 0;
    for (; held < keys.size(); ++held) {
      auto got = db.Query(take, Params().Add(int64_t{kRootLockClass}).Add(keys[held]));
      if (!got) return std::unexpected(got.error());
      if (!got->Bool(0, 0)) break;
    }
    if (held == keys.size()) return {};
    for (size_t k = 0; k < held; ++k)
      (void)db.Query(give, Params().Add(int64_t{kRootLockClass}).Add(keys[k]));
    if (std::chrono::steady_clock::now() >= deadline)
      return Fail(db.where() + ": " +
                  (shared ? std::string("a single piiscan scan of the same root is writing to it")
                          : std::string("another piiscan scan is writing to it (same root)")) +
                  " (waited " + std::to_string(wait.count() / 1000.0).substr(0, 4) +
                  " s); run this scan after it has finished");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

Result<ScanPart> BeginPart(PgConnection& db, const ScanInfo& info, const WriterOptions& options) {
  return InTransaction<ScanPart>(db, [&] { return BeginInTransaction(db, info, options); });
}

Result<ScanRecord> EndPart(PgConnection& db, const ScanPart& part, const ScanInfo& info,
                           const WriterOptions& options, const ScanEnd& end,
                           const PartCounts& counts) {
  return InTransaction<ScanRecord>(
      db, [&] { return EndInTransaction(db, part, info, options, end, counts); });
}

}  // namespace piiscan::store::pg
