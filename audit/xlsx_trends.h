#pragma once
// The audit spreadsheet's trend sheets (`audit --db --xlsx`): Trends (findings
// and gaps per completed scan, for all systems and per system and category,
// with a line chart of the totals), Changes (new and resolved per system and
// category since the previous completed scan) and Changed findings (masked).
// Not thread-safe: one writer per workbook.

#include "audit/audit_trends.h"
#include "reports/xlsx_sheet.h"

namespace piiscan::audit {

void WriteTrendSheets(const reports::XlsxWorkbook& wb, const AuditTrends& trends);

}  // namespace piiscan::audit
