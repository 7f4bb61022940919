#include "detectors/row_context.h"

#include <array>
#include <string>

#include "detectors/finders/name_parser.h"
#include "detectors/validators/iban.h"

namespace piiscan::detectors {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '"')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '"' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool Particle(std::string_view w) {
  static constexpr std::array<std::string_view, 18> kParticles = {
      "van", "de", "der", "den", "ter", "ten", "te", "'t", "het", "in", "op", "el", "al", "la", "le", "du", "da",
      "von"};
  for (auto p : kParticles) {
    if (w == p) return true;
  }
  return false;
}

// "Jansen", "Yılmaz", "Jansen-de", "O'Brien": a capital, then letters.
bool CapitalisedWord(std::string_view w) {
  if (w.empty() || !IsUpperAt(w, 0)) return false;
  size_t lowers = 0;
  for (size_t i = CharLen(w, 0); i < w.size();) {
    if (IsLetterAt(w, i)) {
      lowers += !IsUpperAt(w, i);
      i += CharLen(w, i);
    } else if (w[i] == '-' || w[i] == '\'') {
      ++i;
    } else {
      return false;
    }
  }
  return lowers > 0;
}

// "J.", "J.P.", "Th.": initials.
bool Initials(std::string_view w) {
  if (w.size() < 2 || w.back() != '.') return false;
  for (char c : w) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '.')) return false;
  }
  return w[0] >= 'A' && w[0] <= 'Z';
}

}  // namespace

bool NameShapedCell(std::string_view cell) {
  cell = Trim(cell);
  if (cell.size() < 4 || cell.size() > 80) return false;
  int caps = 0, initials = 0, words = 0;
  bool last_cap = false;
  size_t p = 0;
  while (p < cell.size()) {
    size_t q = cell.find(' ', p);
    if (q == std::string_view::npos) q = cell.size();
    std::string_view w = cell.substr(p, q - p);
    if (!w.empty() && w.back() == ',') w.remove_suffix(1);  // "De Vries, J."
    if (w.empty()) return false;
    ++words;
    last_cap = false;
    if (CapitalisedWord(w)) {
      ++caps;
      last_cap = true;
    } else if (Initials(w)) {
      ++initials;
    } else if (!Particle(w)) {
      return false;
    }
    p = q + 1;
  }
  if (words < 2 || words > 5 || caps == 0) return false;
  return caps + initials >= 2 && (last_cap || initials > 0);
}

bool RowHasNameAndIban(std::string_view row) {
  bool name = false, iban = false;
  size_t p = 0;
  while (p <= row.size() && !(name && iban)) {
    size_t q = row.find('\t', p);
    if (q == std::string_view::npos) q = row.size();
    std::string_view cell = Trim(row.substr(p, q - p));
    if (!iban && cell.size() >= 15 && cell.size() <= 42) {
      auto v = ValidateIban(cell);
      iban = v && !v->claim_only;
    }
    if (!name) name = NameShapedCell(cell);
    p = q + 1;
  }
  return name && iban;
}

}  // namespace piiscan::detectors
