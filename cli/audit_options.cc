#include "cli/audit_options.h"

#include <unistd.h>

#include <iostream>

#include "audit/audit_rules.h"
#include "cli/commands.h"
#include "rules/rule_loader.h"

namespace po = boost::program_options;

namespace piiscan::cli {

void AddAuditOptions(po::options_description& desc, AuditCliOptions& o, bool with_findings) {
  desc.add_options()
      ("register", po::value(&o.register_file),
       "the register of processing (YAML, see docs/register.md) to hold the findings against");
  if (with_findings) {
    desc.add_options()
        ("findings", po::value(&o.findings), "findings JSONL written by `piiscan scan` ('-' = stdin)")
        ("format", po::value(&o.format), "text (default: a summary for people) or json (the gaps, for machines)")
        ("output,o", po::value(&o.output), "write the text/json to FILE (created mode 0600); '-' = stdout (default)")
        ("min-confidence", po::value(&o.min_confidence), "count findings at or above: low, medium (default), high")
        ("rules", po::value(&o.rules_dir), "load rules (and the report template) from DIR");
  } else {
    // Inside `scan`, which has its own --format, --output and --min-confidence.
    desc.add_options()
        ("audit-format", po::value(&o.format), "with --register: text (default) or json")
        ("audit-output", po::value(&o.output), "with --register: write the audit text/json to FILE ('-' = stdout)");
  }
  desc.add_options()
      ("report", po::value(&o.report), "also write a self-contained HTML report to FILE.html")
      ("xlsx", po::value(&o.xlsx), "also write a spreadsheet (Summary, Gaps, Findings, Unscanned) to FILE.xlsx")
      ("fail-on", po::value(&o.fail_on),
       "exit 1 when there are gaps: 'gaps' (any gap above info), or a severity: critical, high, medium, low")
      ("now", po::value(&o.now), "judge retention as of this date, YYYY-MM-DD (default: today)")
      ("top", po::value(&o.top), "files listed per gap (default 10)");
}

std::expected<PreparedAudit, int> PrepareAudit(const AuditCliOptions& o, const std::string& who) {
  auto usage = [&](const std::string& msg) {
    std::cerr << who << ": " << msg << "\n";
    return std::unexpected(kExitUsage);
  };
  if (o.register_file.empty()) return usage("--register R.yaml is required");
  if (o.format != "text" && o.format != "json") return usage("--format must be text or json");
  PreparedAudit p;
  if (!o.fail_on.empty()) {
    if (o.fail_on == "gaps") {
      p.fail_at = audit::Severity::kLow;
    } else if (auto s = audit::ParseSeverity(o.fail_on); s && *s != audit::Severity::kInfo) {
      p.fail_at = *s;
    } else {
      return usage("--fail-on must be gaps, critical, high, medium or low");
    }
  }
  if (!o.now.empty()) {
    auto t = audit::ParseIsoDate(o.now);
    if (!t) return usage("--now must be a date YYYY-MM-DD, e.g. 2024-06-01");
    p.options.now = *t;
  }
  auto conf = ParseConfidence(o.min_confidence);
  if (!conf) return usage("--min-confidence must be low, medium or high");
  p.options.min_confidence = *conf;
  p.options.top_locations = o.top;
  auto reg = rules::LoadRegisterFile(o.register_file);
  if (!reg) return usage(reg.error().message);
  p.reg = std::move(*reg);
  auto rules = rules::LoadRules(o.rules_dir);
  if (!rules) {
    std::cerr << who << ": rules: " << rules.error().message << "\n";
    return std::unexpected(kExitFailure);
  }
  p.rules = std::move(*rules);
  p.outputs.format = o.format;
  p.outputs.output = o.output;
  p.outputs.html = o.report;
  p.outputs.xlsx = o.xlsx;
  p.outputs.color = o.format == "text" && o.output == "-" && ::isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  return p;
}

int FinishAudit(const audit::AuditResult& result, const PreparedAudit& p, const std::string& who) {
  if (auto w = audit::WriteAuditOutputs(result, p.outputs, p.rules); !w) {
    std::cerr << who << ": " << w.error().message << "\n";
    return kExitFailure;
  }
  if (p.fail_at && result.CountAtLeast(*p.fail_at) > 0) return kExitFindings;
  return kExitOk;
}

}  // namespace piiscan::cli
