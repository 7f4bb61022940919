#pragma once
// Reads findings JSONL (docs/output.md): finding records and status records
// in one stream, one JSON object per line, into piiscan::Finding and
// piiscan::StatusRecord, handing each to a visitor as it is read (streaming:
// memory does not grow with the file).
//
// The `value` field (present only when a scan ran with --show-values) is
// deliberately not read: nothing downstream of this reader can copy a raw
// value into a report. A `{"summary": {"files_scanned": N, ...}}` line, if a
// scanner writes one, gives the count of files scanned.
//
// A malformed line is an error naming the line; a last line cut short (a
// scan killed mid-write) is skipped with a warning instead. Not thread-safe;
// one reader per stream.

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

#include "core/finding.h"
#include "core/status.h"

namespace piiscan::reports {

class FindingsVisitor {
 public:
  virtual ~FindingsVisitor() = default;
  virtual void OnFinding(const Finding& finding) = 0;
  virtual void OnStatus(const StatusRecord& status) = 0;
  virtual void OnFilesScanned(uint64_t /*files*/) {}
};

struct ReadStats {
  uint64_t lines = 0;
  uint64_t findings = 0;
  uint64_t statuses = 0;
  std::vector<std::string> warnings;
};

Result<ReadStats> ReadFindings(std::istream& in, const std::string& name, FindingsVisitor& visitor);
// `path` "-" reads standard input.
Result<ReadStats> ReadFindingsFile(const std::string& path, FindingsVisitor& visitor);

// Parses one line (exposed for tests). Exactly one of the outputs is set on
// success; `is_summary` lines set `files_scanned`.
struct ParsedRecord {
  enum class Kind { kFinding, kStatus, kSummary } kind = Kind::kFinding;
  Finding finding;
  StatusRecord status;
  uint64_t files_scanned = 0;
};
Result<ParsedRecord> ParseFindingsLine(const std::string& line);

// "encrypted" -> FileStatus::kEncrypted ...; nullopt for unknown names.
std::optional<FileStatus> ParseFileStatus(std::string_view name);

}  // namespace piiscan::reports
