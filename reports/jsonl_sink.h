#pragma once
// Findings as JSON Lines (docs/output.md): a header record with the scan's
// identity, one object per finding, one status record per file (or part)
// that could not be read, and a summary record at the end.
#include <memory>

#include "reports/output_file.h"
#include "reports/sink.h"

namespace piiscan::reports {

std::unique_ptr<Sink> MakeJsonlSink(OutputFile out);
// One finding / status record as a JSON object (no newline).
std::string FindingJson(const Finding& f);
// The same, appended to `out` (the sink writes a file's records into one buffer).
void AppendFindingJson(std::string& out, const Finding& f);
std::string StatusJson(const StatusRecord& s);
// The summary record that ends the stream: {"summary":{"files_scanned":...}}
// (docs/output.md), no newline.
std::string SummaryJson(const ScanSummary& s);
// The header record that opens the stream: {"header":{"scan_id":...}}
// (docs/output.md), no newline.
std::string HeaderJson(const ScanInfo& info);

}  // namespace piiscan::reports
