#pragma once
// The audit result as text for people (a terminal summary, gaps by severity)
// and as JSON for machines (docs/register.md describes the shape). Masked
// values only: an AuditResult never holds raw ones. Pure functions.

#include <string>

#include "audit/audit.h"

namespace piiscan::audit {

// `color`: ANSI colours for severities (when writing to a terminal).
std::string FormatAuditText(const AuditResult& result, bool color = false);
std::string FormatAuditJson(const AuditResult& result);

}  // namespace piiscan::audit
