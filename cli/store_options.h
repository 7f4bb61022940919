#pragma once
// The findings store on the command line, shared by scan, scans, report and
// audit: `--db TARGET`, whose default is the environment variable PIISCAN_DB,
// and opening the store with a message that names it. TARGET is an SQLite
// file, or a PostgreSQL connection string (postgresql://..., host=...
// dbname=...), which messages show without its password. A damaged, foreign
// or newer store is refused (exit 3), never replaced.
// Not thread-safe (command-line handling).

#include <expected>
#include <memory>
#include <optional>
#include <string>

#include "store/store.h"

namespace piiscan::cli {

// The store to use: `db` when given, else $PIISCAN_DB, else "".
std::string DbPath(const std::string& db);

// True when `target` names a PostgreSQL database rather than a file.
bool IsPostgresTarget(const std::string& target);

// `target` as messages show it: a connection string without its password.
std::string StoreName(const std::string& target);

// Opens the store at `path`; `create` false refuses a missing file (commands
// that only read). On failure prints "WHO: ..." and returns the exit code.
std::expected<std::unique_ptr<store::Store>, int> OpenStoreOrReport(const std::string& path, bool create,
                                                                  const std::string& who);

}  // namespace piiscan::cli
