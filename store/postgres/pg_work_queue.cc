#include "store/postgres/pg_work_queue.h"

#include <thread>

#include "store/postgres/pg_schema.h"

namespace piiscan::store::pg {
namespace {

constexpr int32_t kDiscoverLockClass = 0x50494955;  // with the scan's id

constexpr std::string_view kClaim = R"sql(
UPDATE work_units SET state = 'claimed', agent = $2, claims = claims + 1,
                      lease_until = now() + make_interval(secs => $3)
WHERE id = (SELECT id FROM work_units
            WHERE scan = $1 AND (state = 'pending' OR (state = 'claimed' AND lease_until < now()))
            ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
RETURNING id, root, dir, part, parts)sql";

// Units another agent holds under a lease that has not run out: they may
// still come free (when that agent dies).
constexpr std::string_view kHeldByOthers = R"sql(
SELECT count(*) FROM work_units WHERE scan = $1 AND state = 'claimed' AND agent <> $2)sql";

constexpr std::string_view kRenew = R"sql(
UPDATE work_units SET lease_until = now() + make_interval(secs => $2)
WHERE agent = $1 AND state = 'claimed')sql";

class PgWorkQueue final : public WorkQueue {
 public:
  PgWorkQueue(PgConnection db, PgConnection renew, int64_t scan, int64_t agent,
              std::chrono::seconds lease)
      : db_(std::move(db)), renew_(std::move(renew)), scan_(scan), agent_(agent), lease_(lease) {}

  Result<void> Discover(const std::function<Result<std::vector<FolderCount>>()>& list,
                        uint64_t split) override {
    if (auto r = db_.Exec("BEGIN"); !r) return r;
    auto out = DiscoverInTransaction(list, split);
    if (!out) {
      (void)db_.Exec("ROLLBACK");
      return out;
    }
    return db_.Exec("COMMIT");
  }

  Result<std::optional<WorkUnit>> Claim(const std::atomic<bool>& stop) override {
    while (!stop.load()) {
      auto row = db_.Query(
          kClaim, Params().Add(scan_).Add(agent_).Add(static_cast<int64_t>(lease_.count())));
      if (!row) return std::unexpected(row.error());
      if (row->Rows()) {
        WorkUnit u;
        u.id = row->Int(0, 0);
        u.root = FromDbText(row->TextView(0, 1));
        u.dir = FromDbText(row->TextView(0, 2));
        u.part = static_cast<int>(row->Int(0, 3));
        u.parts = static_cast<int>(row->Int(0, 4));
        return u;
      }
      auto held = db_.Query(kHeldByOthers, Params().Add(scan_).Add(agent_));
      if (!held) return std::unexpected(held.error());
      if (held->Int(0, 0) == 0) return std::nullopt;
      // Others still work: wait for them to finish, or for a lease to run out.
      for (int i = 0; i < 10 && !stop.load(); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return std::nullopt;
  }

  Result<void> CompleteEmpty(int64_t unit) override {
    auto r = db_.Run(
        "UPDATE work_units SET state = 'done', lease_until = NULL "
        "WHERE id = $1 AND agent = $2 AND state = 'claimed'",
        Params().Add(unit).Add(agent_));
    if (!r) return std::unexpected(r.error());
    return {};
  }

  Result<void> Renew() override {
    auto r = renew_.Run(kRenew, Params().Add(agent_).Add(static_cast<int64_t>(lease_.count())));
    if (!r) return std::unexpected(r.error());
    return {};
  }

 private:
  Result<void> DiscoverInTransaction(const std::function<Result<std::vector<FolderCount>>()>& list,
                                     uint64_t split) {
    if (auto r = db_.Run("SELECT pg_advisory_xact_lock($1::integer, $2::integer)",
                         Params().Add(int64_t{kDiscoverLockClass}).Add(scan_));
        !r)
      return std::unexpected(r.error());
    auto listed = db_.Query("SELECT units_listed FROM scans WHERE id = $1", Params().Add(scan_));
    if (!listed) return std::unexpected(listed.error());
    if (listed->Rows() && listed->Bool(0, 0)) return {};
    auto folders = list();
    if (!folders) return std::unexpected(folders.error());
    std::string data;
    for (const FolderCount& f : *folders) {
      int parts = static_cast<int>(std::max<uint64_t>(1, (f.files + split - 1) / split));
      std::string root = ToDbText(f.root), dir = ToDbText(f.dir);
      for (int p = 0; p < parts; ++p) {
        CopyField(data, scan_, true);
        CopyField(data, std::optional<std::string_view>(root));
        CopyField(data, std::optional<std::string_view>(dir));
        CopyField(data, int64_t{p});
        CopyField(data, int64_t{parts});
        data += '\n';
      }
    }
    if (!data.empty())
      if (auto r = db_.CopyIn("COPY work_units (scan, root, dir, part, parts) FROM STDIN", data);
          !r)
        return r;
    auto r = db_.Run("UPDATE scans SET units_listed = true WHERE id = $1", Params().Add(scan_));
    if (!r) return std::unexpected(r.error());
    return {};
  }

  PgConnection db_;
  PgConnection renew_;
  int64_t scan_, agent_;
  std::chrono::seconds lease_;
};

}  // namespace

Result<std::unique_ptr<WorkQueue>> OpenPgWorkQueue(const std::string& target, int64_t scan,
                                                   int64_t agent, std::chrono::seconds lease) {
  auto db = PgConnection::Open(target);
  if (!db) return std::unexpected(db.error());
  auto renew = PgConnection::Open(target);
  if (!renew) return std::unexpected(renew.error());
  for (PgConnection* c : {&*db, &*renew})
    if (auto r = UseStoreSchema(*c); !r) return std::unexpected(r.error());
  return std::make_unique<PgWorkQueue>(std::move(*db), std::move(*renew), scan, agent, lease);
}

}  // namespace piiscan::store::pg
