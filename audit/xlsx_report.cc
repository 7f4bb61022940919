#include "audit/xlsx_report.h"

#include <algorithm>
#include <vector>

#include "audit/audit_rules.h"
#include "audit/xlsx_trends.h"
#include "reports/xlsx_sheet.h"

namespace piiscan::audit {
namespace {

using reports::XlsxSheet;
using reports::XlsxWorkbook;

void SummarySheet(const XlsxWorkbook& wb, const AuditResult& r) {
  XlsxSheet s(wb, "Summary", {{"Measure", 44}, {"Value", 60}});
  auto text = [&](const std::string& k, const std::string& v) {
    s.Str(0, k);
    s.Str(1, v);
    s.Next();
  };
  auto num = [&](const std::string& k, double v) {
    s.Str(0, k);
    s.Num(1, v);
    s.Next();
  };
  const auto& m = r.summary;
  text("Organisation", r.organisation);
  text("Register", r.register_file);
  text("Retention judged on", FormatIsoDate(r.now));
  text("Minimum confidence", r.min_confidence);
  num("Findings counted", m.findings_counted);
  num("Findings below minimum confidence", m.below_confidence);
  num("Files with findings", m.files_with_findings);
  if (m.files_scanned) num("Files scanned", m.files_scanned);
  num("Files not (fully) read", m.unscanned_files);
  num("Findings outside every system", m.undeclared_findings);
  for (auto sev : {Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow, Severity::kInfo}) {
    num("Gaps: " + std::string(SeverityName(sev)),
        std::count_if(r.gaps.begin(), r.gaps.end(), [&](const Gap& g) { return g.severity == sev; }));
  }
  for (const auto& [cat, n] : m.by_category) num("Findings: category " + cat, n);
  for (const auto& sys : r.systems) num("Findings: system " + sys.id, sys.findings);
  for (const auto& [st, n] : m.by_status) num("Unscanned records: " + st, n);
  if (r.finding_rows_truncated) text("Note", "The Findings sheet lists the first " +
                                                 std::to_string(r.finding_rows.size()) + " findings only");
  for (const auto& w : r.warnings) text("Warning", w);
  s.Finish();
}

void GapsSheet(const XlsxWorkbook& wb, const AuditResult& r) {
  XlsxSheet s(wb, "Gaps", {{"Severity", 10}, {"Kind", 22}, {"System", 18}, {"Category", 18}, {"Status", 11}, {"Count", 8},
           {"Files", 7}, {"Items", 7}, {"Distinct values", 9}, {"Message", 70}, {"Top locations", 60},
           {"Masked samples", 36}, {"Oldest item", 12}, {"Promise broken", 9}});
  for (const auto& g : r.gaps) {
    s.Str(0, SeverityName(g.severity));
    s.Str(1, GapKindName(g.kind));
    s.Str(2, g.system);
    s.Str(3, g.category);
    s.Str(4, g.status);
    s.Num(5, g.count);
    s.Num(6, g.files);
    if (g.kind == GapKind::kRetentionExceeded) s.Num(7, g.items);
    if (g.distinct_values) s.Num(8, g.distinct_values);
    s.Str(9, g.message, wb.wrap);
    std::string locs, samples;
    for (const auto& l : g.locations) locs += (locs.empty() ? "" : "\n") + l.file + " (" + std::to_string(l.count) + ")";
    for (const auto& smp : g.samples) samples += (samples.empty() ? "" : "\n") + smp.masked;
    s.Str(10, locs, wb.wrap);
    s.Str(11, samples, wb.wrap);
    if (g.oldest) s.Str(12, FormatIsoDate(*g.oldest));
    s.Str(13, g.promise_broken ? "yes" : "");
    s.Next();
  }
  s.Finish();
}

void FindingsSheet(const XlsxWorkbook& wb, const AuditResult& r) {
  XlsxSheet s(wb, "Findings", {{"File", 50}, {"Location", 36}, {"Detector", 14}, {"Category", 16}, {"Confidence", 10}, {"Masked", 26},
           {"System", 16}, {"Gap", 20}, {"Item date", 11}});
  for (const auto& f : r.finding_rows) {
    s.Str(0, f.file);
    s.Str(1, JoinLocation(f.location));
    s.Str(2, f.detector);
    s.Str(3, f.category);
    s.Str(4, ConfidenceName(f.confidence));
    s.Str(5, f.masked);
    s.Str(6, f.system);
    s.Str(7, f.gap);
    if (f.item_time) s.Str(8, FormatIsoDate(*f.item_time));
    s.Next();
  }
  s.Finish();
}

void UnscannedSheet(const XlsxWorkbook& wb, const AuditResult& r) {
  XlsxSheet s(wb, "Unscanned", {{"File", 50}, {"Location", 30}, {"Status", 12}, {"Reason", 50}, {"System", 16}});
  for (const auto& u : r.unscanned) {
    s.Str(0, u.file);
    s.Str(1, JoinLocation(u.location));
    s.Str(2, u.status);
    s.Str(3, u.reason);
    s.Str(4, u.system);
    s.Next();
  }
  s.Finish();
}

}  // namespace

Result<void> WriteAuditXlsx(const AuditResult& r, const std::string& path) {
  auto wb = reports::OpenXlsx(path);
  if (!wb) return std::unexpected(wb.error());
  SummarySheet(*wb, r);
  GapsSheet(*wb, r);
  FindingsSheet(*wb, r);
  UnscannedSheet(*wb, r);
  if (r.trends) WriteTrendSheets(*wb, *r.trends);
  return reports::CloseXlsx(*wb, path);
}

}  // namespace piiscan::audit
