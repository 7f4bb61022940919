#include "audit/audit_writer.h"

#include "audit/audit_output.h"
#include "audit/html_report.h"
#include "audit/xlsx_report.h"
#include "reports/output_file.h"

namespace piiscan::audit {
namespace {

Result<void> WriteText(const std::string& path, const std::string& text) {
  auto out = reports::OutputFile::Open(path);
  if (!out) return std::unexpected(out.error());
  out->Write(text);
  if (!out->Flush()) return Fail("could not write " + path);
  return {};
}

class AuditSink final : public reports::Sink {
 public:
  explicit AuditSink(Auditor& auditor) : auditor_(auditor) {}
  void Item(const ItemReport& report) override { auditor_.AddItem(report); }
  bool Finish(const reports::ScanSummary&) override { return true; }

 private:
  Auditor& auditor_;
};

}  // namespace

Result<void> WriteAuditOutputs(const AuditResult& result, const AuditOutputs& o, const rules::RuleSet& rules) {
  if (!o.html.empty()) {
    auto html = RenderAuditHtml(result, rules);
    if (!html) return std::unexpected(html.error());
    if (auto w = WriteText(o.html, *html); !w) return w;
  }
  if (!o.xlsx.empty()) {
    if (auto w = WriteAuditXlsx(result, o.xlsx); !w) return w;
  }
  std::string body = o.format == "json" ? FormatAuditJson(result) : FormatAuditText(result, o.color);
  return WriteText(o.output, body);
}

std::unique_ptr<reports::Sink> MakeAuditSink(Auditor& auditor) { return std::make_unique<AuditSink>(auditor); }

}  // namespace piiscan::audit
