#pragma once
// The severity rule and the one-line message of a gap, in one place so that
// docs/register.md, the terminal, JSON, HTML and XLSX all say the same.
// Pure functions; thread-safe.

#include <string>

#include "audit/audit.h"
#include "rules/category_aliases.h"
#include "rules/register.h"

namespace piiscan::audit {

// critical: special categories; BSN without a legal basis (also BSN outside
//           every system); any gap that breaks a declared promise.
// high:     ID-document numbers where undeclared; sensitive categories
//           (national_id, identity_document, payment_card, special) outside
//           every system or undeclared in one; retention exceeded for
//           sensitive data; encrypted or unreadable files are medium.
// medium:   other undeclared categories and locations; retention exceeded.
// low:      other unscanned files (corrupt, limit, too large, unsupported).
// info:     declared categories never found.
Severity GapSeverity(const Gap& gap, const rules::CategoryVocabulary& vocab);

std::string GapMessage(const Gap& gap, const rules::Register& reg, const rules::CategoryVocabulary& vocab);

// A short title for people: "BSN without legal basis".
std::string_view GapKindTitle(GapKind kind);

// What a person should do about a kind of gap (reports show it once per kind).
std::string_view GapAdvice(GapKind kind);

}  // namespace piiscan::audit
