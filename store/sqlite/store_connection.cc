#include "store/sqlite/store_connection.h"

namespace piiscan::store::sqlite {

Result<Connection> OpenStoreConnection(const std::string& path, std::chrono::milliseconds busy) {
  auto db = Connection::Open(path, false);
  if (!db) return db;
  sqlite3_busy_timeout(db->get(), static_cast<int>(busy.count()));
  // A page cache large enough that a batch's dirty pages are not spilled to
  // the WAL mid-transaction (2 MB by default: seven writes per finding), and
  // statement journals (savepoints) in memory rather than in temp files.
  if (auto r = db->Exec("PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536; "
                        "PRAGMA temp_store = MEMORY");
      !r)
    return std::unexpected(r.error());
  return db;
}

}  // namespace piiscan::store::sqlite
