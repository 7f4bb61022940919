#include "audit/register_draft.h"

#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "audit/draft_lexicon.h"
#include "audit/statement_text.h"

namespace piiscan::audit {
namespace {

using statement::Paragraph;
using statement::Sentence;

template <typename T>
void AddUnique(std::vector<T>& v, const T& x) {
  if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

std::string RegexEscape(const std::string& s) {
  static const std::string kSpecial = R"(\^$.|?*+()[]{})";
  std::string out;
  for (char c : s) {
    if (kSpecial.find(c) != std::string::npos) out += '\\';
    out += c;
  }
  return out;
}

// Where a sentence sits: its paragraph and the heading above it.
struct Context {
  std::vector<size_t> section_systems;      // named in the heading
  std::set<std::string> section_hints;      // kinds hinted in the heading
  std::vector<size_t> paragraph_systems;    // named anywhere in the paragraph
  const Sentence* previous = nullptr;       // previous sentence, same paragraph
};

class Drafter {
 public:
  Drafter(const DraftLexicon& lex, const std::string& text)
      : lex_(lex), text_(text), paragraphs_(statement::Segment(text, lex.AllTerms())) {
    std::string numbers, units;
    for (const auto& [w, n] : lex.number_words) numbers += "|" + RegexEscape(w);
    std::vector<std::string> unit_list;
    for (const auto& [u, m] : lex.unit_months) unit_list.push_back(u);
    std::sort(unit_list.begin(), unit_list.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    for (const auto& u : unit_list) units += (units.empty() ? "" : "|") + RegexEscape(u);
    period_ = std::regex("\\b(\\d{1,3}" + numbers + ")[ -]?(" + units + ")\\b", std::regex::icase);
  }

  RegisterDraft Run() {
    FindSystems();
    Organisation();
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
    bool storage = statement::ContainsAnyWord(s.lower, lex_.storage_verbs);
    bool anchored = false;
    for (const auto& m : statement::FindTerms(s, lex_.system_terms, lex_.system_term_case_sensitive)) {
      size_t sys = lex_.system_of_term[m.term];
      bool ok = !lex_.systems[sys].generic;
      if (!ok && storage && !heading) {
        auto words = statement::WordsBefore(s.lower, m.begin, 5);
        for (size_t i = 0; i < words.size() && !ok; ++i) {
          const auto& w = words[i];
          bool separator = w == "," || w == ";" || w == "en" || w == "and" || w == "of" || w == "or";
          if (i == 0 && separator && anchored) ok = true;
          else if (w == "," || w == ";") break;
          else if (std::find(lex_.prepositions.begin(), lex_.prepositions.end(), w) != lex_.prepositions.end()) ok = true;
        }
      }
      if (!ok) continue;
      anchored = true;
      AddUnique(out, sys);
    }
    return out;
  }

  void FindSystems() {
    std::vector<size_t> order;
    for (const auto& p : paragraphs_) {
      if (p.table) continue;
      for (const auto& s : p.sentences) {
        for (size_t sys : Mentions(s, p.heading)) AddUnique(order, sys);
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
    for (size_t sys : order) {
      if (resolve_[sys] != sys) continue;
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

  void Organisation() {
    std::smatch m;
    auto clean = [](std::string s) {
      while (!s.empty() && (std::isspace(static_cast<unsigned char>(s.back())) || s.back() == ',' || s.back() == ':')) s.pop_back();
      return s;
    };
    std::vector<std::string> labelled;
    for (const auto& re : lex_.org_labelled) {
      if (std::regex_search(text_, m, re)) labelled.push_back(clean(m[1].str()));
      else labelled.emplace_back();
    }
    std::string forms;
    for (const auto& f : lex_.legal_forms) forms += (forms.empty() ? "" : "|") + RegexEscape(f);
    // Capitalised words, joined by a lower-case "en", "&" or "van" at most
    // ("Knab Advies en Bemiddeling N.V."), before a legal form.
    std::regex named("((?:[A-Z0-9][A-Za-z0-9&'.-]*[ \\t](?:(?:en|&|van|voor)[ \\t](?=[A-Z0-9]))?){1,4})(" + forms +
                     ")(?=[^A-Za-z]|$)");
    std::map<std::string, std::pair<int, size_t>> counts;  // name -> (count, first position)
    for (auto it = std::sregex_iterator(text_.begin(), text_.end(), named); it != std::sregex_iterator(); ++it) {
      std::string words = (*it)[1].str();
      // Drop sentence-initial words that are not part of a name ("De", "Door").
      while (true) {
        auto sp = words.find_first_of(" \t");
        if (sp == std::string::npos) break;
        std::string first = statement::Lower(words.substr(0, sp));
        if (std::find(lex_.org_stop_words.begin(), lex_.org_stop_words.end(), first) == lex_.org_stop_words.end()) break;
        words = words.substr(sp + 1);
      }
      std::string name = words + (*it)[2].str();
      auto& c = counts[name];
      if (c.first++ == 0) c.second = it->position();
    }
    // A name also counts where it ends a longer candidate ("Privacyverklaring
    // Acme B.V." in a title supports "Acme B.V.").
    std::string best;
    std::pair<int, size_t> best_c{0, 0};
    for (const auto& [name, c] : counts) {
      int n = 0;
      for (const auto& [other, oc] : counts) {
        if (other.size() >= name.size() && other.ends_with(name) &&
            (other.size() == name.size() || other[other.size() - name.size() - 1] == ' ')) {
          n += oc.first;
        }
      }
      if (n > best_c.first || (n == best_c.first && c.second < best_c.second)) {
        best = name;
        best_c = {n, c.second};
      }
    }
    if (!labelled.empty() && !labelled[0].empty()) draft_.organisation = labelled[0];
    else if (best_c.first >= 2) draft_.organisation = best;
    else {
      for (size_t i = 1; i < labelled.size() && draft_.organisation.empty(); ++i) draft_.organisation = labelled[i];
      if (draft_.organisation.empty()) draft_.organisation = best;
    }
    // Named only in running text: "Bij Balletschool de Kattensprong wordt
    // ...", "Wij, Voorbeeld & Zn, ...".
    for (size_t i = 0; i < lex_.org_running.size() && draft_.organisation.empty(); ++i) {
      if (std::regex_search(text_, m, lex_.org_running[i])) draft_.organisation = clean(m[1].str());
    }
    if (std::regex_search(text_, m, lex_.kvk)) draft_.kvk = m[1].str();
    if (statement::ContainsAnyWord(statement::Lower(text_), lex_.sole_trader)) draft_.legal_form = lex_.sole_trader.front();
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

  void Sentences(const Paragraph& p, Context& ctx) {
    for (const auto& s : p.sentences) {
      auto own = Resolved(s, false);
      bool negated = statement::ContainsAnyWord(s.lower, lex_.negations);
      std::vector<std::string> cats;
      for (const auto& m : statement::FindTerms(s, lex_.category_terms)) {
        for (const auto& c : lex_.categories_of_term[m.term]) AddUnique(cats, c);
      }
      for (const auto& term : lex_.vocab.unmapped()) {
        if (!negated && statement::ContainsAnyWord(s.lower, {term})) AddUnique(draft_.unmapped, term);
      }
      if (!cats.empty() && !negated) {
        auto targets = Targets(own, ctx, s.lower);
        if (targets.empty()) {
          for (const auto& c : cats) AddUnique(draft_.overall_categories, c);
        } else {
          TieCategories(cats, targets, s);
        }
      } else if (cats.empty() && !own.empty() && ctx.previous && StartsWithAnaphor(s.lower)) {
        // "Dit zal worden opgeslagen in het adresboek bij de bank." takes the
        // data of the sentence before.
        std::vector<std::string> prev;
        for (const auto& m : statement::FindTerms(*ctx.previous, lex_.category_terms)) {
          for (const auto& c : lex_.categories_of_term[m.term]) AddUnique(prev, c);
        }
        if (!statement::ContainsAnyWord(ctx.previous->lower, lex_.negations)) TieCategories(prev, own, s);
      }
      Retention(s, own, ctx);
      Promises(s, negated);
      LegalBasis(s);
      ctx.previous = &s;
    }
  }

  // "– Naam: 5 jaar", "• ...", "* ...": an item of a list.
  static bool ListItem(const std::string& text) {
    size_t b = text.find_first_not_of(" \t");
    if (b == std::string::npos) return false;
    std::string_view t = std::string_view(text).substr(b);
    return t.starts_with("-") || t.starts_with("*") || t.starts_with("\u2013") || t.starts_with("\u2014") ||
           t.starts_with("\u2022") || t.starts_with("\u00b7");
  }

  static bool EndsWithColon(const std::string& text) {
    size_t e = text.find_last_not_of(" \t\r\n");
    return e != std::string::npos && text[e] == ':';
  }

  static bool StartsWithAnaphor(const std::string& lower) {
    static const std::vector<std::string> kWords = {"dit ", "deze ", "die ", "dat ", "hierin ", "daarin ",
                                                   "this ", "these ", "it ", "they "};
    return std::any_of(kWords.begin(), kWords.end(), [&](const auto& w) { return lower.starts_with(w); });
  }

  // A sentence about retention: one with a retention verb, or an item of a
  // list that a retention sentence ending in ':' leads into ("We use the
  // following retention periods: – Name: up to 5 years ...").
  void Retention(const Sentence& s, const std::vector<size_t>& own, const Context& ctx) {
    std::smatch m;
    bool verb = statement::ContainsAnyWord(s.lower, lex_.retention_verbs);
    bool listed = ListItem(s.text);
    bool item = !verb && retention_list_ && listed && std::regex_search(s.lower, m, period_);
    bool lead = verb && EndsWithColon(s.text);
    retention_list_ = lead || (retention_list_ && listed && !verb);
    if (!verb && !item) return;
    std::optional<int> months;
    if (std::regex_search(s.lower, m, period_)) {
      std::string n = m[1].str();
      int count = std::isdigit(static_cast<unsigned char>(n[0])) ? std::stoi(n) : lex_.number_words.at(n);
      months = count * lex_.unit_months.at(statement::Lower(m[2].str()));
    }
    for (const auto& [phrase, implied] : lex_.implied_retention) {
      if (!months && statement::ContainsAnyWord(s.lower, {phrase})) months = implied;
    }
    if (!months && !statement::ContainsAnyWord(s.lower, lex_.retention_time_words)) return;
    std::vector<size_t> targets = own;
    if (targets.empty() && ctx.previous && StartsWithAnaphor(s.lower)) targets = Resolved(*ctx.previous, false);
    if (targets.empty()) targets = Targets(own, ctx, s.lower);
    std::string note = statement::Quote(s.text);
    if (targets.empty()) {
      if (months && !draft_.retention_months) draft_.retention_months = months;
      AddUnique(draft_.retention_notes, note);
      return;
    }
    for (size_t i : targets) {
      auto& sys = draft_.systems[i];
      if (months && !sys.retention_months) sys.retention_months = months;
      AddUnique(sys.retention_notes, note);
    }
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
      for (const auto& s : p.sentences) {
        for (size_t i : Resolved(s, true)) AddUnique(section_systems_, i);
        auto h = Hints(s.lower);
        section_hints_.insert(h.begin(), h.end());
      }
      return;
    }
    Context ctx;
    ctx.section_systems = section_systems_;
    ctx.section_hints = section_hints_;
    for (const auto& s : p.sentences) {
      for (size_t i : Resolved(s, false)) AddUnique(ctx.paragraph_systems, i);
    }
    Sentences(p, ctx);
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
  const std::string& text_;
  std::vector<Paragraph> paragraphs_;
  std::regex period_;
  std::map<size_t, size_t> resolve_;  // lexicon system -> lexicon system it folds into
  std::map<size_t, size_t> index_;    // lexicon system -> index in draft_.systems
  std::vector<size_t> section_systems_;
  std::set<std::string> section_hints_;
  bool retention_list_ = false;  // inside a list led by "... retention periods:"
  RegisterDraft draft_;
};

}  // namespace

Result<RegisterDraft> DraftRegister(const std::string& statement, const rules::RuleSet& rules) {
  auto lex = DraftLexicon::Load(rules);
  if (!lex) return std::unexpected(lex.error());
  return Drafter(*lex, statement).Run();
}

}  // namespace piiscan::audit
