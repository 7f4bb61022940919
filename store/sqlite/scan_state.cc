#include "store/sqlite/scan_state.h"

#include "core/digest.h"

namespace piiscan::store::sqlite {
namespace {

constexpr std::string_view kRootFiles = R"sql(
SELECT relative_path, id, device, inode, size, mtime_ns, ctime_ns, config_fingerprint, type,
       gone_in_scan IS NULL AND status <> 'unreadable', findings, statuses, bytes_scanned, path
FROM files WHERE root = ?1)sql";

uint32_t Intern(std::vector<std::string>& values, std::string_view v) {
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i] == v) return static_cast<uint32_t>(i);
  }
  values.emplace_back(v);
  return static_cast<uint32_t>(values.size() - 1);
}

}  // namespace

Result<std::shared_ptr<const RootSnapshot>> RootSnapshot::Load(Connection& db,
                                                               const std::string& root) {
  auto stmt = db.Prepare(kRootFiles);
  if (!stmt) return std::unexpected(stmt.error());
  stmt->Bind(1, std::string_view(root));
  auto out = std::make_shared<RootSnapshot>();
  while (true) {
    auto row = stmt->Step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    RootFile f;
    f.id = stmt->Int(1);
    f.device = static_cast<uint64_t>(stmt->Int(2));
    f.inode = static_cast<uint64_t>(stmt->Int(3));
    f.size = static_cast<uint64_t>(stmt->Int(4));
    f.mtime_ns = stmt->Int(5);
    f.ctime_ns = stmt->Int(6);
    f.fingerprint = Intern(out->fingerprints_, stmt->TextView(7));
    f.type = Intern(out->types_, stmt->TextView(8));
    f.usable = stmt->Int(9) != 0;
    f.findings = stmt->Int(10);
    f.statuses = stmt->Int(11);
    f.bytes_scanned = static_cast<uint64_t>(stmt->Int(12));
    f.path = stmt->Text(13);
    out->files_.emplace(stmt->Text(0), std::move(f));
  }
  return std::shared_ptr<const RootSnapshot>(std::move(out));
}

const RootFile* RootSnapshot::Find(std::string_view relative_path) const {
  auto it = files_.find(relative_path);
  return it == files_.end() ? nullptr : &it->second;
}

void ScanState::BeginScan(int64_t scan) {
  std::lock_guard lock(mutex_);
  snapshots_.clear();
  committed_.clear();
  snapshots_scan_ = scan;
  scan_.store(scan, std::memory_order_release);
}

void ScanState::EndScan() {
  std::lock_guard lock(mutex_);
  scan_.store(0, std::memory_order_release);
  snapshots_.clear();
  committed_.clear();
  snapshots_scan_ = 0;
}

Result<std::shared_ptr<const RootSnapshot>> ScanState::Snapshot(int64_t scan,
                                                                const std::string& root,
                                                                Connection& db) {
  std::lock_guard lock(mutex_);
  if (scan == 0 || scan != snapshots_scan_) return nullptr;
  auto it = snapshots_.find(root);
  if (it != snapshots_.end()) return it->second;
  auto loaded = RootSnapshot::Load(db, root);
  if (!loaded) return loaded;
  snapshots_.emplace(root, *loaded);
  return *loaded;
}

void ScanState::AddCommitted(const std::vector<uint64_t>& keys) {
  std::lock_guard lock(mutex_);
  committed_.insert(keys.begin(), keys.end());
}

bool ScanState::MaybeCommitted(uint64_t key) {
  std::lock_guard lock(mutex_);
  return committed_.contains(key);
}

uint64_t ScanState::FileKey(std::string_view root, std::string_view relative_path) {
  // Over root, a separator no path holds, and the relative path.
  return Fnv1a64(relative_path, Fnv1a64(std::string_view("\0", 1), Fnv1a64(root)));
}

}  // namespace piiscan::store::sqlite
