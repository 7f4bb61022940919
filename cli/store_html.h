#pragma once
// `piiscan report --db --format html`: the findings store as one
// self-contained page for the morning after a nightly scan: what is new and
// what was resolved since a base scan (with --since), the current findings by
// category and by file, and the files not read fully. Values are masked as
// everywhere (a raw value kept in the store is never shown). Rendered from
// rules/data/templates/store_report.mustache, every value HTML-escaped by the
// template engine. Build it with Add* calls, then Render. Not thread-safe.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace piiscan::cli {

class StoreHtmlReport {
 public:
  // At most this many rows per table; the rest are counted.
  static constexpr size_t kMaxRows = 500;

  StoreHtmlReport(std::string store_path, const std::vector<store::ScanRecord>& scans);

  // `triage`: the verdict over a finding shown with --include-triaged
  // (marked beside its masked value), else "".
  void AddCurrent(const store::StoredFinding& f, const std::string& triage = "");
  void AddStatus(const StatusRecord& s);
  // With --since: `base` is the base scan's id (0: none, all is new).
  void SetBase(int64_t base);
  void AddChange(store::Change change, const store::StoredFinding& f, const std::string& triage = "");
  // "12 findings left out by triage: ..." (store/triage_match.h), under the heading.
  void SetTriageNote(std::string note) { triage_note_ = std::move(note); }

  Result<std::string> Render() const;

 private:
  struct FileRow {
    uint64_t findings = 0, occurrences = 0;
    std::map<std::string, uint64_t> detectors;
    std::vector<std::string> samples;  // the first few masked values
    std::map<std::string, uint64_t> triaged;  // shown with --include-triaged, by verdict
  };
  struct ChangeRow {
    std::string file, where, detector, confidence, masked, seen;
    uint64_t count = 0;
  };

  std::string store_path_;
  std::string triage_note_;
  std::vector<store::ScanRecord> scans_;
  std::optional<int64_t> base_;
  uint64_t current_ = 0, occurrences_ = 0;
  std::map<std::string, uint64_t> categories_;
  std::map<std::string, FileRow> files_;
  std::vector<ChangeRow> new_, resolved_;
  uint64_t new_count_ = 0, resolved_count_ = 0;
  std::vector<ChangeRow> unread_;  // detector: the status, masked: the reason
  uint64_t unread_count_ = 0, unread_records_ = 0;
  std::map<std::string, bool> unread_files_;
};

}  // namespace piiscan::cli
