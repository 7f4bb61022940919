#include "cli/store_options.h"

#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_store.h"
#include "store/sqlite/sqlite_store.h"

namespace piiscan::cli {

std::string DbPath(const std::string& db) {
  if (!db.empty()) return db;
  const char* env = std::getenv("PIISCAN_DB");
  return env ? env : "";
}

bool IsPostgresTarget(const std::string& target) {
  return store::pg::IsConnectionString(target);
}

std::string StoreName(const std::string& target) {
  return IsPostgresTarget(target) ? store::pg::RedactConnectionString(target) : target;
}

std::expected<std::unique_ptr<store::Store>, int> OpenStoreOrReport(const std::string& path, bool create,
                                                                  const std::string& who) {
  Result<std::unique_ptr<store::Store>> s = std::unexpected(Error{});
  if (IsPostgresTarget(path)) {
    s = store::OpenPostgresStore(path);
  } else {
    store::SqliteOptions options;
    options.create = create;
    s = store::OpenSqliteStore(path, options);
  }
  if (!s) {
    // The store's messages name it already (without a password).
    std::cerr << who << ": " << s.error().message << "\n";
    return std::unexpected(kExitFailure);
  }
  return std::move(*s);
}

}  // namespace piiscan::cli
