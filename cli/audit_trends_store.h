#pragma once
// The audit's trends read from a findings store (`piiscan audit --db`): the
// last completed scans as points, the store's grouped finding history
// (StoreReader::FindingHistory) and the changes since the previous
// completed scan (StoreReader::ChangesSince), fed to an audit::TrendBuilder.
// Interrupted and running scans are no points: they did not see everything.
// Not thread-safe (one reader).

#include "audit/audit_trends.h"
#include "rules/register.h"
#include "store/store.h"

namespace piiscan::cli {

// `scans` as from Scans(); at most `max_points` points (the latest).
Result<audit::AuditTrends> ReadAuditTrends(store::StoreReader& reader,
                                           const std::vector<store::ScanRecord>& scans,
                                           const rules::Register& reg, Confidence min_confidence,
                                           size_t max_points);

}  // namespace piiscan::cli
