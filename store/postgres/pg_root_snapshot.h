#pragma once
// A reader's copy of the file rows of one root, so that asking whether a
// file is unchanged costs a hash lookup instead of a round trip to the
// server (a round trip per file made a re-scan of 50,000 files slower than
// reading them). Loaded on the first question about a root, and again after
// a writer of the same Store object began or finished a scan (StoreEvents);
// a path it does not know is looked for among the rows committed since, one
// query per commit, not per file. Rows that another process commits
// meanwhile are not seen: such a file is read again, which is correct, only
// slower. A root of more than kMaxRows files is not copied (memory stays
// bounded): the reader then asks the server per file.
// Not thread safe: one reader's thread.

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "store/postgres/pg_connection.h"

namespace piiscan::store::pg {

struct SnapshotRow {
  int64_t id = 0;
  uint64_t device = 0, inode = 0, size = 0;
  int64_t mtime_ns = 0, ctime_ns = 0;
  std::string fingerprint;
  std::string path;  // as recorded; "" when it is root/relative_path
  std::string type;
  uint64_t bytes_scanned = 0;
  bool readable = true;  // not gone, not unreadable: may be reused
  bool has_findings = false, has_statuses = false;
};

// What the writers of one Store object did, for its readers' copies.
struct StoreEvents {
  std::atomic<uint64_t> scans{0};    // BeginScan and FinishScan calls
  std::atomic<uint64_t> commits{0};  // batches committed
};

class RootSnapshot {
 public:
  static constexpr size_t kMaxRows = 250000;

  // Makes the copy current for `root` (as stored, normalised). false: the
  // root is too big to copy; ask the server.
  Result<bool> Prepare(PgConnection& db, const std::string& root, const StoreEvents& events);

  // The row of `relative_path` (stored text); a path not in the copy is
  // looked for among rows committed since it was made.
  Result<const SnapshotRow*> Find(PgConnection& db, const std::string& relative_path,
                                  const StoreEvents& events);

  // Ids of the rows that have findings or statuses, sorted.
  const std::vector<int64_t>& with_contents() const { return with_contents_; }

 private:
  Result<void> Fetch(PgConnection& db, int64_t after_id);

  std::string root_;
  bool loaded_ = false, too_big_ = false;
  uint64_t scans_ = 0, commits_ = 0;
  int64_t max_id_ = 0;
  std::unordered_map<std::string, SnapshotRow> rows_;  // by relative path (stored text)
  std::vector<int64_t> with_contents_;
};

}  // namespace piiscan::store::pg
