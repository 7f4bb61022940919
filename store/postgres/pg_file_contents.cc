#include "store/postgres/pg_file_contents.h"

#include <algorithm>

#include "store/postgres/pg_rows.h"

namespace piiscan::store::pg {
namespace {

constexpr std::string_view kFindings =
    "SELECT " PIISCAN_PG_FINDING_COLUMNS
    ", f.file_id FROM findings f WHERE f.file_id = ANY ($1::bigint[]) "
    "AND f.resolved_in_scan IS NULL ORDER BY f.file_id, f.id";

constexpr std::string_view kStatuses =
    "SELECT file_id, location, status, reason FROM statuses WHERE file_id = ANY ($1::bigint[]) "
    "ORDER BY file_id, id";

}  // namespace

Result<void> FileContents::Read(PgConnection& db, StoredFile& out,
                                const std::vector<int64_t>& upcoming) {
  if (!held_.contains(out.file_id)) {
    std::vector<int64_t> ids = {out.file_id};
    auto at = std::upper_bound(upcoming.begin(), upcoming.end(), out.file_id);
    for (; at != upcoming.end() && ids.size() < kFilesPerFetch; ++at) ids.push_back(*at);
    held_.clear();
    if (auto r = Fetch(db, ids); !r) return r;
  }
  auto it = held_.find(out.file_id);
  if (it == held_.end()) return {};
  out.findings = std::move(it->second.findings);
  out.statuses = std::move(it->second.statuses);
  held_.erase(it);
  for (auto& f : out.findings) f.file = out.state.path;
  for (auto& s : out.statuses) s.file = out.state.path;
  return {};
}

Result<void> FileContents::Fetch(PgConnection& db, const std::vector<int64_t>& ids) {
  for (int64_t id : ids) held_[id];
  Params p;
  p.AddIdArray(ids);
  if (auto r = db.Exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); !r) return r;
  std::optional<Error> error;
  auto findings = db.ForEach(kFindings, p, [&](const PgResult& row) {
    auto f = ReadFinding(row, 0, "", db.where());
    if (!f) {
      error = f.error();
      return false;
    }
    held_[row.Int(0, kFindingColumns)].findings.push_back(std::move(*f));
    return true;
  });
  auto statuses = findings && !error
                      ? db.ForEach(kStatuses, p,
                                   [&](const PgResult& row) {
                                     auto s = ReadStatus(row, 0, "", db.where(), 1);
                                     if (!s) {
                                       error = s.error();
                                       return false;
                                     }
                                     held_[row.Int(0, 0)].statuses.push_back(std::move(*s));
                                     return true;
                                   })
                      : Result<void>{};
  (void)db.Exec("COMMIT");
  if (!findings) return findings;
  if (!statuses) return statuses;
  if (error) return std::unexpected(*error);
  return {};
}

}  // namespace piiscan::store::pg
