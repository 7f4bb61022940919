#pragma once
// The phrase lists `register draft` uses, loaded from rules/data/register/
// (systems.yaml, drafting.yaml, categories.yaml). Immutable once loaded.

#include <map>
#include <regex>
#include <string>
#include <vector>

#include "core/status.h"
#include "rules/category_aliases.h"
#include "rules/detector_spec.h"

namespace piiscan::audit {

struct LexSystem {
  std::string id, name, kind;
  bool generic = false;
  // Placed only by a keeping cue ("een register bijgehouden"), never by a
  // preposition or a heading: "in het register van verwerkingen" is the
  // statement's own record.
  bool kept_only = false;
  // Kinds of other generic systems this one is part of when the statement
  // names one ("een dossier" at a school is the pupils' file).
  std::vector<std::string> part_of;
};

struct LexPromise {
  std::string name;
  bool negated = false;
  std::vector<std::string> terms;
  std::vector<std::string> with;  // one of these must also occur
};

struct DraftLexicon {
  rules::CategoryVocabulary vocab;
  std::vector<LexSystem> systems;
  // Search terms for systems: phrase -> system index (parallel vectors).
  std::vector<std::string> system_terms;
  std::vector<size_t> system_of_term;
  std::vector<bool> system_term_case_sensitive;
  std::map<std::string, std::vector<std::string>> kind_hints;     // kind -> words
  std::map<std::string, std::vector<std::string>> kind_purposes;  // kind -> purposes
  // Category search terms -> categories (parallel vectors); `not_data`
  // phrases are terms with no category, so that they hide the word in them.
  std::vector<std::string> category_terms;
  std::vector<std::vector<std::string>> categories_of_term;
  // Register-only aliases ("telefoon", "e-mail"): data only as a list item.
  std::vector<std::string> vague_terms;
  std::vector<std::string> category_of_vague;
  std::vector<std::string> definitions;  // "een persoonsgegeven is": examples, not data

  std::vector<std::string> negations, storage_verbs, prepositions;
  std::vector<std::string> not_negations;  // "niet langer dan": a limit, no denial
  std::vector<std::string> system_subject_words;  // "deze", "onze": a system as the subject
  // "ons contactformulier gebruiken": the organisation's own generic system,
  // placed by a use verb or by data in the sentence.
  std::vector<std::string> possessives, use_verbs;
  // "het voeren van de ledenadministratie": a keeping verb, a link word, an
  // article or possessive, then the system.
  std::vector<std::string> keeping_verbs, keeping_links, articles;
  // "een dossier aan te leggen", "houden een ledenadministratie bij": a
  // generic system followed by one of these is kept by the organisation.
  std::vector<std::string> keeping_after;
  // "gegevens nodig voor de financiële administratie": a generic system named
  // as the purpose of data (a purpose verb, a link, an article, the system).
  std::vector<std::string> purpose_verbs, purpose_links;
  // "U kunt ons bereiken op het telefoonnummer van onze servicedesk", "Op
  // onze website vindt u onze contactgegevens": the reader reaches or reads
  // the organisation; data words there place nothing.
  std::vector<std::string> reader_verbs;
  // "het versturen van de nieuwsbrief": keeping verbs that count only after a
  // definite article or a possessive ("het verzenden van een nieuwsbrief" is
  // a purpose in general).
  std::vector<std::string> definite_keeping_verbs, definite_articles;
  // "een goede administratie bijhouden": a generic word after one of these
  // names a practice, not a system.
  std::vector<std::string> practice_adjectives;
  // "In dit dossier is vastgelegd hoe ...": a generic word after one of these
  // is the statement itself.
  std::vector<std::string> self_determiners;
  // "het contactformulier op onze website": a form before a generic system
  // places data in it (words ending in `form_endings`, or one of `form_words`).
  std::vector<std::string> form_endings, form_words;
  // "de contactgegevens hiervan": data of another party, after a category word.
  std::vector<std::string> other_party_words;
  std::vector<std::string> retention_verbs, retention_time_words;
  // "Dat is 15 jaar": a sentence opening with one of these gives the period
  // of a retention sentence before it that gave none.
  std::vector<std::string> retention_follow;
  // "wij reageren binnen 3 maanden op uw verzoek": a period after one of
  // `response_before` in a sentence with one of `request_words` is the time
  // to answer, not a retention period.
  std::vector<std::string> response_before, request_words;
  std::map<std::string, int> number_words;  // "twee" -> 2
  std::map<std::string, int> unit_months;   // "jaar" -> 12
  std::map<std::string, int> unit_days;     // "weken" -> 7: a period in days, drafted in months
  std::map<std::string, int> implied_retention;  // "fiscale bewaarplicht" -> 84
  // "vijf opeenvolgende jaren": words between a number and its unit.
  std::vector<std::string> period_adjectives;
  // "gedurende 7 jaar": a period after one of these, in a sentence about
  // data, is a retention period without a retention verb.
  std::vector<std::string> duration_words;
  std::vector<LexPromise> promises;
  std::vector<std::pair<std::string, std::regex>> legal_basis;  // name, pattern (icase)
  std::vector<std::regex> org_labelled;                          // case-sensitive
  std::vector<std::regex> org_running;  // the name in running text ("Bij X hebben wij"): the last resort
  std::regex org_alias;                 // "(hierna: Y)": group 1 is Y
  std::regex org_subject;               // "X is de verantwoordelijke ...": group 1 is X
  std::vector<std::regex> org_titles;   // "Privacyverklaring X", "X en privacy": group 1 holds the name
  std::regex org_municipality;          // "gemeente X"
  std::vector<std::string> legal_forms, name_connectors, org_stop_words, sole_trader;
  // Words after which a captured name does not go on ("X voorheen Y").
  std::vector<std::string> org_name_cut;
  // Processors named in prose: a name after `processor_before` or in a list
  // after `processor_list_nouns`; never one of `processor_not_names`.
  std::vector<std::string> processor_before, processor_list_nouns, processor_list_lead,
      processor_not_names;
  // "via Sportlink" (no article skipped), "administratiesysteem ParnasSys"
  // (a word ending in a system noun, then a name), "Sportlink is ...
  // verwerker" (a name as subject, one of `processor_subject_verbs`, then
  // one of `processor_roles` in the same sentence).
  std::vector<std::string> processor_bare_before, processor_noun_suffixes, processor_subject_verbs,
      processor_roles;
  // Title words that are no name ("Privacybeleid Persoonsgegevens").
  std::vector<std::string> org_not_names;
  // Forms that stand before a name ("Stichting X", "Basisschool X").
  std::vector<std::string> org_prefix_forms;
  std::vector<std::string> list_joiners;        // "en", "of": the last item of a list
  std::vector<std::string> municipality_words;  // "gemeente X" is a name
  std::vector<std::string> org_domain_skip;     // mail hosts: "gmail" spells no organisation
  std::regex kvk;

  static Result<DraftLexicon> Load(const rules::RuleSet& rules);
  // Every lower-case term (systems, categories), for elliptic-compound expansion.
  std::vector<std::string> AllTerms() const;
};

}  // namespace piiscan::audit
