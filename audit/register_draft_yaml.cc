// Writes a RegisterDraft as register YAML with comments for the person who
// completes it (part of audit/register_draft.h).
#include <cstdio>

#include "audit/register_draft.h"
#include "audit/statement_text.h"

namespace piiscan::audit {
namespace {

// A YAML double-quoted scalar.
std::string Q(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string List(const std::vector<std::string>& items, bool quote) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + (quote ? Q(items[i]) : items[i]);
  return out + "]";
}

std::string Comment(const std::string& text, const std::string& indent) {
  return indent + "# " + statement::Quote(text, 150) + "\n";
}

std::string Period(int months) {
  return months % 12 == 0 ? std::to_string(months / 12) + "y" : std::to_string(months) + "m";
}

void WriteSystem(std::string& y, const DraftSystem& s) {
  y += "  - id: " + Q(s.id) + "\n";
  y += "    name: " + Q(s.name) + "\n";
  y += "    kind: " + Q(s.kind) + "\n";
  y += "    # TODO locations: where this system's data lies in what you scan (globs over\n"
       "    # file paths, e.g. \"shares/finance/**\" or \"exports/" + s.id + "/**\").\n";
  y += "    locations: []\n";
  if (s.categories.empty()) {
    y += "    # TODO categories: the statement does not say which data this system holds.\n";
    y += "    categories: []\n";
  } else {
    if (s.categories_assumed) {
      y += "    # TODO check categories: not tied to this system in the text; taken from\n"
           "    # what the statement lists overall.\n";
    } else {
      for (size_t i = 0; i < s.evidence.size() && i < 2; ++i) y += Comment("from: \"" + s.evidence[i] + "\"", "    ");
    }
    y += "    categories: " + List(s.categories, false) + "\n";
  }
  for (size_t i = 0; i < s.retention_notes.size() && i < 3; ++i) {
    y += Comment("retention as stated: \"" + s.retention_notes[i] + "\"", "    ");
  }
  if (s.retention_months) {
    y += "    retention: " + Period(*s.retention_months) + "\n";
  } else if (!s.retention_notes.empty()) {
    y += "    # TODO retention: the statement gives no period; set one (24m, 2y, 7y ...).\n";
  }
  if (!s.purposes.empty()) {
    y += "    # TODO check purposes: suggested for a system of this kind.\n";
    y += "    purposes: " + List(s.purposes, true) + "\n";
  }
}

}  // namespace

std::string DraftToYaml(const RegisterDraft& d, const std::string& source_name) {
  std::string y;
  y += "# Draft register of processing (AVG art. 30), written by `piiscan register draft`\n";
  y += "# from " + statement::Quote(source_name, 120) + ".\n";
  y += "# A starting point, not a register: check every line against reality. Lines\n";
  y += "# marked TODO need a person; quotes show the sentence a value was taken from.\n";
  y += "# Format: docs/register.md. Try it: piiscan audit --register THIS.yaml --findings F.jsonl\n\n";
  if (d.organisation.empty()) y += "# TODO organisation: the statement does not name it clearly.\n";
  y += "organisation: " + Q(d.organisation) + "\n";
  if (!d.kvk.empty()) y += "kvk: " + Q(d.kvk) + "\n";
  if (!d.legal_form.empty()) y += "legal_form: " + Q(d.legal_form) + "\n";
  if (!d.legal_basis.empty()) {
    for (size_t i = 0; i < d.legal_basis_evidence.size() && i < 3; ++i) {
      y += Comment("legal basis: \"" + d.legal_basis_evidence[i] + "\"", "");
    }
    y += "# TODO check legal_basis: named for the whole organisation; set it per system where it differs.\n";
    y += "legal_basis: " + List(d.legal_basis, false) + "\n";
  }
  if (!d.promises.empty()) {
    y += "promises:\n";
    for (const auto& p : d.promises) {
      y += Comment("\"" + p.evidence + "\"", "  ");
      if (p.name == "bsn_basis") {
        y += "  # TODO bsn_basis: name the law that requires BSN use (UAVG art. 46).\n";
        y += "  bsn_basis: " + Q(statement::Quote(p.evidence, 120)) + "\n";
      } else {
        y += "  " + p.name + ": true\n";
      }
      if (p.name == "no_physical_copies") {
        y += "  # Not the same as no_id_copies: add `no_id_copies: true` if you also promise\n"
             "  # not to keep copies of ID documents (scans included).\n";
      }
    }
  }
  for (size_t i = 0; i < d.retention_notes.size() && i < 3; ++i) {
    y += Comment("retention (whole organisation) as stated: \"" + d.retention_notes[i] + "\"", "");
  }
  if (d.retention_months) y += "retention: " + Period(*d.retention_months) + "\n";
  if (!d.data_retention.empty()) {
    y += "# Retention periods the statement gives per kind of data (set them on the\n"
         "# systems that hold that data):\n";
    for (const auto& r : d.data_retention) {
      std::string data = r.data.empty() ? "(not said)" : r.data;
      y += "#   " + statement::Quote(data, 60) + ": " + Period(r.months) + "  (\"" +
           statement::Quote(r.note, 100) + "\")\n";
    }
  }
  if (!d.overall_categories.empty()) {
    y += "# Data the statement lists without naming a system: " + List(d.overall_categories, false) + "\n";
  }
  if (!d.unmapped.empty()) {
    y += "# Also named, with no piiscan category (not checked by a scan): " + List(d.unmapped, false) + "\n";
  }
  y += "\n";
  if (d.systems.empty()) {
    y += "# TODO systems: the statement names no system piiscan knows; add them.\n";
    y += "systems: []\n";
    return y;
  }
  y += "systems:\n";
  for (size_t i = 0; i < d.systems.size(); ++i) {
    if (i) y += "\n";
    WriteSystem(y, d.systems[i]);
  }
  return y;
}

}  // namespace piiscan::audit
