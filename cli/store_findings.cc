#include "cli/store_findings.h"

#include "cli/triage_yaml.h"
#include "reports/json_text.h"

namespace piiscan::cli {

std::optional<store::ScanRecord> LatestScan(const std::vector<store::ScanRecord>& scans) {
  for (auto it = scans.rbegin(); it != scans.rend(); ++it) {
    if (it->status == store::ScanStatus::kCompleted) return *it;
  }
  if (scans.empty()) return std::nullopt;
  return scans.back();
}

Result<store::TriageMatcher> LoadTriage(store::StoreReader& reader,
                                        const std::vector<store::ScanRecord>& scans) {
  auto verdicts = reader.Verdicts();
  if (!verdicts) return std::unexpected(verdicts.error());
  return store::TriageMatcher(std::move(*verdicts), scans);
}

std::string TriageNote(const store::TriageTally& tally, bool included) {
  std::string note = tally.Describe();
  if (tally.Total() == 0) return note;
  const std::string left = " left out by triage";
  if (included) {
    note.replace(note.find(left), left.size(), " under a triage verdict, included and marked");
  } else {
    note.insert(note.find(':'), " (--include-triaged shows them)");
  }
  return note;
}

std::string TriageJson(const store::TriageMatch& m) {
  if (!m.verdict) return "null";
  const store::TriageVerdict& v = *m.verdict;
  std::string o = "{\"id\":" + std::to_string(v.id) + ",\"verdict\":\"";
  o += store::VerdictName(v.verdict);
  o += "\",\"note\":";
  reports::AppendJsonString(o, v.note);
  o += ",\"by\":";
  reports::AppendJsonString(o, v.by);
  o += ",\"at\":\"" + IsoTimeMs(v.created_unix_ms) + "\"";
  if (m.reopened) o += ",\"reopened\":true";
  o += '}';
  return o;
}

std::string TriageWord(const store::TriageMatch& m) {
  if (!m.verdict) return "";
  std::string word(store::VerdictName(m.verdict->verdict));
  if (m.reopened) word += " (reopened)";
  return word;
}

Result<reports::ReadStats> ReadStoreFindings(store::StoreReader& reader,
                                             const std::vector<store::ScanRecord>& scans,
                                             reports::FindingsVisitor& visitor,
                                             const StoreReadOptions& options) {
  reports::ReadStats stats;
  std::optional<store::TriageMatcher> loaded;
  store::TriageMatcher* matcher = options.triage;
  if (matcher == nullptr) {
    auto m = LoadTriage(reader, scans);
    if (!m) return std::unexpected(m.error());
    matcher = &loaded.emplace(std::move(*m));
  }
  store::TriageTally tally;
  auto visited = reader.CurrentFindings([&](const store::StoredFinding& stored) {
    if (!matcher->empty()) {
      store::TriageMatch m = matcher->Match(stored);
      tally.Count(m);
      if (m.LeftOut() && !options.include_triaged) return true;
    }
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
  if (std::string note = TriageNote(tally, options.include_triaged); !note.empty())
    stats.warnings.push_back(std::move(note));
  return stats;
}

}  // namespace piiscan::cli
