#pragma once
// Writes an audit result everywhere the user asked: the terminal summary or
// JSON (`--format`, `--output`), the HTML report (`--report`) and the
// spreadsheet (`--xlsx`). Shared by `piiscan audit` and `piiscan scan
// --register`, so both write the same files the same way (mode 0600: the
// reports hold masked personal data and where it lies).

#include <memory>
#include <string>

#include "audit/audit.h"
#include "core/status.h"
#include "reports/sink.h"
#include "rules/detector_spec.h"

namespace piiscan::audit {

struct AuditOutputs {
  std::string format = "text";  // text | json
  std::string output = "-";     // '-' = stdout
  std::string html;             // "" = none
  std::string xlsx;             // "" = none
  bool color = false;           // ANSI colours in the text summary
};

// `rules` provides the HTML template (templates/audit_report.mustache).
Result<void> WriteAuditOutputs(const AuditResult& result, const AuditOutputs& outputs, const rules::RuleSet& rules);

// A scan sink that feeds every scanned item to `auditor` (which must outlive
// it): `piiscan scan --register` adds it next to the JSONL sink.
std::unique_ptr<reports::Sink> MakeAuditSink(Auditor& auditor);

}  // namespace piiscan::audit
