#pragma once
// The audit as a spreadsheet for auditors (libxlsxwriter): sheets Summary,
// Gaps, Findings (one row per finding, masked, capped) and Unscanned, each
// with an autofilter and a frozen header row. The file is created mode 0600.

#include <string>

#include "audit/audit.h"
#include "core/status.h"

namespace piiscan::audit {

Result<void> WriteAuditXlsx(const AuditResult& result, const std::string& path);

}  // namespace piiscan::audit
