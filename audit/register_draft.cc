#include "audit/register_draft.h"

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "audit/draft_lexicon.h"
#include "audit/register_draft_parts.h"
#include "audit/statement_text.h"
#include "audit/system_evidence.h"

namespace piiscan::audit {
namespace {

using statement::Paragraph;
using statement::Sentence;

template <typename T>
void AddUnique(std::vector<T>& v, const T& x) {
  if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

using statement::RegexEscape;

// Where a sentence sits: its paragraph and the heading above it.
struct Context {
  std::vector<size_t> section_systems;      // named in the heading
  std::set<std::string> section_hints;      // kinds hinted in the heading
  std::vector<size_t> paragraph_systems;    // named anywhere in the paragraph
  const Sentence* previous = nullptr;       // previous sentence, same paragraph
};

class Drafter {
 public:
  Drafter(const DraftLexicon& lex, const SystemModel& model, const std::string& text)
      : lex_(lex), model_(model), text_(text), paragraphs_(statement::Segment(text, lex.AllTerms())) {
    std::string numbers, units;
    for (const auto& [w, n] : lex.number_words) numbers += "|" + RegexEscape(w);
    std::vector<std::string> unit_list;
    for (const auto& [u, m] : lex.unit_months) unit_list.push_back(u);
    for (const auto& [u, d] : lex.unit_days) unit_list.push_back(u);
    std::sort(unit_list.begin(), unit_list.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    for (const auto& u : unit_list) units += (units.empty() ? "" : "|") + RegexEscape(u);
    // Not \b before the number: "één" starts with a byte ECMAScript does not
    // count as a word character.
    std::string adjectives;
    for (const auto& a : lex.period_adjectives) adjectives += (adjectives.empty() ? "" : "|") + RegexEscape(a);
    if (!adjectives.empty()) adjectives = "(?:(?:" + adjectives + ") )?";
    period_ = std::regex("(?:^|[ \t(,;:/])(\\d{1,3}" + numbers + ")[ -]?" + adjectives + "(" + units + ")\\b",
                         std::regex::icase);
  }

  RegisterDraft Run() {
    auto org = draft::FindOrganisation(lex_, text_);
    draft_.organisation = org.name;
    draft_.kvk = org.kvk;
    draft_.legal_form = org.legal_form;
    for (size_t p = 0; p < paragraphs_.size(); ++p) {
      for (size_t i = 0; i < paragraphs_[p].sentences.size(); ++i)
        if (draft::LeadsIntoData(lex_, paragraphs_, p, i)) leads_.insert(&paragraphs_[p].sentences[i]);
    }
    FindSystems();
    for (auto& p : draft::FindProcessors(lex_, paragraphs_, draft_.organisation)) {
      DraftSystem d;
      d.id = p.id;
      d.name = p.name;
      d.kind = "processor";
      d.evidence.push_back(p.evidence);
      draft_.systems.push_back(std::move(d));
    }
    // What neither the lexicon nor the processor cues found, by the weighted evidence model.
    AddScoredSystems(model_, lex_, ScoreSystems(model_, lex_, paragraphs_, draft_.organisation),
                     draft_.systems);
    for (size_t p = 0; p < paragraphs_.size(); ++p) Tie(p);
    Finish();
    return std::move(draft_);
  }

 private:
  // Systems a sentence places data in: named systems always; a generic one
  // ("CRM systeem") only after a location preposition in a sentence with a
  // storage verb, or continuing a list that began with such a mention.
  std::vector<size_t> Mentions(const Sentence& s, bool heading) const {
    std::vector<size_t> out;
    // "De gegevens worden niet geplaatst op de website": a denial places
    // nothing. A sentence that names data ("het formulier op onze website
    // vraagt om naam en adres") places it as a storage verb does.
    bool negated = draft::Negated(lex_, s.lower);
    bool reader = statement::ContainsAnyWord(s.lower, lex_.reader_verbs);
    bool storage = !negated && (statement::ContainsAnyWord(s.lower, lex_.storage_verbs) ||
                                (NamesData(s) && !reader) || leads_.contains(&s));
    bool anchored = false;
    for (const auto& m : statement::FindTerms(s, lex_.system_terms, lex_.system_term_case_sensitive)) {
      if (draft::InAddress(s.lower, m)) continue;
      size_t sys = lex_.system_of_term[m.term];
      bool ok = !lex_.systems[sys].generic ||
                (!heading && GenericPlaced(s, m, storage, negated, anchored));
      if (!ok) continue;
      anchored = true;
      AddUnique(out, sys);
    }
    return out;
  }

  // A generic system counts where the sentence places data in it: after a
  // location preposition with a storage verb ("opgeslagen in onze
  // boekhouding"), as the subject ("Deze website bewaart gegevens"),
  // continuing such a list, or as the organisation's own system that it uses
  // ("ons contactformulier gebruiken", "naam en adres om onze
  // donateursadministratie bij te houden"), or what the organisation keeps
  // ("het voeren van de ledenadministratie").
  bool GenericPlaced(const Sentence& s, const statement::Match& m, bool storage, bool negated,
                     bool anchored) const {
    auto words = statement::WordsBefore(s.lower, m.begin, 5);
    bool data = NamesData(s) || s.lower.find("gegevens") != std::string::npos ||
                s.lower.find("data") != std::string::npos;
    auto in = [](const std::vector<std::string>& v, const std::string& w) {
      return std::find(v.begin(), v.end(), w) != v.end();
    };
    // "In dit dossier is vastgelegd hoe ...": the statement itself; "een goede
    // administratie": a practice.
    if (!words.empty() && (in(lex_.self_determiners, words[0]) || in(lex_.practice_adjectives, words[0])))
      return false;
    bool kept_only = lex_.systems[lex_.system_of_term[m.term]].kept_only;
    if (!negated) {
      if (draft::KeptAfter(lex_, s.lower, m.end)) return true;
      // "De financiële administratie wordt 7 jaar bewaard", "Cliëntendossiers
      // worden bewaard zolang ...": a system kept for a time holds data.
      if (draft::SubjectWords(lex_, words) && statement::ContainsAnyWord(s.lower, lex_.retention_verbs)) return true;
      bool use = statement::ContainsAnyWord(s.lower, lex_.use_verbs);
      // The possessive right before the system or one adjective before it ("onze digitale nieuwsbrief").
      bool own = (!words.empty() && in(lex_.possessives, words[0])) ||
                 (words.size() >= 2 && in(lex_.possessives, words[1]) && words[0] != "," && words[0] != ";");
      if (own && use && !kept_only) return true;
      // "het voeren van de donateursadministratie", "het bijhouden van onze ledenadministratie".
      size_t k = 0;
      while (k < words.size() && (in(lex_.articles, words[k]) || in(lex_.possessives, words[k]))) ++k;
      if (k + 1 < words.size() && in(lex_.keeping_links, words[k]) && in(lex_.keeping_verbs, words[k + 1]))
        return true;
      // "het versturen van de nieuwsbrief", not "van een nieuwsbrief".
      if (k > 0 && in(lex_.definite_articles, words[k - 1]) && k + 1 < words.size() &&
          in(lex_.keeping_links, words[k]) && in(lex_.definite_keeping_verbs, words[k + 1]))
        return true;
      // "Een aantal gegevens hebben we nodig voor de financiële administratie".
      if (data && k + 1 < words.size() && in(lex_.purpose_links, words[k]) && in(lex_.purpose_verbs, words[k + 1]))
        return true;
    }
    if (kept_only) return false;
    // "via een digitaal formulier van onze website": a form collects data.
    for (const auto& w : words) {
      if (w == "," || w == ";") break;
      bool form = std::any_of(lex_.form_endings.begin(), lex_.form_endings.end(),
                              [&](const std::string& f) { return w.ends_with(f); }) ||
                  in(lex_.form_words, w);
      if (form && !negated) return true;
    }
    if (!storage) return false;
    // "Deze website bewaart persoonsgegevens": the system as subject.
    // Only with data in the sentence: "Deze website wordt gehost in Nederland" places none.
    if (data && (words.empty() || (words.size() == 1 && in(lex_.system_subject_words, words[0]))))
      return true;
    for (size_t i = 0; i < words.size(); ++i) {
      const auto& w = words[i];
      bool separator = w == "," || w == ";" || w == "en" || w == "and" || w == "of" || w == "or";
      if (i == 0 && separator && anchored) return true;
      if (w == "," || w == ";") return false;
      if (in(lex_.prepositions, w)) return true;
    }
    return false;
  }

  bool NamesData(const Sentence& s) const {
    auto terms = statement::FindTerms(s, lex_.category_terms);
    return std::any_of(terms.begin(), terms.end(),
                       [&](const auto& m) { return !lex_.categories_of_term[m.term].empty(); });
  }

  // "Nieuwsbrief", "Contactformulier en nieuwsbrief": a short heading made
  // of a generic system's name titles the section about that system; it
  // counts when the section names data.
  std::vector<size_t> HeadingSystems(size_t pi) const {
    const Paragraph& p = paragraphs_[pi];
    std::vector<size_t> out;
    if (!p.heading || std::count(p.text.begin(), p.text.end(), ' ') > 3) return out;
    bool data = false;
    for (size_t q = pi + 1; q < paragraphs_.size() && !paragraphs_[q].heading && !data; ++q) {
      for (const auto& s : paragraphs_[q].sentences) data = data || (NamesData(s) && !Definition(s.lower));
    }
    if (!data) return out;
    for (const auto& s : p.sentences) {
      for (const auto& m : statement::FindTerms(s, lex_.system_terms, lex_.system_term_case_sensitive)) {
        size_t sys = lex_.system_of_term[m.term];
 if (lex_.systems[sys].generic && !lex_.systems[sys].kept_only && !draft::InAddress(s.lower, m))
          AddUnique(out, sys);
      }
    }
    return out;
  }

  void FindSystems() {
    std::vector<size_t> order;
    for (size_t pi = 0; pi < paragraphs_.size(); ++pi) {
      const Paragraph& p = paragraphs_[pi];
      if (p.table) continue;
      for (const auto& s : p.sentences) {
        for (size_t sys : Mentions(s, p.heading)) AddUnique(order, sys);
      }
      if (auto titled = HeadingSystems(pi); !titled.empty()) {
        for (size_t sys : titled) AddUnique(order, sys);
        heading_systems_[pi] = std::move(titled);
      }
    }
    // Fold generic systems into a named one of the same kind.
    for (size_t sys : order) {
      const auto& ls = lex_.systems[sys];
      resolve_[sys] = sys;
      if (!ls.generic) continue;
      for (size_t other : order) {
        if (!lex_.systems[other].generic && lex_.systems[other].kind == ls.kind) {
          resolve_[sys] = other;
          break;
        }
      }
    }
    // Then a generic system into the one it is part of ("een dossier" at a
    // school: the pupils' administration, or the product that holds it).
    // When the statement names the whole without placing data in it ("De
    // leerlingdossiers worden bijgehouden om ..."), the part is not drafted
    // on its own either.
    for (size_t sys : order) {
      const auto& part_of = lex_.systems[sys].part_of;
      if (resolve_[sys] != sys || part_of.empty()) continue;
      auto whole = [&](size_t other) {
        return other != sys && std::find(part_of.begin(), part_of.end(), lex_.systems[other].kind) != part_of.end();
      };
      for (size_t other : order) {
        if (whole(other)) {
          resolve_[sys] = resolve_[other];
          break;
        }
      }
      if (resolve_[sys] != sys) continue;
      for (const auto& p : paragraphs_) {
        for (const auto& s : p.sentences) {
          for (const auto& m : statement::FindTerms(s, lex_.system_terms, lex_.system_term_case_sensitive)) {
            if (whole(lex_.system_of_term[m.term])) resolve_.erase(sys);
          }
        }
      }
    }
    for (size_t sys : order) {
      if (!resolve_.contains(sys) || resolve_[sys] != sys) continue;
      const auto& ls = lex_.systems[sys];
      DraftSystem d;
      d.id = ls.id;
      d.name = ls.name;
      d.kind = ls.kind;
      d.generic = ls.generic;
      auto it = lex_.kind_purposes.find(ls.kind);
      if (it != lex_.kind_purposes.end()) d.purposes = it->second;
      index_[sys] = draft_.systems.size();
      draft_.systems.push_back(std::move(d));
    }
  }

  std::vector<size_t> Resolved(const Sentence& s, bool heading) const {
    std::vector<size_t> out;
    for (size_t sys : Mentions(s, heading)) {
      auto it = resolve_.find(sys);
      if (it != resolve_.end()) AddUnique(out, index_.at(it->second));
    }
    return out;
  }

  std::set<std::string> Hints(const std::string& lower) const {
    std::set<std::string> kinds;
    for (const auto& [kind, words] : lex_.kind_hints) {
      if (!words.empty() && statement::ContainsAnyWord(lower, words)) kinds.insert(kind);
    }
    return kinds;
  }

  // The one drafted system of the one hinted kind, if there is exactly one.
  std::optional<size_t> ByHint(const std::set<std::string>& kinds) const {
    if (kinds.size() != 1) return std::nullopt;
    std::optional<size_t> found;
    for (size_t i = 0; i < draft_.systems.size(); ++i) {
      if (draft_.systems[i].kind != *kinds.begin()) continue;
      if (found) return std::nullopt;
      found = i;
    }
    return found;
  }

  void TieCategories(const std::vector<std::string>& cats, const std::vector<size_t>& systems, const Sentence& s) {
    for (size_t i : systems) {
      for (const auto& c : cats) AddUnique(draft_.systems[i].categories, c);
      AddUnique(draft_.systems[i].evidence, statement::Quote(s.text));
    }
  }

  std::vector<size_t> Targets(const std::vector<size_t>& own, const Context& ctx, const std::string& lower) const {
    if (!own.empty()) return own;
    if (!ctx.section_systems.empty()) return ctx.section_systems;
    auto hints = Hints(lower);
    if (hints.size() != 1) hints = ctx.section_hints;
    if (auto h = ByHint(hints)) return {*h};
    return ctx.paragraph_systems;
  }

  // The categories a sentence names: its category words, and a vague word
  // ("telefoon", "e-mail") where it is an item of a list of data.
  std::vector<std::string> Categories(const Sentence& s) const {
    std::vector<std::string> cats;
    // "U kunt ons bereiken op het telefoonnummer van onze servicedesk": the
    // organisation's own details, unless the sentence also keeps data.
    if (statement::ContainsAnyWord(s.lower, lex_.reader_verbs) &&
        !statement::ContainsAnyWord(s.lower, lex_.storage_verbs))
      return cats;
    auto terms = statement::FindTerms(s, lex_.category_terms);
    for (const auto& m : terms) {
      if (draft::OrganisationsOwn(lex_, s.lower, m)) continue;
      for (const auto& c : lex_.categories_of_term[m.term]) AddUnique(cats, c);
    }
    bool list = draft::ListItem(s.text) || s.list_item || !cats.empty();
    for (const auto& m : statement::FindTerms(s, lex_.vague_terms)) {
      bool inside = std::any_of(terms.begin(), terms.end(),
                                [&](const auto& t) { return m.begin < t.end && t.begin < m.end; });
      if (list && !inside && draft::ListPosition(lex_, s.lower, m))
        AddUnique(cats, lex_.category_of_vague[m.term]);
    }
    return cats;
  }

  bool Definition(const std::string& lower) const {
    return statement::ContainsAnyWord(lower, lex_.definitions);
  }

  void Sentences(const Paragraph& p, Context& ctx) {
    for (const auto& s : p.sentences) {
      auto own = Resolved(s, false);
      bool negated = draft::Negated(lex_, s.lower);
      bool definition = section_definition_ || Definition(s.lower);
      std::vector<std::string> cats;
      if (!definition) cats = Categories(s);
      for (const auto& term : lex_.vocab.unmapped()) {
        if (!negated && !definition && statement::ContainsAnyWord(s.lower, {term}))
          AddUnique(draft_.unmapped, term);
      }
      if (!cats.empty() && !negated) {
        auto targets = Targets(own, ctx, s.lower);
        if (targets.empty()) {
          for (const auto& c : cats) AddUnique(draft_.overall_categories, c);
        } else {
          TieCategories(cats, targets, s);
        }
      } else if (cats.empty() && !own.empty() && ctx.previous && draft::StartsWithAnaphor(s.lower) &&
                 !Definition(ctx.previous->lower) && !section_definition_) {
        // "Dit zal worden opgeslagen in het adresboek bij de bank." takes the
        // data of the sentence before.
        if (!draft::Negated(lex_, ctx.previous->lower)) {
          TieCategories(Categories(*ctx.previous), own, s);
        }
      }
      Retention(s, own, ctx);
      Promises(s, negated);
      LegalBasis(s);
      ctx.previous = &s;
    }
  }

  // A sentence about retention: one with a retention verb, or an item of a
  // list that a retention sentence ending in ':' leads into ("We use the
  // following retention periods: – Name: up to 5 years ...").
  void Retention(const Sentence& s, const std::vector<size_t>& own, const Context& ctx) {
    std::smatch m;
    bool verb = statement::ContainsAnyWord(s.lower, lex_.retention_verbs) || DurationOfData(s);
    // "... het bewaren van medische dossiers staat in de WGBO. Dat is 15
    // jaar": the period in the sentence after a retention sentence without one.
    bool follows = !verb && period_pending_ && ctx.previous &&
                   std::any_of(lex_.retention_follow.begin(), lex_.retention_follow.end(),
                               [&](const std::string& w) { return s.lower.starts_with(w + " "); }) &&
                   std::regex_search(s.lower, m, period_);
    period_pending_ = verb && !std::regex_search(s.lower, m, period_);
    verb = verb || follows;
    bool listed = draft::ListItem(s.text) || s.list_item;
    bool item = !verb && retention_list_ && listed && std::regex_search(s.lower, m, period_);
    bool lead = verb && draft::EndsWithColon(s.text);
    retention_list_ = lead || (retention_list_ && listed && !verb);
    if (!verb && !item) return;
    // Every period of the sentence ("bewaartermijn van 10 jaar ... nog 15 jaar").
    std::vector<int> periods;
    for (auto it = std::sregex_iterator(s.lower.begin(), s.lower.end(), period_);
         it != std::sregex_iterator(); ++it) {
      std::string n = (*it)[1].str();
      if (draft::ResponseTime(lex_, s.lower, it->position(1))) continue;
      auto word = lex_.number_words.find(n);
      if (!std::isdigit(static_cast<unsigned char>(n[0])) && word == lex_.number_words.end())
        continue;
      int count = word == lex_.number_words.end() ? std::stoi(n) : word->second;
      std::string unit = statement::Lower((*it)[2].str());
      auto days = lex_.unit_days.find(unit);
      // A register counts in months: "30 dagen" is one, "zes weken" one, "14 dagen" one.
      int months = days == lex_.unit_days.end() ? count * lex_.unit_months.at(unit)
                                                : std::max(1, (count * days->second + 15) / 30);
      AddUnique(periods, months);
    }
    std::optional<int> months;
    if (!periods.empty()) months = periods.front();
    PerData(s, periods);
    for (const auto& [phrase, implied] : lex_.implied_retention) {
      if (!months && statement::ContainsAnyWord(s.lower, {phrase})) months = implied;
    }
    if (!months && !statement::ContainsAnyWord(s.lower, lex_.retention_time_words)) return;
    std::vector<size_t> targets = own;
    if (targets.empty() && ctx.previous && draft::StartsWithAnaphor(s.lower)) targets = Resolved(*ctx.previous, false);
    if (targets.empty()) targets = Targets(own, ctx, s.lower);
    std::string note = statement::Quote(s.text);
    // A second period stated for the same place ("Administratieve gegevens
    // worden 7 jaar bewaard" after "dossiers ... 15 jaar") is kept as a period
    // of its own, not lost behind the first; a period the law implies is not.
    auto second = [&](const std::optional<int>& first, const std::string& label) {
      if (!months || periods.empty() || !first || *first == *months) return;
      bool have = std::any_of(draft_.data_retention.begin(), draft_.data_retention.end(),
                              [&](const DataRetention& d) { return d.months == *months; });
      if (!have) draft_.data_retention.push_back(DataRetention{label, *months, note});
    };
    if (targets.empty()) {
      second(draft_.retention_months, section_label_);
      if (months && !draft_.retention_months) draft_.retention_months = months;
      AddUnique(draft_.retention_notes, note);
      return;
    }
    for (size_t i : targets) {
      auto& sys = draft_.systems[i];
      second(sys.retention_months, section_label_.empty() ? sys.name : section_label_);
      if (months && !sys.retention_months) sys.retention_months = months;
      AddUnique(sys.retention_notes, note);
    }
  }

  // "Uw gegevens blijven gedurende 7 jaar na ... in ons archief": a period
  // right after a duration word, in a sentence about data.
  bool DurationOfData(const Sentence& s) const {
    if (lex_.duration_words.empty()) return false;
    bool data = NamesData(s) || s.lower.find("gegevens") != std::string::npos;
    if (!data) return false;
    for (auto it = std::sregex_iterator(s.lower.begin(), s.lower.end(), period_); it != std::sregex_iterator(); ++it) {
      std::string before = s.lower.substr(0, it->position(1));
      while (!before.empty() && (before.back() == ' ' || before.back() == '\t')) before.pop_back();
      for (const auto& w : lex_.duration_words) {
        if (before.ends_with(w) && (before.size() == w.size() || before[before.size() - w.size() - 1] == ' '))
          return true;
      }
    }
    return false;
  }

  void Promises(const Sentence& s, bool negated) {
    for (const auto& p : lex_.promises) {
      if (p.negated != negated) continue;
      if (!statement::ContainsAnyWord(s.lower, p.terms)) continue;
      if (!p.with.empty() && !statement::ContainsAnyWord(s.lower, p.with)) continue;
      bool have = std::any_of(draft_.promises.begin(), draft_.promises.end(),
                              [&](const DraftPromise& d) { return d.name == p.name; });
      if (!have) draft_.promises.push_back(DraftPromise{p.name, statement::Quote(s.text)});
    }
  }

  void LegalBasis(const Sentence& s) {
    for (const auto& [name, re] : lex_.legal_basis) {
      if (!std::regex_search(s.text, re)) continue;
      AddUnique(draft_.legal_basis, name);
      AddUnique(draft_.legal_basis_evidence, statement::Quote(s.text));
    }
  }

  // A period with the data it is for: the categories the sentence names, else
  // those of the heading above ("Adres" ... "Deze gegevens worden ... drie
  // maanden bewaard"), else the heading itself ("Donateurs:"); a sentence with
  // several periods is listed even when it names no data.
  void PerData(const Sentence& s, const std::vector<int>& periods) {
    if (periods.empty()) return;
    std::string label;
    auto cats = Definition(s.lower) ? std::vector<std::string>{} : Categories(s);
    if (cats.empty()) cats = section_categories_;
    for (const auto& c : cats) label += (label.empty() ? "" : ", ") + c;
    if (label.empty()) label = section_label_;
    if (label.empty() && periods.size() < 2) return;
    for (int months : periods) {
      bool have = std::any_of(
          draft_.data_retention.begin(), draft_.data_retention.end(),
          [&](const DataRetention& d) { return d.data == label && d.months == months; });
      if (!have)
        draft_.data_retention.push_back(DataRetention{label, months, statement::Quote(s.text)});
    }
  }

  void Tie(size_t pi) {
    const Paragraph& p = paragraphs_[pi];
    if (p.table) {
      // "label: value" lines name no data to declare (contact blocks), but a
      // retention list often looks like one ("– Facturen: 7 jaar").
      Context ctx;
      ctx.section_systems = section_systems_;
      for (const auto& s : p.sentences) Retention(s, Resolved(s, false), ctx);
      return;
    }
    if (p.heading) {
      retention_list_ = false;
      section_systems_.clear();
      section_hints_.clear();
      section_categories_.clear();
      section_definition_ = Definition(statement::Lower(p.text));
      // A heading about retention in general ("Bewaartermijnen") names no data.
      bool about_retention =
          statement::ContainsAnyWord(statement::Lower(p.text), lex_.retention_verbs);
      section_label_ = about_retention ? "" : statement::Quote(p.text, 40);
      while (!section_label_.empty() &&
             (section_label_.back() == ':' || section_label_.back() == ' ')) {
        section_label_.pop_back();
      }
      for (const auto& s : p.sentences) {
        for (const auto& c : Categories(s)) AddUnique(section_categories_, c);
        for (size_t i : Resolved(s, true)) AddUnique(section_systems_, i);
        auto h = Hints(s.lower);
        section_hints_.insert(h.begin(), h.end());
      }
      if (auto it = heading_systems_.find(pi); it != heading_systems_.end()) {
        for (size_t sys : it->second) {
          if (resolve_.contains(sys)) AddUnique(section_systems_, index_.at(resolve_.at(sys)));
        }
      }
      return;
    }
    // A question on a line of its own ("Wie is verantwoordelijk voor ...?") is
    // a heading too long to look like one: it ends a definition's section.
    if (p.sentences.size() == 1 && p.text.ends_with("?"))
      section_definition_ = Definition(p.sentences[0].lower);
    Context ctx;
    ctx.section_systems = section_systems_;
    ctx.section_hints = section_hints_;
    // The items of a list that a sentence about a system leads into ("Wij
    // verwerken de volgende gegevens via de chatfunctie:") are that system's.
    bool items = !p.sentences.empty() &&
                 (draft::ListItem(p.sentences.front().text) || p.sentences.front().list_item);
    if (items && !lead_systems_.empty()) ctx.section_systems = lead_systems_;
    for (const auto& s : p.sentences) {
      for (size_t i : Resolved(s, false)) AddUnique(ctx.paragraph_systems, i);
    }
    Sentences(p, ctx);
    if (p.text.ends_with(":"))
      lead_systems_ = ctx.paragraph_systems;
    else if (!items)
      lead_systems_.clear();
  }

  void Finish() {
    for (auto& sys : draft_.systems) {
      if (sys.categories.empty() && !draft_.overall_categories.empty()) {
        sys.categories = draft_.overall_categories;
        sys.categories_assumed = true;
      }
    }
  }

  const DraftLexicon& lex_;
  const SystemModel& model_;
  const std::string& text_;
  std::vector<Paragraph> paragraphs_;
  std::regex period_;
  std::set<const Sentence*> leads_;  // sentences ending in ':' before a list of data
  std::map<size_t, size_t> resolve_;  // lexicon system -> lexicon system it folds into
  std::map<size_t, size_t> index_;    // lexicon system -> index in draft_.systems
  std::vector<size_t> section_systems_;
  std::map<size_t, std::vector<size_t>> heading_systems_;  // paragraph -> generic systems its heading titles
  std::vector<size_t> lead_systems_;  // systems of a sentence ending in ':' (a list follows)
  std::set<std::string> section_hints_;
  bool retention_list_ = false;  // inside a list led by "... retention periods:"
  bool period_pending_ = false;  // the sentence before is about retention and gives no period
  std::vector<std::string> section_categories_;  // data the heading names ("Adres")
  std::string section_label_;                    // the heading, for retention per data
  bool section_definition_ = false;              // under "Wat zijn persoonsgegevens?"
  RegisterDraft draft_;
};

}  // namespace

Result<RegisterDraft> DraftRegister(const std::string& statement, const rules::RuleSet& rules) {
  auto lex = DraftLexicon::Load(rules);
  if (!lex) return std::unexpected(lex.error());
  auto model = SystemModel::Load(rules);
  if (!model) return std::unexpected(model.error());
  return Drafter(*lex, *model, statement).Run();
}

}  // namespace piiscan::audit
