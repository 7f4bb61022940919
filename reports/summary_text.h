#pragma once
// The end-of-scan summary for people (written to stderr): files and bytes
// scanned, throughput, findings per detector, files per status.
#include <string>

#include "reports/sink.h"

namespace piiscan::reports {

std::string SummaryText(const ScanSummary& s);

}  // namespace piiscan::reports
