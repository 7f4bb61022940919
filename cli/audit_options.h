#pragma once
// The audit's command-line options, shared by `piiscan audit` and `piiscan
// scan --register` so that both accept the same flags and behave the same:
//
//   AuditCliOptions ao;
//   AddAuditOptions(desc, ao, /*with_findings=*/false);   // before parsing
//   ... parse ...
//   auto prepared = PrepareAudit(ao, "piiscan scan");     // after parsing
//   if (!prepared) return prepared.error();               // an exit code
//   audit::Auditor auditor(prepared->reg, prepared->options);
//   ... feed it (audit::MakeAuditSink(auditor)) ...
//   return FinishAudit(std::move(auditor).Finish(), *prepared, "piiscan scan");
//
// Not thread-safe (command-line handling).

#include <boost/program_options.hpp>
#include <expected>
#include <string>

#include "audit/audit.h"
#include "audit/audit_writer.h"
#include "rules/detector_spec.h"
#include "rules/register.h"

namespace piiscan::cli {

struct AuditCliOptions {
  std::string register_file;
  std::string findings = "";
  std::string format = "text";
  std::string output = "-";
  std::string report;
  std::string xlsx;
  std::string fail_on;
  std::string now;
  std::string min_confidence = "medium";
  std::string rules_dir;
  size_t top = 10;
};

// `with_findings` (the audit command): also --findings, --format, --output,
// --min-confidence and --rules. Without it (inside `scan`, which has those
// options itself): --audit-format and --audit-output instead; set
// `min_confidence` and `rules_dir` from scan's own options before PrepareAudit.
void AddAuditOptions(boost::program_options::options_description& desc, AuditCliOptions& o, bool with_findings);

struct PreparedAudit {
  rules::Register reg;
  rules::RuleSet rules;
  audit::AuditOptions options;
  audit::AuditOutputs outputs;
  std::optional<audit::Severity> fail_at;  // --fail-on threshold
};

// Validates the options and loads register and rules; on failure prints the
// reason (prefixed with `who`) and returns the exit code.
std::expected<PreparedAudit, int> PrepareAudit(const AuditCliOptions& o, const std::string& who);

// Writes every output; returns the exit code (0, 1 for --fail-on, 3 when an
// output cannot be written).
int FinishAudit(const audit::AuditResult& result, const PreparedAudit& prepared, const std::string& who);

}  // namespace piiscan::cli
