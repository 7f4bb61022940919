#pragma once
// Findings as CSV with the JSONL columns (location joined with " > "); status
// records as rows with the `status` and `reason` columns filled.
#include <memory>

#include "reports/output_file.h"
#include "reports/sink.h"

namespace piiscan::reports {

std::unique_ptr<Sink> MakeCsvSink(OutputFile out, bool with_values);
// The header line (with its newline) and one finding's row (without), as the
// sink writes them: for outputs that add a column (report --since).
std::string_view CsvHeader(bool with_values);
void AppendCsvFinding(std::string& out, const Finding& f, bool with_values);
// One status record's row (without newline).
void AppendCsvStatus(std::string& out, const StatusRecord& s, bool with_values);
// One quoted CSV field, valid UTF-8, with spreadsheet formulas defused.
void AppendCsvField(std::string& out, std::string_view s);

}  // namespace piiscan::reports
