#pragma once
// Finder for personal names (spec person_name). Names are found from
// structure first, gazetteers second (docs/detectors.md):
//  - salutations and titles: "Geachte heer De Vries", "Dhr. Jansen",
//    "t.a.v. mevrouw A. Bakker", "Beste Fatima," (informal: a given name
//    alone counts, at the start of a line);
//  - initials: "J.P. de Vries", "mr. A. van der Berg"; surname first:
//    "De Vries, J.";
//  - labels: "Naam: ...", "Contactpersoon: ...", "Aanwezig: A, B en C";
//    cells under a name column header; mail From/To/Cc display names;
//  - signature blocks: the line after "Met vriendelijke groet,";
//  - a given name from the gazetteer followed by a surname-like word
//    ("Sanne Jansen", "Mehmet Yılmaz"), scored low when the surname is an
//    ordinary Dutch word that is not a known surname ("Mark Groot").
// Company names (B.V., Holding, Groep ...) and streets (-straat, -laan ...)
// are not names. Gazetteer lookups are hash sets built once; the engine's
// Hyperscan pass finds the given names and cue words (lexicons of the spec).
//
// Lexicons read by name (rules/data/lexicons): first_names, surnames,
// name_prefixes, common_words_nl, company_markers, organisation_words,
// street_suffixes,
// name_stopwords; Hyperscan-matched: first_names, name_salutations,
// name_greetings, name_signoffs, name_labels.
//
// Thread safety: immutable after construction; Find is reentrant.

#include <memory>

#include "detectors/finder.h"

namespace piiscan::detectors {

Result<std::unique_ptr<Finder>> MakePersonNameFinder(const rules::RuleSet& rules, const LexiconIds& ids);

}  // namespace piiscan::detectors
