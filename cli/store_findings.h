#pragma once
// The current findings of a findings store as a stream of findings, for the
// commands that read the store instead of a JSONL file (`piiscan audit --db`,
// `piiscan report --db`): handed to a reports::FindingsVisitor one by one,
// without raw values (as ReadFindingsFile does). Not thread-safe.

#include <optional>

#include "reports/findings_reader.h"
#include "store/store.h"

namespace piiscan::cli {

// Visits every current finding and the status records of the files not
// gone; tells the visitor how many files the latest
// completed scan saw (read + skipped as unchanged). `scans` as from Scans().
Result<reports::ReadStats> ReadStoreFindings(store::StoreReader& reader,
                                             const std::vector<store::ScanRecord>& scans,
                                             reports::FindingsVisitor& visitor);

// The latest completed scan, else the latest scan; nullopt for an empty store.
std::optional<store::ScanRecord> LatestScan(const std::vector<store::ScanRecord>& scans);

}  // namespace piiscan::cli
