#pragma once
// Pieces of `register draft` (audit/register_draft.h) in files of their own:
// the organisation a statement is about, the processors and products it
// names in prose that the systems lexicon does not know, and the word-level
// cues the drafter reads sentences by (register_draft_cues.cc). All phrases come
// from rules/data/register/drafting.yaml (DraftLexicon). Pure functions;
// thread-safe.

#include <string>
#include <vector>

#include "audit/draft_lexicon.h"
#include "audit/statement_text.h"

namespace piiscan::audit::draft {

struct Organisation {
  std::string name;
  std::string kvk;
  std::string legal_form;  // "eenmanszaak" when stated
};

// The organisation by the strongest cue the text gives: a labelled name, a
// name with a legal form the text repeats, "Dit is de privacyverklaring van
// X", "X (hierna: Y)", a sentence with X as its subject ("X is de
// verantwoordelijke", "X verwerkt persoonsgegevens"), a name with a legal
// form, a title line ("Privacyverklaring X"), running text ("Bij X wordt"),
// "gemeente X".
Organisation FindOrganisation(const DraftLexicon& lex, const std::string& text);
// The words of the text that spell the host of one of its own mail or web
// addresses ("Natural HairDo" with www.naturalhairdo.nl); "" when none do.
// A name in lower case only where the text writes it twice.
std::string FromDomain(const DraftLexicon& lex, const std::string& text);

struct Processor {
  std::string id;        // lower-case slug of the name
  std::string name;      // as written ("Sportlink")
  std::string evidence;  // the sentence, quoted
};

// Processors and products named in running text ("middels verwerker
// Sportlink", "gehost door Greenhost", "kanalen zoals Ebay, Catawiki"),
// in order of first mention; none that the systems lexicon knows, none that
// is (part of) `organisation`.
std::vector<Processor> FindProcessors(const DraftLexicon& lex,
                                      const std::vector<statement::Paragraph>& paragraphs,
                                      const std::string& organisation);

// A denial, once the phrases that deny nothing ("niet langer dan", "niet
// alleen") are taken out.
bool Negated(const DraftLexicon& lex, const std::string& lower);
// A keeping phrase ("aan te leggen", "bij te houden") right after `end`.
bool KeptAfter(const DraftLexicon& lex, const std::string& lower, size_t end);
// The words before a system (nearest first) make it the subject of its sentence.
bool SubjectWords(const DraftLexicon& lex, const std::vector<std::string>& words);
// A product's name inside an address ("x@gmail.com", "www.wordpress.org").
bool InAddress(const std::string& lower, const statement::Match& m);
// "onze contactgegevens", "de contactgegevens hiervan": no data of the subjects.
bool OrganisationsOwn(const DraftLexicon& lex, const std::string& lower, const statement::Match& m);
// "binnen 3 maanden na uw verzoek": the period at `pos` is a response time.
bool ResponseTime(const DraftLexicon& lex, const std::string& lower, size_t pos);
// "Automatisch via de website:" and then a list of data: sentence `i` of
// paragraph `p` ends in ':' and the line after it is a list item naming data.
bool LeadsIntoData(const DraftLexicon& lex, const std::vector<statement::Paragraph>& ps, size_t p, size_t i);
bool IsJoiner(const DraftLexicon& lex, const std::string& w);
// Between list separators: ", telefoon, ", "• E-mail", "... en telefoon."
bool ListPosition(const DraftLexicon& lex, const std::string& lower, const statement::Match& m);
// "– Naam: 5 jaar", "• ...": an item of a bulleted list.
bool ListItem(const std::string& text);
bool EndsWithColon(const std::string& text);
// "Dit ...", "Deze ...": a sentence about what the one before named.
bool StartsWithAnaphor(const std::string& lower);

}  // namespace piiscan::audit::draft
