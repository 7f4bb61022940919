#include "cli/audit_trends_store.h"

namespace piiscan::cli {

Result<audit::AuditTrends> ReadAuditTrends(store::StoreReader& reader,
                                           const std::vector<store::ScanRecord>& scans,
                                           const rules::Register& reg, Confidence min_confidence,
                                           size_t max_points, store::TriageMatcher* triage,
                                           bool include_triaged) {
  const bool judge = triage != nullptr && !triage->empty() && !include_triaged;
  auto left_out = [&](const store::StoredFinding& f) { return judge && triage->Match(f).LeftOut(); };
  std::vector<audit::TrendPoint> completed;
  for (const auto& s : scans) {
    if (s.status == store::ScanStatus::kCompleted)
      completed.push_back({s.id, s.info.scan_id, s.info.started_unix_ms});
  }
  uint64_t total = completed.size();
  if (completed.size() > max_points)
    completed.erase(completed.begin(), completed.end() - max_points);
  int64_t first = completed.empty() ? 0 : completed.front().scan;
  std::optional<audit::TrendPoint> base;
  if (completed.size() >= 2) base = completed[completed.size() - 2];
  audit::TrendBuilder builder(reg, min_confidence, std::move(completed), total);
  if (total == 0) return std::move(builder).Finish();
  store::StoredFinding shell;  // what a verdict looks at, per finding
  auto history = reader.FindingHistory(
      first,
      [&](const store::FindingGroup& g) {
        if (judge) {
          shell.finding.file = g.file;
          shell.finding.value_hash = g.value_hash;
          shell.finding.detector = g.detector;
          shell.last_scan = g.last_scan;
          if (left_out(shell)) return true;
        }
        builder.AddGroup(g.file, g.category, g.confidence, g.first_scan, g.resolved_in_scan,
                         g.findings);
        return true;
      },
      /*per_finding=*/judge);
  if (!history) return std::unexpected(history.error());
  if (!base) return std::move(builder).Finish();
  builder.SetBase(*base);
  // Compared with the previous completed scan: the latest completed scan,
  // unless an interrupted scan since has already recorded more.
  auto changes = reader.ChangesSince(store::SinceScan{base->scan_id},
                                     [&](store::Change c, const store::StoredFinding& f) {
                                       if (left_out(f)) return true;
                                       Finding finding = f.finding;
                                       finding.value.reset();  // never into a report
                                       builder.AddChange(c == store::Change::kNew, finding);
                                       return true;
                                     });
  if (!changes) return std::unexpected(changes.error());
  return std::move(builder).Finish();
}

}  // namespace piiscan::cli
