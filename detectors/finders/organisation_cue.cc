#include "detectors/finders/organisation_cue.h"

#include "detectors/finders/name_parser.h"

namespace piiscan::detectors {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// The letters of the word at p, lower case, without trailing punctuation.
std::string LowerWordAt(std::string_view t, size_t p) {
  std::string w = LowerAscii(WordAt(t, p));
  while (!w.empty() && (w.back() == '.' || w.back() == '-' || w.back() == '\'')) w.pop_back();
  return w;
}

// Start of the word that ends right before `end` (one blank between), or
// npos when there is none on this line.
size_t WordBefore(std::string_view t, size_t end) {
  if (end < 2 || !IsBlank(t[end - 1])) return std::string_view::npos;
  size_t we = end - 1;
  size_t wb = we;
  while (wb > 0 && IsLetterAt(t, wb - 1)) --wb;
  while (wb < we && (static_cast<unsigned char>(t[wb]) & 0xC0) == 0x80) ++wb;  // inside a character
  if (wb == we || (wb > 0 && !IsBlank(t[wb - 1]) && t[wb - 1] != '\n' && t[wb - 1] != '(' && t[wb - 1] != '"')) {
    return std::string_view::npos;
  }
  return wb;
}

}  // namespace

void OrganisationWords::Add(std::string_view term) {
  std::string l = LowerAscii(term);
  if (l.size() > 1 && l[0] == '*') {
    suffixes.push_back(l.substr(1));
    words.insert(l.substr(1));
  } else if (!l.empty()) {
    words.insert(l);
  }
}

bool OrganisationWords::Matches(const std::string& w) const {
  if (words.contains(w)) return true;
  for (const auto& s : suffixes) {
    if (w.size() > s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0) return true;
  }
  return false;
}

bool OrganisationWords::Compound(const std::string& w, size_t min_head) const {
  for (const auto& s : suffixes) {
    if (w.size() >= s.size() + min_head && w.compare(w.size() - s.size(), s.size(), s) == 0) return true;
  }
  return false;
}

bool OrganisationWords::Suffix(const std::string& w) const {
  for (const auto& s : suffixes) {
    if (w.size() >= s.size() && w.compare(w.size() - s.size(), s.size(), s) == 0) return true;
  }
  return false;
}

bool LooksLikeOrganisation(std::string_view t, const ParsedName& n, const NameLexicon& lex) {
  const OrganisationWords& org = lex.organisation_words;
  if (org.words.empty()) return false;
  // Inside: "Mercedes Vito" (a brand first, then a model), or a
  // compound institution word the parser took as the surname: "Jeroen
  // Bosch Kinderziekenhuis", "Wilhelmina Kinderziekenhuis" (of two words,
  // only a compound with four letters or more before its ending: "Jan
  // Verschool" is a person).
  std::string first = LowerWordAt(t, n.begin);
  bool last_known = lex.surnames.contains(n.last);
  if (org.Exact(first) && n.end > n.begin + first.size()) return true;
  if (!last_known && (n.given >= 2 ? org.Matches(n.last) : org.Compound(n.last, 4))) return true;
  // After: "Sanne Bakker Ziekenhuis". In lower case, an institution noun
  // (a `*` term: "bij Jeroen Bosch ziekenhuis" is no Dutch about a person)
  // or any word after an article ("in het Sanne Bakker theater").
  size_t p = n.end;
  int blanks = 0;
  while (p < t.size() && IsBlank(t[p]) && blanks < 2) ++p, ++blanks;
  if (blanks > 0 && p < t.size() && IsLetterAt(t, p)) {
    std::string next = LowerWordAt(t, p);
    if (org.Matches(next)) {
      if (IsUpperAt(t, p) || org.Suffix(next)) return true;
      size_t a = WordBefore(t, n.begin);
      if (a != std::string_view::npos) {
        std::string article = LowerAscii(t.substr(a, n.begin - 1 - a));
        if (article == "het" || article == "de" || article == "t") return true;
      }
    }
  }
  // Before: "Basisschool Anne Kaya", "Museum Jan Cunen" (capitalised).
  size_t b = WordBefore(t, n.begin);
  if (b != std::string_view::npos && IsUpperAt(t, b)) {
    std::string before = LowerAscii(t.substr(b, n.begin - 1 - b));
    if (org.Matches(before) || lex.company_markers.contains(before)) return true;  // "Stichting Jan Smit"
  }
  return false;
}

}  // namespace piiscan::detectors
