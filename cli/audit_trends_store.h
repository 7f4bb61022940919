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
#include "store/triage_match.h"

namespace piiscan::cli {

// `scans` as from Scans(); at most `max_points` points (the latest). With
// `triage` (not empty), findings a verdict leaves out are left out of every
// point and of the changes, as the audit leaves them out of its findings: a
// value judged not personal data never was; `include_triaged` keeps them.
Result<audit::AuditTrends> ReadAuditTrends(store::StoreReader& reader,
                                           const std::vector<store::ScanRecord>& scans,
                                           const rules::Register& reg, Confidence min_confidence,
                                           size_t max_points, store::TriageMatcher* triage = nullptr,
                                           bool include_triaged = false);

}  // namespace piiscan::cli
