#include "cli/store_findings.h"

namespace piiscan::cli {

std::optional<store::ScanRecord> LatestScan(const std::vector<store::ScanRecord>& scans) {
  for (auto it = scans.rbegin(); it != scans.rend(); ++it) {
    if (it->status == store::ScanStatus::kCompleted) return *it;
  }
  if (scans.empty()) return std::nullopt;
  return scans.back();
}

Result<reports::ReadStats> ReadStoreFindings(store::StoreReader& reader,
                                             const std::vector<store::ScanRecord>& scans,
                                             reports::FindingsVisitor& visitor) {
  reports::ReadStats stats;
  auto visited = reader.CurrentFindings([&](const store::StoredFinding& stored) {
    Finding f = stored.finding;
    f.value.reset();  // nothing downstream may copy a raw value into a report
    visitor.OnFinding(f);
    ++stats.findings;
    return true;
  });
  if (!visited) return std::unexpected(visited.error());
  visited = reader.CurrentStatuses([&](const StatusRecord& status) {
    visitor.OnStatus(status);
    ++stats.statuses;
    return true;
  });
  if (!visited) return std::unexpected(visited.error());
  if (auto latest = LatestScan(scans)) visitor.OnFilesScanned(latest->files_read + latest->files_skipped);
  return stats;
}

}  // namespace piiscan::cli
