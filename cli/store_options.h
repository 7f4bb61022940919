#pragma once
// The findings store on the command line, shared by scan, scans, report and
// audit: `--db FILE`, whose default is the environment variable PIISCAN_DB,
// and opening the store with a message that names the file. A damaged,
// foreign or newer store is refused (exit 3), never replaced.
// Not thread-safe (command-line handling).

#include <expected>
#include <memory>
#include <optional>
#include <string>

#include "store/store.h"

namespace piiscan::cli {

// The store file to use: `db` when given, else $PIISCAN_DB, else "".
std::string DbPath(const std::string& db);

// Opens the store at `path`; `create` false refuses a missing file (commands
// that only read). On failure prints "WHO: ..." and returns the exit code.
std::expected<std::unique_ptr<store::Store>, int> OpenStoreOrReport(const std::string& path, bool create,
                                                                  const std::string& who);

}  // namespace piiscan::cli
