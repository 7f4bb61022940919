#include "store/postgres/pg_root_snapshot.h"

#include <algorithm>

#include "core/file_identity.h"

namespace piiscan::store::pg {
namespace {

constexpr std::string_view kRows = R"sql(
SELECT relative_path, id, device, inode, size, mtime_ns, ctime_ns, config_fingerprint,
       gone_in_scan IS NULL AND status <> 'unreadable', path, type, bytes_scanned,
       EXISTS (SELECT 1 FROM findings f WHERE f.file_id = files.id AND f.resolved_in_scan IS NULL),
       EXISTS (SELECT 1 FROM statuses s WHERE s.file_id = files.id)
FROM files WHERE root = $1 AND id > $2)sql";

}  // namespace

Result<bool> RootSnapshot::Prepare(PgConnection& db, const std::string& root,
                                   const StoreEvents& events) {
  uint64_t scans = events.scans.load();
  if (!loaded_ || root != root_ || scans != scans_) {
    root_ = root;
    rows_.clear();
    with_contents_.clear();
    max_id_ = 0;
    too_big_ = false;
    loaded_ = true;
    scans_ = scans;
    commits_ = events.commits.load();
    if (auto r = Fetch(db, 0); !r) return std::unexpected(r.error());
  }
  return !too_big_;
}

Result<const SnapshotRow*> RootSnapshot::Find(PgConnection& db, const std::string& relative_path,
                                              const StoreEvents& events) {
  auto it = rows_.find(relative_path);
  if (it != rows_.end()) return &it->second;
  uint64_t commits = events.commits.load();
  if (commits == commits_) return nullptr;
  commits_ = commits;
  if (auto r = Fetch(db, max_id_); !r) return std::unexpected(r.error());
  if (too_big_) return nullptr;
  it = rows_.find(relative_path);
  return it == rows_.end() ? nullptr : &it->second;
}

Result<void> RootSnapshot::Fetch(PgConnection& db, int64_t after_id) {
  auto r = db.ForEach(kRows, Params().Add(root_).Add(after_id), [&](const PgResult& row) {
    if (rows_.size() >= kMaxRows) {
      too_big_ = true;
      rows_.clear();
      with_contents_.clear();
      return false;
    }
    SnapshotRow s;
    s.id = row.Int(0, 1);
    s.device = static_cast<uint64_t>(row.Int(0, 2));
    s.inode = static_cast<uint64_t>(row.Int(0, 3));
    s.size = static_cast<uint64_t>(row.Int(0, 4));
    s.mtime_ns = row.Int(0, 5);
    s.ctime_ns = row.Int(0, 6);
    s.fingerprint = row.Text(0, 7);
    s.readable = row.Bool(0, 8);
    std::string rel = row.Text(0, 0);
    std::string path = FromDbText(row.TextView(0, 9));
    if (path != JoinedPath(FromDbText(root_), FromDbText(rel))) s.path = std::move(path);
    s.type = FromDbText(row.TextView(0, 10));
    s.bytes_scanned = static_cast<uint64_t>(row.Int(0, 11));
    s.has_findings = row.Bool(0, 12);
    s.has_statuses = row.Bool(0, 13);
    max_id_ = std::max(max_id_, s.id);
    if (s.has_findings || s.has_statuses) with_contents_.push_back(s.id);
    rows_.insert_or_assign(std::move(rel), std::move(s));
    return true;
  });
  if (!r) return r;
  std::sort(with_contents_.begin(), with_contents_.end());
  return {};
}

}  // namespace piiscan::store::pg
