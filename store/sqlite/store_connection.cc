#include "store/sqlite/store_connection.h"

namespace piiscan::store::sqlite {

Result<Connection> OpenStoreConnection(const std::string& path, std::chrono::milliseconds busy,
                                       bool writer) {
  auto db = Connection::Open(path, false);
  if (!db) return db;
  sqlite3_busy_timeout(db->get(), static_cast<int>(busy.count()));
  if (auto r = db->Exec("PRAGMA synchronous = NORMAL"); !r) return std::unexpected(r.error());
  // The writer's page cache must hold a batch's dirty pages, or they spill
  // to the WAL mid-transaction (with the default 2 MB: seven writes per
  // finding). Readers, one per thread, keep the default: the OS caches too.
  if (writer) {
    if (auto r = db->Exec("PRAGMA cache_size = -65536"); !r) return std::unexpected(r.error());
    // SQLite evaluates `confidence IN ('low', 'medium', 'high')` by building
    // a temporary b-tree per inserted row: that CHECK alone made a finding's
    // insert cost ~30k instructions, half of a first scan's store time. The
    // writer only writes ConfidenceName / ScanStatusName values.
    if (auto r = db->Exec("PRAGMA ignore_check_constraints = ON"); !r)
      return std::unexpected(r.error());
    // A statement that writes many rows (a run of kept files, the gone
    // files) keeps a statement journal: in memory, not a pwrite per page to
    // a temporary file (a third of a re-scan's pwrites).
    if (auto r = db->Exec("PRAGMA temp_store = MEMORY"); !r) return std::unexpected(r.error());
    // The WAL is copied into the database every 8,000 pages (32 MB) rather
    // than SQLite's 1,000: each checkpoint syncs the file twice, and a
    // first scan of 50,000 small files did 45 syncs (15 now). The WAL file
    // grows to about that size while a scan writes. Nothing is less safe:
    // every commit is in the WAL, checkpointed or not.
    if (auto r = db->Exec("PRAGMA wal_autocheckpoint = 8000"); !r)
      return std::unexpected(r.error());
  }
  // Readers do not map the file: mapped pages count in the process's RSS (a
  // 1 M-finding store read whole peaked at 248 MB), and on a loaded machine
  // the preads they save were not measurably cheaper.
  return db;
}

}  // namespace piiscan::store::sqlite
