#pragma once
// The findings and statuses a reader replays for unchanged files, fetched
// for many files per round trip: a re-scan asks about files one by one, and
// a round trip per file with findings made a PostgreSQL re-scan slower than
// reading the files. When a file is not held, it and the next files (by id)
// that have contents are fetched together, in one read-only snapshot; what
// another reader's thread replays instead is dropped at the next fetch, so
// at most kFilesPerFetch files are held. Not thread safe: one reader's thread.

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "core/finding.h"
#include "core/status.h"
#include "store/postgres/pg_connection.h"
#include "store/store.h"

namespace piiscan::store::pg {

class FileContents {
 public:
  static constexpr size_t kFilesPerFetch = 256;

  // Fills out.findings and out.statuses of out.file_id (their file: the
  // replayed path, out.state.path). `upcoming`: ids of the files that have
  // contents, sorted.
  Result<void> Read(PgConnection& db, StoredFile& out, const std::vector<int64_t>& upcoming);

 private:
  struct Held {
    std::vector<Finding> findings;
    std::vector<StatusRecord> statuses;
  };
  Result<void> Fetch(PgConnection& db, const std::vector<int64_t>& ids);

  std::unordered_map<int64_t, Held> held_;
};

}  // namespace piiscan::store::pg
