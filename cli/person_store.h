#pragma once
// `piiscan person --db STORE` without PATHs: the DSAR query answered from
// the findings store of earlier scans (dsar/store_answer.h) instead of by
// reading the share; with --verify, the files with hits are read again.
// Command-line glue only; not thread-safe.

#include <optional>
#include <string>
#include <vector>

#include "core/scan_info.h"
#include "dsar/person_query.h"
#include "dsar/store_answer.h"

namespace piiscan::cli {

struct ScanSetup;

struct PersonStoreAnswer {
  dsar::StoreAnswer answer;
  std::vector<std::string> searched;   // per root: "ROOT (last completed scan ...)"
  std::vector<std::string> hit_paths;  // root/relative path of each file with hits
  uint64_t files_known = 0;            // files the latest completed scans saw
};

// Opens the store, checks that its scans used this key, answers the query
// and says on stderr (unless quiet) what the answer covers. Returns an exit
// code on failure.
std::optional<int> AnswerPersonFromStore(const std::string& db, const dsar::NormalisedQuery& query,
                                         const ScanSetup& setup,
                                         const dsar::StoreAnswerOptions& options, bool quiet,
                                         PersonStoreAnswer& out);

}  // namespace piiscan::cli
