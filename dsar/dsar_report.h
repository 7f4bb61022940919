#pragma once
// The DSAR report (`piiscan person --report F.html`): one self-contained HTML
// page for the handler of an access or erasure request (AVG art. 15/17): the
// subject (masked) and the query, a summary per folder — and, with a
// register, per declared system with its purposes, legal basis and retention
// (what an art. 15 answer must state) — every hit grouped by file with its
// masked context, and what could not be searched (encrypted, damaged, over a
// limit). Rendered from rules/data/templates/dsar_report.mustache (values
// HTML-escaped by the template engine); no scripts, no external assets.
// The sink keeps the hits of the run in memory (hits of one subject are few)
// and writes the page at Finish. Not thread-safe: fed by the reporter thread.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "reports/output_file.h"
#include "reports/sink.h"
#include "rules/register.h"

namespace piiscan::dsar {

struct DsarReportInfo {
  std::string subject;  // masked, e.g. "J** d* V****"
  std::vector<std::pair<std::string, std::string>> query;  // field -> masked value
  std::vector<std::string> paths;                         // what was searched
  bool show_values = false;
  std::string generated;                                  // ISO date
  std::shared_ptr<const rules::Register> register_;       // optional
  std::string template_text;                              // the mustache template
};

Result<std::string> RenderDsarHtml(const DsarReportInfo& info, const std::vector<ItemReport>& items,
                                   const reports::ScanSummary& summary);
std::unique_ptr<reports::Sink> MakeDsarReportSink(reports::OutputFile out, DsarReportInfo info);

}  // namespace piiscan::dsar
