#pragma once
// Reads a Dutch-style personal name at a position in text: optional titles
// (dr., mr. ...), initials (J.P., Th., IJ.) or given names, tussenvoegsels
// (van, de, van der, in 't ...), and a capitalised surname, possibly a
// double name (Jansen-de Vries); or the surname-first form "De Vries, J.".
// It knows shapes and word lists only: whether a name is *likely* is the
// finder's business (person_name_finder.h).
//
// Thread safety: NameLexicon is immutable after construction; the functions
// are pure.

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "detectors/finders/organisation_cue.h"

namespace piiscan::detectors {

// A set of lower-case words that a std::string_view looks up (no copy).
using WordSet = std::unordered_set<std::string, OrganisationWords::Hash, std::equal_to<>>;

// Word lists the parser and finder use, lower case (ASCII folding only).
struct NameLexicon {
  WordSet first_names;
  WordSet surnames;
  WordSet prefixes;                               // tussenvoegsel words: van, de, der, 't ...
  WordSet common_words;                           // ordinary Dutch words that are also names
  WordSet company_markers;                        // b.v., bv, holding, groep ...
  WordSet street_suffixes;                        // straat, laan, weg ...
  WordSet stopwords;                              // capitalised words that are no name parts
  OrganisationWords organisation_words;           // ziekenhuis, *school, museum ... (organisation_cue.h)
};

struct ParsedName {
  uint32_t begin = 0, end = 0;   // span in the text (titles excluded)
  int given = 0;                 // capitalised given names
  int initials = 0;              // initial groups (J.P. counts 1)
  int prefixes = 0;              // tussenvoegsel words
  int surnames = 0;              // capitalised surname parts (De Vries = 1)
  std::string last;              // the (last) surname word, lower case
  std::string first;             // the first given name, lower case ("" if none)
  bool surname_first = false;    // "De Vries, J."
  bool ok() const { return end > begin; }
};

// UTF-8 aware letter classes (Latin-1 and Latin Extended-A cover the names
// of this country: é, ë, ö, ç, ş, ł, ż ...).
bool IsUpperAt(std::string_view text, size_t pos);
bool IsLetterAt(std::string_view text, size_t pos);
// Length in bytes of the UTF-8 character at pos (1 for ASCII and bad bytes).
size_t CharLen(std::string_view text, size_t pos);
std::string LowerAscii(std::string_view s);

// A word in lower case (ASCII folding only), on the stack when short: the
// parser looks several words up per name candidate, and a std::string per
// word was a tenth of its cost. Not copyable: view() points into it.
class LowerWord {
 public:
  explicit LowerWord(std::string_view s);
  LowerWord(const LowerWord&) = delete;
  LowerWord& operator=(const LowerWord&) = delete;
  std::string_view view() const { return view_; }

 private:
  char buf_[32];
  std::string long_;  // words longer than buf_
  std::string_view view_;
};

// Parses forward from `pos` (which must start a name part) on one line.
// `allow_single`: a lone capitalised word (a given name after "Beste")
// counts as a name. Returns !ok() when no name starts there.
ParsedName ParseNameAt(std::string_view text, size_t pos, const NameLexicon& lex, bool allow_single);

// Parses "Surname, I." / "De Vries, J.P." / "Vries, J. de" where `comma`
// is the position of the comma. Returns !ok() when the shape does not hold.
ParsedName ParseSurnameFirst(std::string_view text, size_t comma, const NameLexicon& lex);

// The word starting at pos (letters, digits, dots, apostrophes, hyphens),
// and the position just after it.
std::string_view WordAt(std::string_view text, size_t pos);

// True when the first word at or after `pos` (skipping blanks, '&' counts)
// marks a company: "B.V.", "Holding", "& Zn".
bool CompanyFollows(std::string_view text, size_t pos, const NameLexicon& lex);

// Collapses blank runs to single spaces and trims.
std::string SingleSpaced(std::string_view s);

}  // namespace piiscan::detectors
