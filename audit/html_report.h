#pragma once
// The audit as one self-contained HTML page for an auditor or DPO: overview
// and coverage, findings by category and by system (inline SVG bars), the gap
// table by severity with evidence and masked samples, top folders, unscanned
// files. No scripts, no external assets; prints on A4. Rendered from the
// mustache template rules/data/templates/audit_report.mustache (every value
// HTML-escaped by the template engine). Pure function; thread-safe.

#include <string>

#include "audit/audit.h"
#include "core/status.h"
#include "rules/detector_spec.h"

namespace piiscan::audit {

Result<std::string> RenderAuditHtml(const AuditResult& result, const rules::RuleSet& rules);

}  // namespace piiscan::audit
