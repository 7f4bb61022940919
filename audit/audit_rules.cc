#include "audit/audit_rules.h"

namespace piiscan::audit {
namespace {

std::string Plural(uint64_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

bool AnySensitive(const Gap& g, const rules::CategoryVocabulary& vocab) {
  if (vocab.IsSensitive(g.category)) return true;
  for (const auto& [cat, n] : g.by_category) {
    if (vocab.IsSensitive(cat)) return true;
  }
  return false;
}

std::string SystemName(const Gap& g, const rules::Register& reg) {
  const auto* s = reg.Find(g.system);
  if (!s || s->name == s->id) return "'" + g.system + "'";
  return "'" + g.system + "' (" + s->name + ")";
}

}  // namespace

std::string_view GapKindName(GapKind kind) {
  switch (kind) {
    case GapKind::kSpecialCategory: return "special_category";
    case GapKind::kBsnWithoutBasis: return "bsn_without_basis";
    case GapKind::kIdCopy: return "id_copy";
    case GapKind::kUndeclaredLocation: return "undeclared_location";
    case GapKind::kUndeclaredCategory: return "undeclared_category";
    case GapKind::kRetentionExceeded: return "retention_exceeded";
    case GapKind::kUnscanned: return "unscanned";
    case GapKind::kDeclaredNotFound: return "declared_not_found";
  }
  return "unknown";
}

std::string_view SeverityName(Severity s) {
  switch (s) {
    case Severity::kCritical: return "critical";
    case Severity::kHigh: return "high";
    case Severity::kMedium: return "medium";
    case Severity::kLow: return "low";
    case Severity::kInfo: return "info";
  }
  return "unknown";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  for (auto s : {Severity::kCritical, Severity::kHigh, Severity::kMedium, Severity::kLow, Severity::kInfo}) {
    if (SeverityName(s) == name) return s;
  }
  return std::nullopt;
}

Severity GapSeverity(const Gap& g, const rules::CategoryVocabulary& vocab) {
  if (g.promise_broken) return Severity::kCritical;
  switch (g.kind) {
    case GapKind::kSpecialCategory:
    case GapKind::kBsnWithoutBasis:
      return Severity::kCritical;
    case GapKind::kIdCopy:
      return Severity::kHigh;
    case GapKind::kUndeclaredLocation:
      if (g.category == "special_category" || g.category == "national_id") return Severity::kCritical;
      return vocab.IsSensitive(g.category) ? Severity::kHigh : Severity::kMedium;
    case GapKind::kUndeclaredCategory:
    case GapKind::kRetentionExceeded:
      return AnySensitive(g, vocab) ? Severity::kHigh : Severity::kMedium;
    case GapKind::kUnscanned:
      return g.status == "encrypted" || g.status == "unreadable" ? Severity::kMedium : Severity::kLow;
    case GapKind::kDeclaredNotFound:
      return Severity::kInfo;
  }
  return Severity::kMedium;
}

std::string GapMessage(const Gap& g, const rules::Register& reg, const rules::CategoryVocabulary& vocab) {
  std::string label = vocab.Label(g.category);
  std::string in_files = " in " + Plural(g.files, "file", "files");
  switch (g.kind) {
    case GapKind::kSpecialCategory:
      return Plural(g.count, "finding", "findings") + " of special-category data" + in_files + " of system " +
             SystemName(g, reg) +
             (g.promise_broken ? ", although the register promises no special categories"
                               : ", which does not declare special categories");
    case GapKind::kBsnWithoutBasis:
      return Plural(g.count, "BSN", "BSNs") + in_files + " of system " + SystemName(g, reg) +
             ", with no legal basis for BSN use declared (UAVG art. 46)";
    case GapKind::kIdCopy:
      return Plural(g.count, "identity-document number", "identity-document numbers") + in_files +
             " of system " + SystemName(g, reg) +
             (g.promise_broken ? ", although the register promises no ID copies"
                               : ", which does not declare identity documents");
    case GapKind::kUndeclaredLocation:
      return Plural(g.count, "finding", "findings") + " of " + label + in_files +
             " that no system's locations cover";
    case GapKind::kUndeclaredCategory:
      return "system " + SystemName(g, reg) + " holds " + label + " (" + Plural(g.count, "finding", "findings") +
             in_files + "), which it does not declare";
    case GapKind::kRetentionExceeded: {
      std::string msg = Plural(g.items, "item", "items") + " (" + Plural(g.count, "finding", "findings") +
                        ") in system " + SystemName(g, reg) + " older than its retention of " +
                        std::to_string(g.retention_months) + " months";
      if (g.oldest) msg += "; oldest " + FormatIsoDate(*g.oldest);
      return msg;
    }
    case GapKind::kUnscanned:
      return Plural(g.files, "file", "files") + (g.system.empty() ? "" : " of system " + SystemName(g, reg)) +
             " not (fully) read: " + g.status;
    case GapKind::kDeclaredNotFound:
      return "system " + SystemName(g, reg) + " declares " + label +
             (g.files == 0 ? ", but no personal data at all was found in its locations (were they scanned?)"
                           : ", but none was found (over-declared, or kept elsewhere)");
  }
  return "";
}

std::string_view GapKindTitle(GapKind kind) {
  switch (kind) {
    case GapKind::kSpecialCategory: return "Special-category data";
    case GapKind::kBsnWithoutBasis: return "BSN without legal basis";
    case GapKind::kIdCopy: return "ID-document copies";
    case GapKind::kUndeclaredLocation: return "Undeclared location";
    case GapKind::kUndeclaredCategory: return "Undeclared category";
    case GapKind::kRetentionExceeded: return "Retention exceeded";
    case GapKind::kUnscanned: return "Not scanned";
    case GapKind::kDeclaredNotFound: return "Declared, not found";
  }
  return "";
}

std::string_view GapAdvice(GapKind kind) {
  switch (kind) {
    case GapKind::kSpecialCategory:
      return "Special categories (AVG art. 9) need an exception and a declaration; remove the data or declare it "
             "with its ground.";
    case GapKind::kBsnWithoutBasis:
      return "BSN may only be used where a law requires it (UAVG art. 46): record the ground as bsn_basis, or "
             "remove the numbers.";
    case GapKind::kIdCopy:
      return "Copies of ID documents are rarely allowed; keep them only where a law requires it, and declare it.";
    case GapKind::kUndeclaredLocation:
      return "Personal data lies where no system of the register reaches: add the location to a system, or "
             "clean it up.";
    case GapKind::kUndeclaredCategory:
      return "The system holds a kind of data its register entry does not mention: update the register or "
             "remove the data.";
    case GapKind::kRetentionExceeded:
      return "Items are older than the declared retention period: delete or archive them, or correct the period.";
    case GapKind::kUnscanned:
      return "These files could not be checked (encrypted, damaged, over a limit): check them by hand.";
    case GapKind::kDeclaredNotFound:
      return "Declared but not found: the register may over-declare, or the data lives where it was not scanned.";
  }
  return "";
}

}  // namespace piiscan::audit
