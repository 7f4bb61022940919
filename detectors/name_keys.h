#pragma once
// Keys that let a findings store answer a DSAR name query (piiscan person
// --db) by lookups, without holding any name in clear. At scan time every
// person_name finding gets
//   key     a keyed hash of its surname's last word ("J.P. de Vries",
//           "De Vries, Jan" and "Sanne Jansen-de Vries" all: "vries"),
//           the one value the store indexes;
//   tokens  the role and a short keyed hash of every part of the name:
//           s: surname words, g: given names, i: initials (written ones, and
//           the first letter of each given name), so that the query can
//           tell "Jan de Vries" (full name) from "J. de Vries" (initials +
//           surname) and "Piet de Vries" (surname only);
// and every e-mail finding a key of its local part ("jan.devries"), which a
// query matches against the local parts a name is written as.
// Parts are folded as the DSAR search folds text (core/person_fold.h:
// diacritics to ASCII) and lower-cased, so "Müller" and "Muller" share keys.
// Tussenvoegsels (van, de, der ...) are no key parts: the name list is the
// rules' lexicon name_prefixes, the one the query splits names with.
//
// The hashes are HMACs under the scan's key (core/keyed_hash.h): without the
// key a short name cannot be guessed from its hash. A part's hash does not
// depend on its role (one HMAC serves a surname's key and token); role
// letters are stored in clear and reveal only the shape of a name.
//
// Thread safety: a NameKeyer is immutable after construction and may be
// shared between threads (each thread keeps its own cache of hashed parts).

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/keyed_hash.h"
#include "core/status.h"
#include "rules/detector_spec.h"

namespace piiscan::detectors {

struct NameKeys {
  int64_t key = 0;     // 0: none
  std::string tokens;  // "s:HEX g:HEX i:HEX", space-separated; "" for e-mail
};

// A name split into its key parts (folded, lower case, no tussenvoegsels).
struct NameParts {
  std::vector<std::string> surname;   // "jansen", "vries" for Jansen-de Vries
  std::vector<std::string> given;     // "jan", "peter"
  std::vector<std::string> initials;  // "j", "p"; "th" for Th.
};

class NameKeyer {
 public:
  // `prefixes`: tussenvoegsel words in lower case.
  NameKeyer(std::unordered_set<std::string> prefixes, const KeyedHasher& hasher);
  // The rules' lexicon name_prefixes.
  static Result<std::unordered_set<std::string>> LoadPrefixes(const rules::RuleSet& rules);

  // A name as a person_name finding holds it (titles and salutations
  // already left out): "J.P. de Vries", "Vries, Jan de", "Anne-Marie Bakker".
  NameParts Split(std::string_view written) const;
  NameKeys ForName(std::string_view written) const;
  // The key words of a surname alone ("Jansen-de Vries" -> jansen, vries).
  std::vector<std::string> SurnameWords(std::string_view surname) const;
  // An e-mail address: the key of its folded local part; no tokens.
  NameKeys ForEmail(std::string_view address) const;

  // What a query compares with. `word`: folded and lower case.
  int64_t SurnameKey(std::string_view word) const;
  int64_t LocalPartKey(std::string_view local_part) const;
  std::string Token(char role, std::string_view word) const;  // "g:HEX"

  bool IsPrefix(std::string_view word) const;

 private:
  uint64_t WordHash(std::string_view word) const;
  std::unordered_set<std::string> prefixes_;
  const KeyedHasher& hasher_;
};

// Folds a name part (or an e-mail local part) as the keys do: diacritics to
// ASCII, lower case, dots and apostrophes kept only inside ("'t" stays).
std::string FoldNamePart(std::string_view s);

}  // namespace piiscan::detectors
