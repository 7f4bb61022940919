#pragma once
// What one store's writer and readers share inside a process, so that a
// re-scan of an unchanged tree costs one hash lookup per file instead of a
// read transaction and three queries: the scan the writer is recording, and
// during that scan each root's files as loaded once (RootSnapshot) for the
// readers' Unchanged.
//
// Why a snapshot taken during the scan stays right: while the writer holds
// the store's lock no other process writes, and this scan's writer changes
// only rows of files the scan has already met (read, kept, or, at FinishScan,
// gone), which a scan does not ask about again. A snapshot is used only for
// a yes. A file it does not know or knows as changed is looked up in the
// database only when the writer has committed that file in this scan (the
// writer tells ScanState, as a hash of root and path), so a file recorded
// since is still found, and a first scan does not pay a query per file.
// Outside a scan (no writer in this process) readers ask the database every
// time.
//
// Thread safety: ScanState is shared by all threads (a mutex guards the
// snapshots; the scan id is atomic). A RootSnapshot is immutable once loaded.

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/status.h"
#include "store/sqlite/sqlite_db.h"
#include "store/store.h"

namespace piiscan::store::sqlite {

// A files row as the unchanged question needs it.
struct RootFile {
  int64_t id = 0;
  uint64_t device = 0, inode = 0, size = 0;
  int64_t mtime_ns = 0, ctime_ns = 0;
  uint32_t fingerprint = 0;  // index into RootSnapshot::Fingerprints()
  uint32_t type = 0;         // index into RootSnapshot::Types()
  bool usable = false;       // not gone, not unreadable
  int64_t findings = 0;      // current findings
  int64_t statuses = 0;
  uint64_t bytes_scanned = 0;
  std::string path;
};

class RootSnapshot {
 public:
  // Every files row of `root` (normalised), in one query on `db`.
  static Result<std::shared_ptr<const RootSnapshot>> Load(Connection& db, const std::string& root);

  const RootFile* Find(std::string_view relative_path) const;
  const std::string& Fingerprint(uint32_t i) const { return fingerprints_[i]; }
  const std::string& Type(uint32_t i) const { return types_[i]; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, RootFile, Hash, std::equal_to<>> files_;
  std::vector<std::string> fingerprints_, types_;  // few distinct values each
};

class ScanState {
 public:
  // The writer's scan (0: none).
  void BeginScan(int64_t scan);
  void EndScan();
  int64_t scan() const { return scan_.load(std::memory_order_acquire); }

  // The snapshot of `root` for scan `scan`, loaded on `db` by the first
  // reader that asks; nullptr when `scan` is no longer the writer's scan.
  Result<std::shared_ptr<const RootSnapshot>> Snapshot(int64_t scan, const std::string& root,
                                                       Connection& db);

  // Files the writer committed in this scan (FileKey of each); whether one
  // may have been (a hash: a rare false yes only costs a query).
  void AddCommitted(const std::vector<uint64_t>& keys);
  bool MaybeCommitted(uint64_t key);
  static uint64_t FileKey(std::string_view root, std::string_view relative_path);

 private:
  std::atomic<int64_t> scan_{0};
  std::mutex mutex_;
  int64_t snapshots_scan_ = 0;
  std::map<std::string, std::shared_ptr<const RootSnapshot>, std::less<>> snapshots_;
  std::unordered_set<uint64_t> committed_;
};

}  // namespace piiscan::store::sqlite
