#include "cli/store_options.h"

#include <cstdlib>
#include <iostream>

#include "cli/commands.h"
#include "store/sqlite/sqlite_store.h"

namespace piiscan::cli {

std::string DbPath(const std::string& db) {
  if (!db.empty()) return db;
  const char* env = std::getenv("PIISCAN_DB");
  return env ? env : "";
}

std::expected<std::unique_ptr<store::Store>, int> OpenStoreOrReport(const std::string& path, bool create,
                                                                  const std::string& who) {
  store::SqliteOptions options;
  options.create = create;
  auto s = store::OpenSqliteStore(path, options);
  if (!s) {
    std::cerr << who << ": store " << path << ": " << s.error().message << "\n";
    return std::unexpected(kExitFailure);
  }
  return std::move(*s);
}

}  // namespace piiscan::cli
