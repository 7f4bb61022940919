#include "detectors/finders/organisation_cue.h"

#include <array>

#include "detectors/finders/name_parser.h"

namespace piiscan::detectors {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// The word at p, lower case (ASCII), without trailing punctuation, in
// `buf`; empty when it is longer than any lexicon word can be.
std::string_view LowerWordAt(std::string_view t, size_t p, std::array<char, 48>& buf) {
  std::string_view w = WordAt(t, p);
  while (!w.empty() && (w.back() == '.' || w.back() == '-' || w.back() == '\'')) w.remove_suffix(1);
  if (w.size() > buf.size()) return {};
  for (size_t i = 0; i < w.size(); ++i) {
    char ch = w[i];
    buf[i] = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + ('a' - 'A')) : ch;
  }
  return {buf.data(), w.size()};
}

bool EndsIn(std::string_view w, std::string_view s, size_t min_head) {
  return w.size() >= s.size() + min_head && w.substr(w.size() - s.size()) == s;
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

bool OrganisationWords::Matches(std::string_view w) const { return Exact(w) || Compound(w, 1); }

bool OrganisationWords::Compound(std::string_view w, size_t min_head) const {
  for (const auto& s : suffixes) {
    if (EndsIn(w, s, min_head)) return true;
  }
  return false;
}

bool OrganisationWords::Suffix(std::string_view w) const { return Compound(w, 0); }

bool LooksLikeOrganisation(std::string_view t, const ParsedName& n, const NameLexicon& lex) {
  const OrganisationWords& org = lex.organisation_words;
  if (org.words.empty()) return false;
  // Inside: "Mercedes Vito" (a brand first, then a model), or a
  // compound institution word the parser took as the surname: "Jeroen
  // Bosch Kinderziekenhuis", "Wilhelmina Kinderziekenhuis" (of two words,
  // only a compound with four letters or more before its ending: "Jan
  // Verschool" is a person).
  std::array<char, 48> buf;
  std::string_view first = LowerWordAt(t, n.begin, buf);
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
    std::string_view next = LowerWordAt(t, p, buf);
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
    std::string_view before = LowerWordAt(t, b, buf);
    if (org.Matches(before) || (!before.empty() && lex.company_markers.contains(std::string(before)))) {
      return true;  // "Stichting Jan Smit"
    }
  }
  return false;
}

}  // namespace piiscan::detectors
