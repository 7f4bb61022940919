#pragma once
// Findings as JSON Lines, exactly as docs/output.md specifies: one object per
// finding, one status record per file (or part) that could not be read.
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

}  // namespace piiscan::reports
