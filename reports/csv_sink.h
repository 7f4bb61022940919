#pragma once
// Findings as CSV with the JSONL columns (location joined with " > "); status
// records as rows with the `status` and `reason` columns filled.
#include <memory>

#include "reports/output_file.h"
#include "reports/sink.h"

namespace piiscan::reports {

std::unique_ptr<Sink> MakeCsvSink(OutputFile out, bool with_values);
// One quoted CSV field, valid UTF-8, with spreadsheet formulas defused.
void AppendCsvField(std::string& out, std::string_view s);

}  // namespace piiscan::reports
