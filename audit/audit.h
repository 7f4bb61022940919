#pragma once
// The audit: holds findings against the register and reports the gaps
// (docs/register.md lists the kinds and the severity rule).
//
//   auto reg = rules::LoadRegisterFile("register.yaml");
//   reports::Auditor auditor(*reg, {.now = NowSeconds()});
//   for each scanned item: auditor.AddItem(report);          // in-process scan
//   or: ReadFindingsFile("findings.jsonl", auditor);         // from JSONL
//   reports::AuditResult result = std::move(auditor).Finish();
//
// Findings are fed one at a time and aggregated as they come: memory grows
// with the number of gaps, distinct files per gap (capped) and the capped
// detail rows kept for the spreadsheet, not with the number of findings.
// Raw values (Finding::value) are ignored: results carry masked values only.
// An Auditor is not thread-safe: feed it from one thread (the reporter).

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/audit_trends.h"
#include "core/confidence.h"
#include "core/finding.h"
#include "reports/findings_reader.h"
#include "rules/register.h"

namespace piiscan::audit {

enum class GapKind {
  kSpecialCategory,     // special category where none may be, or undeclared
  kBsnWithoutBasis,     // BSN with no legal basis declared (UAVG art. 46)
  kIdCopy,              // ID document numbers where promised none or undeclared
  kUndeclaredLocation,  // personal data where no system's locations reach
  kUndeclaredCategory,  // a category found in a system that does not declare it
  kRetentionExceeded,   // items older than the system's retention
  kUnscanned,           // files (or parts) that could not be read
  kDeclaredNotFound,    // declared category never found (info)
};
enum class Severity { kCritical = 0, kHigh = 1, kMedium = 2, kLow = 3, kInfo = 4 };

std::string_view GapKindName(GapKind kind);
std::string_view SeverityName(Severity severity);
std::optional<Severity> ParseSeverity(std::string_view name);

struct FileCount {
  std::string file;
  uint64_t count = 0;
};

struct Sample {
  std::string masked;
  std::string file;
  Location location;
  std::string detector;
};

struct Gap {
  GapKind kind = GapKind::kUndeclaredCategory;
  std::string system;    // register id; "" when no system covers the data
  std::string category;  // "" for retention_exceeded and unscanned
  std::string status;    // unscanned: encrypted, corrupt ...
  Severity severity = Severity::kMedium;
  uint64_t count = 0;            // findings (unscanned: records)
  uint64_t files = 0;            // distinct files
  uint64_t items = 0;            // retention: distinct files/messages past retention
  uint64_t distinct_values = 0;  // distinct value hashes (capped, see distinct_capped)
  bool distinct_capped = false;
  bool promise_broken = false;   // a declared promise is contradicted
  std::vector<FileCount> locations;  // top files by count
  std::vector<Sample> samples;       // masked only
  std::map<std::string, uint64_t> by_category;  // retention: findings per category
  std::optional<int64_t> oldest;     // retention: oldest item time (unix seconds)
  int retention_months = 0;
  std::string message;  // one line for people
};

struct SystemSummary {
  std::string id;
  std::string name;
  std::vector<std::string> declared;           // categories
  std::map<std::string, uint64_t> found;       // category -> findings (attributed here)
  uint64_t findings = 0;
  uint64_t files = 0;
  std::string retention;                       // as written, "" = none
};

struct FolderCount {
  std::string folder;
  uint64_t findings = 0;
  uint64_t files = 0;
};

struct UnscannedRow {
  std::string file;
  Location location;
  std::string status;
  std::string reason;
  std::string system;
};

// One finding, for the spreadsheet's Findings sheet (masked).
struct FindingRow {
  std::string file;
  Location location;
  std::string detector;
  std::string category;
  Confidence confidence = Confidence::kLow;
  std::string masked;
  std::string system;
  std::string gap;  // the gap kind it is evidence for, "" when none
  std::optional<int64_t> item_time;
};

struct AuditSummary {
  uint64_t findings_read = 0;       // all findings seen
  uint64_t findings_counted = 0;    // at or above min_confidence
  uint64_t below_confidence = 0;
  uint64_t without_time = 0;        // counted findings with no item_time/mtime
  uint64_t files_with_findings = 0;
  uint64_t files_scanned = 0;       // 0 = unknown (JSONL without a summary)
  uint64_t status_records = 0;
  uint64_t unscanned_files = 0;
  uint64_t undeclared_findings = 0; // counted findings outside every system
  std::map<std::string, uint64_t> by_category;
  std::map<std::string, uint64_t> by_detector;
  std::map<std::string, uint64_t> by_confidence;
  std::map<std::string, uint64_t> by_status;
  std::vector<FolderCount> top_folders;
};

struct AuditOptions {
  int64_t now = 0;  // unix seconds for retention; 0 = the current time
  Confidence min_confidence = Confidence::kMedium;
  size_t top_locations = 10;       // files listed per gap
  size_t samples = 5;              // masked samples per gap
  size_t top_folders = 15;
  size_t max_finding_rows = 100000;
  size_t max_unscanned_rows = 20000;
};

struct AuditResult {
  std::string organisation;
  std::string register_file;
  int64_t now = 0;
  std::string min_confidence;
  std::vector<Gap> gaps;  // by severity, then count (descending)
  std::vector<SystemSummary> systems;
  AuditSummary summary;
  std::vector<UnscannedRow> unscanned;
  bool unscanned_truncated = false;
  std::vector<FindingRow> finding_rows;
  bool finding_rows_truncated = false;
  std::vector<std::string> warnings;
  // With a findings store (`audit --db`): findings and gaps per completed
  // scan, and what changed since the previous one; none otherwise.
  std::optional<AuditTrends> trends;

  // Gaps at or above `severity`.
  size_t CountAtLeast(Severity severity) const;
};

class Auditor : public reports::FindingsVisitor {
 public:
  // `reg` must outlive the Auditor.
  Auditor(const rules::Register& reg, AuditOptions options);
  ~Auditor() override;
  Auditor(const Auditor&) = delete;
  Auditor& operator=(const Auditor&) = delete;

  void OnFinding(const Finding& finding) override;
  void OnStatus(const StatusRecord& status) override;
  // A JSONL summary line or the scanner: total files scanned.
  void OnFilesScanned(uint64_t files) override;
  // One scanned file with everything it yielded (counts it as scanned).
  void AddItem(const ItemReport& item);
  void AddWarning(std::string warning);

  AuditResult Finish() &&;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// Reads a findings JSONL file into an Auditor and finishes it.
Result<AuditResult> AuditFindingsFile(const rules::Register& reg, const std::string& findings_path,
                                      const AuditOptions& options);

// "2024-05-01" -> unix seconds at 00:00 UTC; nullopt when malformed.
std::optional<int64_t> ParseIsoDate(std::string_view date);
// Unix seconds -> "2024-05-01".
std::string FormatIsoDate(int64_t seconds);

}  // namespace piiscan::audit
