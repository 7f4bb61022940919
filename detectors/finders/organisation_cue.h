#pragma once
// Tells a person-name candidate that is really an organisation, place or
// product named after a person: "Jeroen Bosch Ziekenhuis", "het Sanne
// Bakker ziekenhuis", "Basisschool Anne Kaya", "Mercedes Vito" (brand +
// model). The words are the organisation_words lexicon (rules/data).
//
// Thread safety: OrganisationWords is immutable after construction; the
// functions are pure.

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace piiscan::detectors {

struct NameLexicon;
struct ParsedName;

// The lexicon, split into whole words and compound endings ("*kliniek").
// Looked up by string_view: every name candidate asks, and a std::string
// per question was most of the cost.
struct OrganisationWords {
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_set<std::string, Hash, std::equal_to<>> words;  // lower case
  std::vector<std::string> suffixes;                             // lower case, without the '*'

  void Add(std::string_view term);
  bool Exact(std::string_view lower_word) const { return words.find(lower_word) != words.end(); }
  // Exact, or a compound ending in a suffix term ("kinderziekenhuis").
  bool Matches(std::string_view lower_word) const;
  // A compound of at least `min_head` letters and a `*` term's ending.
  bool Compound(std::string_view lower_word, size_t min_head) const;
  // A compound ending (or whole word) of a `*` term: an institution noun.
  bool Suffix(std::string_view lower_word) const;
};

// True when the parsed name `n` in `t` stands beside an organisation word
// (after it, before it, or inside it; see organisation_words.txt).
bool LooksLikeOrganisation(std::string_view t, const ParsedName& n, const NameLexicon& lex);

}  // namespace piiscan::detectors
