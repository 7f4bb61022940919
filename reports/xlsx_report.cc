#include "reports/xlsx_report.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <vector>

#include "reports/audit_rules.h"
#include "reports/output_file.h"

namespace piiscan::reports {
namespace {

// XML 1.0 has no place for most control characters; a path may contain them.
std::string Clean(std::string_view s) {
  std::string out(s.substr(0, 32000));
  for (auto& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') c = '?';
  }
  return out;
}

class Sheet {
 public:
  Sheet(lxw_workbook* wb, const char* name, lxw_format* header, const std::vector<std::pair<const char*, double>>& cols)
      : ws_(workbook_add_worksheet(wb, name)), cols_(cols.size()) {
    for (size_t c = 0; c < cols.size(); ++c) {
      worksheet_write_string(ws_, 0, c, cols[c].first, header);
      worksheet_set_column(ws_, c, c, cols[c].second, nullptr);
    }
    worksheet_freeze_panes(ws_, 1, 0);
  }
  void Str(size_t col, std::string_view s, lxw_format* f = nullptr) {
    worksheet_write_string(ws_, row_, col, Clean(s).c_str(), f);
  }
  void Num(size_t col, double v) { worksheet_write_number(ws_, row_, col, v, nullptr); }
  void Next() { ++row_; }
  // Call once all rows are written.
  void Finish() { worksheet_autofilter(ws_, 0, 0, std::max<lxw_row_t>(row_ - 1, 1), cols_ - 1); }
  lxw_row_t row() const { return row_; }

 private:
  lxw_worksheet* ws_;
  size_t cols_;
  lxw_row_t row_ = 1;
};

void SummarySheet(lxw_workbook* wb, lxw_format* header, const AuditResult& r) {
  Sheet s(wb, "Summary", header, {{"Measure", 44}, {"Value", 60}});
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

void GapsSheet(lxw_workbook* wb, lxw_format* header, lxw_format* wrap, const AuditResult& r) {
  Sheet s(wb, "Gaps", header,
          {{"Severity", 10}, {"Kind", 22}, {"System", 18}, {"Category", 18}, {"Status", 11}, {"Count", 8},
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
    s.Str(9, g.message, wrap);
    std::string locs, samples;
    for (const auto& l : g.locations) locs += (locs.empty() ? "" : "\n") + l.file + " (" + std::to_string(l.count) + ")";
    for (const auto& smp : g.samples) samples += (samples.empty() ? "" : "\n") + smp.masked;
    s.Str(10, locs, wrap);
    s.Str(11, samples, wrap);
    if (g.oldest) s.Str(12, FormatIsoDate(*g.oldest));
    s.Str(13, g.promise_broken ? "yes" : "");
    s.Next();
  }
  s.Finish();
}

void FindingsSheet(lxw_workbook* wb, lxw_format* header, const AuditResult& r) {
  Sheet s(wb, "Findings", header,
          {{"File", 50}, {"Location", 36}, {"Detector", 14}, {"Category", 16}, {"Confidence", 10}, {"Masked", 26},
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

void UnscannedSheet(lxw_workbook* wb, lxw_format* header, const AuditResult& r) {
  Sheet s(wb, "Unscanned", header, {{"File", 50}, {"Location", 30}, {"Status", 12}, {"Reason", 50}, {"System", 16}});
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
  // Create the file ourselves first, by the rules of every output (0600,
  // no symbolic link, regular file: output_file.h); libxlsxwriter then
  // rewrites it in place, keeping the mode.
  auto fd = OpenOutputDescriptor(path);
  if (!fd) return std::unexpected(fd.error());
  ::close(*fd);
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return Fail("cannot write " + path);
  lxw_format* header = workbook_add_format(wb);
  format_set_bold(header);
  format_set_bg_color(header, 0xE8EDF3);
  format_set_bottom(header, LXW_BORDER_THIN);
  lxw_format* wrap = workbook_add_format(wb);
  format_set_text_wrap(wrap);
  format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
  SummarySheet(wb, header, r);
  GapsSheet(wb, header, wrap, r);
  FindingsSheet(wb, header, r);
  UnscannedSheet(wb, header, r);
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) return Fail("cannot write " + path + ": " + lxw_strerror(err));
  return {};
}

}  // namespace piiscan::reports
