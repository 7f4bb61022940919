#pragma once
// A weighted evidence model for the systems and processors a privacy
// statement names (issue 18): each sentence is cut into candidate noun
// phrases (a word ending in a system-like head noun, "bibliotheeksysteem";
// a run of capitalised words that does not open the sentence, "Google
// Agenda"), each candidate sums the weights of the evidence around it (the
// head noun, a cue before it such as "opgeslagen in" or "gebruik van", a cue
// after it such as "aan te maken", a storage verb or data in the sentence, a
// processor's role word, a CamelCase name), and those that reach the
// threshold are systems. All words and weights live in
// rules/data/register/system_model.yaml. SystemModel is immutable once
// loaded; the functions are pure; thread-safe.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "audit/draft_lexicon.h"
#include "audit/register_draft.h"
#include "audit/statement_text.h"
#include "core/status.h"
#include "rules/detector_spec.h"

namespace piiscan::audit {

struct SystemModel {
  double threshold = 0;
  std::map<std::string, double> heads;  // head noun -> weight
  double bare_factor = 0, brand_head = 0;
  std::vector<std::string> not_heads, fillers, roles, list_leads, not_names, not_name_endings,
      contact_words, controller_verbs, organisation_endings, alias_words;
  std::vector<std::pair<std::string, double>> before, after;  // longest phrase first
  double list_lead = 0;
  double storage = 0, data = 0, role = 0, negated = 0, definition = 0, reader = 0, lead = 0,
         subject = 0, contact = 0, controller = 0;
  double camel_case = 0, acronym = 0, quoted = 0;

  static Result<SystemModel> Load(const rules::RuleSet& rules);
};

// One system the model found.
struct ScoredSystem {
  std::string id;                 // slug, or the lexicon system's id
  std::string name;               // as written, or the lexicon system's name
  std::string kind;               // "processor", or the lexicon system's kind
  bool generic = false;           // named by a head noun, not a product
  std::optional<size_t> lexicon;  // the systems lexicon entry the phrase is a term of
  double score = 0;
  std::string evidence;  // the sentence, quoted
};

// Systems that reach the model's threshold, in order of first mention, one
// per id (the best-scored sentence as evidence); none that is (part of) the
// organisation's name.
std::vector<ScoredSystem> ScoreSystems(const SystemModel& model, const DraftLexicon& lex,
                                       const std::vector<statement::Paragraph>& paragraphs,
                                       const std::string& organisation);

// Every candidate of one sentence with its score, above the threshold or
// not (for tests and for reading the model's choices). `lead` is set when the
// sentence is an item of a list whose lead line keeps data.
std::vector<ScoredSystem> ScoreSentence(const SystemModel& model, const DraftLexicon& lex,
                                        const statement::Sentence& s, bool lead);

// Adds the scored systems a draft does not have yet: none whose name or id
// is already drafted (or contains a drafted one's), none of a lexicon kind
// already drafted or that is part of a drafted kind ("administratie" beside
// "Ledenadministratie"), none that keeps records of what a drafted one does
// ("leerlingendossier" beside "Leerlingadministratie").
void AddScoredSystems(const SystemModel& model, const DraftLexicon& lex,
                      const std::vector<ScoredSystem>& found, std::vector<DraftSystem>& systems);

}  // namespace piiscan::audit
