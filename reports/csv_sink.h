#pragma once
// Findings as CSV with the JSONL columns (location joined with " > "); status
// records as rows with the `status` and `reason` columns filled.
#include <memory>

#include "reports/output_file.h"
#include "reports/sink.h"

namespace piiscan::reports {

std::unique_ptr<Sink> MakeCsvSink(OutputFile out, bool with_values);

}  // namespace piiscan::reports
