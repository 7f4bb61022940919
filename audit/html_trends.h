#pragma once
// The view model of the audit page's trends (`audit --db --report`): a line
// chart per system (and one for all systems) of findings and gaps at each
// completed scan, with the same numbers in a table for screen readers and
// print, and the new and resolved findings since the previous completed
// scan. The chart geometry is computed here; the markup (SVG drawn without
// script) is in templates/audit_report.mustache. Pure functions; thread-safe.

#include <kainjow/mustache.hpp>

#include "audit/audit_trends.h"
#include "rules/category_aliases.h"

namespace piiscan::audit {

kainjow::mustache::data TrendsView(const AuditTrends& trends,
                                   const rules::CategoryVocabulary& vocab);

}  // namespace piiscan::audit
