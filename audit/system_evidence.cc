// The weighted evidence model for systems and processors
// (audit/system_evidence.h).
#include "audit/system_evidence.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>

#include "audit/register_draft_parts.h"

namespace piiscan::audit {
namespace {

using statement::Sentence;

bool IsIn(const std::vector<std::string>& v, const std::string& w) {
  return std::find(v.begin(), v.end(), w) != v.end();
}

bool Upper(char c) { return std::isupper(static_cast<unsigned char>(c)); }
bool Lower(char c) { return std::islower(static_cast<unsigned char>(c)); }

bool WordChar(char c) {
  auto u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80 || c == '-';
}

struct Token {
  size_t b = 0, e = 0;
};

// "•", "–", "‘": UTF-8 punctuation (U+2000..U+203F) is no part of a word.
bool Punctuation(const std::string& t, size_t i) {
  return i + 2 < t.size() && static_cast<unsigned char>(t[i]) == 0xE2 &&
         static_cast<unsigned char>(t[i + 1]) == 0x80;
}

std::vector<Token> Tokens(const std::string& t) {
  std::vector<Token> out;
  for (size_t i = 0; i < t.size();) {
    if (Punctuation(t, i)) {
      i += 3;
      continue;
    }
    if (!WordChar(t[i])) {
      ++i;
      continue;
    }
    size_t b = i;
    while (i < t.size() && WordChar(t[i]) && !Punctuation(t, i)) ++i;
    size_t e = i;
    while (e > b && t[e - 1] == '-') --e;  // "Ledenadministratie-" (an elided compound)
    if (e > b) out.push_back({b, e});
  }
  return out;
}

// "ClubBase", "RijbewijsApp": a capital right after a lower-case letter.
bool CamelCase(const std::string& w) {
  for (size_t i = 1; i < w.size(); ++i) {
    if (Upper(w[i]) && Lower(w[i - 1])) return true;
  }
  return false;
}

// "EDR", "TOP": two or more letters, all capitals.
bool Acronym(const std::string& w) {
  size_t letters = 0;
  for (char c : w) {
    if (Lower(c)) return false;
    if (Upper(c)) ++letters;
  }
  return letters >= 2;
}

// Lower-case letters and digits only: "D.E.O." and "DEO" are one name.
std::string Letters(const std::string& s) {
  std::string out;
  for (char c : statement::Lower(s)) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80)
      out += c;
  }
  return out;
}

std::string Slug(const std::string& name) {
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c) || c >= 0x80)
      out += static_cast<char>(std::tolower(c));
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// The words of `lower` before `pos`, nearest first, up to a clause mark.
std::vector<std::string> ClauseWordsBefore(const std::string& lower, size_t pos, size_t max) {
  std::vector<std::string> out;
  size_t i = pos;
  while (i > 0 && out.size() < max) {
    char c = lower[i - 1];
    if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"') break;
    if (!WordChar(c)) {
      --i;
      continue;
    }
    size_t e = i;
    while (i > 0 && WordChar(lower[i - 1])) --i;
    out.push_back(lower.substr(i, e - i));
  }
  return out;
}

// The strongest cue phrase ending right before `pos`, fillers skipped.
double BeforeCue(const SystemModel& m, const std::string& lower, size_t pos) {
  auto words = ClauseWordsBefore(lower, pos, 8);
  size_t k = 0;
  auto adjective = [&](const std::string& w) {
    return w.size() > 3 && w.back() == 'e' && !std::isdigit(static_cast<unsigned char>(w[0]));
  };
  while (k < words.size() && k < 3 && (IsIn(m.fillers, words[k]) || adjective(words[k]))) ++k;
  std::string joined;  // the remaining words in reading order
  for (size_t i = words.size(); i > k; --i) joined += (joined.empty() ? "" : " ") + words[i - 1];
  for (const auto& [cue, w] : m.before) {
    if (joined.size() >= cue.size() && joined.ends_with(cue) &&
        (joined.size() == cue.size() || joined[joined.size() - cue.size() - 1] == ' '))
      return w;
  }
  return 0;
}

double AfterCue(const SystemModel& m, const std::string& lower, size_t end) {
  size_t i = end;
  while (i < lower.size() && (lower[i] == ' ' || lower[i] == ')')) ++i;
  std::string_view rest = std::string_view(lower).substr(i);
  for (const auto& [cue, w] : m.after) {
    if (rest.starts_with(cue) && (rest.size() == cue.size() || !WordChar(rest[cue.size()])))
      return w;
  }
  return 0;
}

// "(bijv. Shopify": a list lead right before `pos`.
bool AfterListLead(const SystemModel& m, const std::string& lower, size_t pos) {
  size_t i = pos;
  while (i > 0 &&
         (lower[i - 1] == ' ' || lower[i - 1] == '.' || lower[i - 1] == ':' || lower[i - 1] == '('))
    --i;
  std::string_view head = std::string_view(lower).substr(0, i);
  return std::any_of(m.list_leads.begin(), m.list_leads.end(), [&](const std::string& l) {
    return head.ends_with(l) &&
           (head.size() == l.size() || !WordChar(head[head.size() - l.size() - 1]));
  });
}

// Only separators between two candidates: ", ", " en ", " of ", "/".
bool Separated(const std::string& lower, size_t from, size_t to) {
  if (from > to) return false;
  std::string between = lower.substr(from, to - from);
  for (const char* w : {" en ", " of ", " and ", " or ", " & "}) {
    for (size_t at = between.find(w); at != std::string::npos; at = between.find(w))
      between.replace(at, std::string_view(w).size(), " ");
  }
  return std::all_of(between.begin(), between.end(),
                     [](char c) { return c == ' ' || c == ',' || c == '/'; });
}

// A quoted name right after `end`: "programma 'PC leden'". Its text, or "".
std::string QuotedAfter(const std::string& t, size_t end) {
  size_t i = end;
  while (i < t.size() && t[i] == ' ') ++i;
  static const std::vector<std::pair<std::string, std::string>> kQuotes = {
      {"\xE2\x80\x98", "\xE2\x80\x99"}, {"\xE2\x80\x9C", "\xE2\x80\x9D"}, {"'", "'"}, {"\"", "\""}};
  for (const auto& [open, close] : kQuotes) {
    if (t.compare(i, open.size(), open) != 0) continue;
    size_t b = i + open.size();
    size_t e = t.find(close, b);
    if (e == std::string::npos || e == b || e - b > 40) return "";
    return t.substr(b, e - b);
  }
  return "";
}

struct Candidate {
  size_t b = 0, e = 0;
  std::string name;
  bool head = false;
  double base = 0;
};

// The head noun `w` ends in (longest first): its weight, or nothing.
std::optional<double> HeadWeight(const SystemModel& m, const std::string& lw) {
  if (IsIn(m.not_heads, lw)) return std::nullopt;
  std::optional<double> best;
  size_t best_len = 0;
  for (const auto& [h, w] : m.heads) {
    if (lw.ends_with(h) && h.size() > best_len) {
      best_len = h.size();
      best = lw.size() == h.size() ? w * m.bare_factor : w;
    }
  }
  return best;
}

bool NotName(const SystemModel& m, const DraftLexicon& lex, const std::string& lower) {
  auto ends_in = [&](const std::vector<std::string>& endings) {
    return std::any_of(endings.begin(), endings.end(),
                       [&](const std::string& e) { return lower.ends_with(e); });
  };
  return IsIn(m.not_names, lower) || IsIn(lex.processor_not_names, lower) ||
         ends_in(m.organisation_endings) ||
         std::any_of(
             m.not_name_endings.begin(), m.not_name_endings.end(),
             [&](const std::string& e) { return lower.size() > e.size() && lower.ends_with(e); });
}

// The end (one past) of a run of up to three capitalised words from token
// `i`, one space apart ("Google Agenda"); `i` when none starts there.
size_t NameRun(const SystemModel& m, const DraftLexicon& lex, const Sentence& s,
               const std::vector<Token>& toks, size_t i) {
  auto word = [&](size_t k) { return s.lower.substr(toks[k].b, toks[k].e - toks[k].b); };
  if (i >= toks.size() || !Upper(s.text[toks[i].b]) || NotName(m, lex, word(i)) ||
      HeadWeight(m, word(i)))
    return i;
  size_t j = i + 1;
  while (j < toks.size() && j - i < 3 && toks[j].b == toks[j - 1].e + 1 &&
         s.text[toks[j - 1].e] == ' ' && Upper(s.text[toks[j].b]) && !HeadWeight(m, word(j)) &&
         !NotName(m, lex, word(j)))
    ++j;
  return j;
}

std::vector<Candidate> Candidates(const SystemModel& m, const DraftLexicon& lex,
                                  const Sentence& s) {
  std::vector<Candidate> out;
  auto toks = Tokens(s.text);
  // "HOE LANG WE GEGEVENS BEWAREN": a heading in capitals names no product.
  bool shouting = std::count_if(s.text.begin(), s.text.end(), Upper) >
                  std::count_if(s.text.begin(), s.text.end(), Lower);
  for (size_t i = 0; i < toks.size(); ++i) {
    std::string w = s.text.substr(toks[i].b, toks[i].e - toks[i].b);
    std::string lw = s.lower.substr(toks[i].b, toks[i].e - toks[i].b);
    if (auto weight = HeadWeight(m, lw)) {
      Candidate c{toks[i].b, toks[i].e, w, true, *weight};
      if (CamelCase(w) || std::count_if(w.begin(), w.end(), Upper) >= 2) c.base += m.brand_head;
      if (std::string q = QuotedAfter(s.text, toks[i].e); !q.empty()) {
        c.name = q;
        c.base += m.quoted;
      } else if (size_t j = NameRun(m, lex, s, toks, i + 1);
                 j > i + 1 && toks[i + 1].b == toks[i].e + 1 && s.text[toks[i].e] == ' ') {
        // "het programma Animana": the name after the head noun is the system.
        c = Candidate{toks[i + 1].b, toks[j - 1].e,
                      s.text.substr(toks[i + 1].b, toks[j - 1].e - toks[i + 1].b), false, *weight};
        i = j - 1;
      }
      out.push_back(c);
      continue;
    }
    if (!Upper(w[0]) || shouting) continue;
    bool strong = CamelCase(w) || Acronym(w);
    if (i == 0 && !strong) continue;  // an ordinary word opening the sentence
    size_t end = NameRun(m, lex, s, toks, i);
    if (end == i) continue;
    size_t j = end - 1;
    Candidate c{toks[i].b, toks[j].e, s.text.substr(toks[i].b, toks[j].e - toks[i].b), false, 0};
    bool camel = false, acronym = false;
    for (size_t k = i; k <= j; ++k) {
      std::string tw = s.text.substr(toks[k].b, toks[k].e - toks[k].b);
      camel = camel || CamelCase(tw);
      acronym = acronym || Acronym(tw);
    }
    c.base = camel ? m.camel_case : (acronym ? m.acronym : 0);
    if (!NotName(m, lex, statement::Lower(c.name)) && c.name.size() >= 2) out.push_back(c);
    i = j;
  }
  return out;
}

// "verwerkt DEO uw gegevens", "TVP verwerkt ...": the name is the agent of
// a controller's verb (the verb after it counts only when no cue precedes
// the name: "via X verwerkt").
bool Controller(const SystemModel& m, const std::string& lower, const Candidate& c, double cue) {
  auto before = ClauseWordsBefore(lower, c.b, 1);
  if (!before.empty() && IsIn(m.controller_verbs, before[0])) return true;
  // "(hierna: SaKS)", "verder te noemen DEO": the organisation's short name.
  size_t b = c.b;
  while (b > 0 &&
         std::string_view(" :\"'(\xE2\x80\x9C\x98").find(lower[b - 1]) != std::string_view::npos)
    --b;
  std::string_view head = std::string_view(lower).substr(0, b);
  if (std::any_of(m.alias_words.begin(), m.alias_words.end(), [&](const std::string& a) {
        return head.ends_with(a) &&
               (head.size() == a.size() || !WordChar(head[head.size() - a.size() - 1]));
      }))
    return true;
  if (cue > 0) return false;
  size_t i = c.e;
  // Past closing quotes and brackets: "(“DEO”) verwerkt".
  while (i < lower.size() && (std::string_view(" )\"'").find(lower[i]) != std::string_view::npos ||
                              Punctuation(lower, i)))
    i += Punctuation(lower, i) ? 3 : 1;
  std::string_view rest = std::string_view(lower).substr(i);
  return std::any_of(
      m.controller_verbs.begin(), m.controller_verbs.end(), [&](const std::string& v) {
        return rest.starts_with(v) && (rest.size() == v.size() || !WordChar(rest[v.size()]));
      });
}

// The systems lexicon entry whose term is the whole phrase, if any.
std::optional<size_t> LexiconEntry(const DraftLexicon& lex, const std::string& name) {
  Sentence probe{name, statement::Lower(name)};
  for (const auto& mt :
       statement::FindTerms(probe, lex.system_terms, lex.system_term_case_sensitive)) {
    if (mt.begin == 0 && mt.end == name.size()) return lex.system_of_term[mt.term];
  }
  return std::nullopt;
}

bool NamesData(const DraftLexicon& lex, const Sentence& s) {
  if (s.lower.find("gegevens") != std::string::npos) return true;
  auto terms = statement::FindTerms(s, lex.category_terms);
  return std::any_of(terms.begin(), terms.end(),
                     [&](const auto& t) { return !lex.categories_of_term[t.term].empty(); });
}

}  // namespace

std::vector<ScoredSystem> ScoreSentence(const SystemModel& m, const DraftLexicon& lex,
                                        const Sentence& s, bool lead) {
  std::vector<ScoredSystem> out;
  double context = 0;
  if (statement::ContainsAnyWord(s.lower, lex.storage_verbs)) context += m.storage;
  if (NamesData(lex, s)) context += m.data;
  if (draft::Negated(lex, s.lower)) context += m.negated;
  if (statement::ContainsAnyWord(s.lower, lex.definitions)) context += m.definition;
  if (statement::ContainsAnyWord(s.lower, lex.reader_verbs)) context += m.reader;
  if (statement::ContainsAnyWord(s.lower, m.contact_words)) context += m.contact;
  if (lead) context += m.lead;
  bool roles = statement::ContainsAnyWord(s.lower, m.roles);
  auto cands = Candidates(m, lex, s);
  auto toks = Tokens(s.text);
  size_t first = toks.empty() ? 0 : toks.front().b;
  double inherited = 0;  // the cue of the list a name continues
  bool inherited_lead = false;
  for (size_t i = 0; i < cands.size(); ++i) {
    const Candidate& c = cands[i];
    double cue = BeforeCue(m, s.lower, c.b);
    bool list = AfterListLead(m, s.lower, c.b);
    if (i > 0 && !c.head && !cands[i - 1].head && Separated(s.lower, cands[i - 1].e, c.b)) {
      cue = std::max(cue, inherited);
      list = list || inherited_lead;
    }
    inherited = cue;
    inherited_lead = list;
    // A name in a sentence about addresses ("info@x.nl") is no product.
    if (!c.head && draft::InAddress(s.lower, statement::Match{c.b, c.e, 0})) continue;
    // "In dit dossier is vastgelegd hoe ...": the statement itself; "een
    // goede administratie": a practice, no system.
    auto near = ClauseWordsBefore(s.lower, c.b, 1);
    if (c.head && !near.empty() &&
        (IsIn(lex.self_determiners, near[0]) || IsIn(lex.practice_adjectives, near[0])))
      continue;
    double score = c.base + cue + AfterCue(m, s.lower, c.e) + context;
    if (!c.head && roles) score += m.role;
    if (!c.head && c.b == first) score += m.subject;
    if (!c.head && Controller(m, s.lower, c, cue)) score += m.controller;
    if (list) score += m.list_lead;
    ScoredSystem r;
    r.name = c.name;
    r.score = score;
    r.generic = c.head && c.name == s.text.substr(c.b, c.e - c.b) && !CamelCase(c.name) &&
                std::count_if(c.name.begin(), c.name.end(), Upper) < 2;
    r.lexicon = LexiconEntry(lex, c.name);
    if (r.lexicon) {
      const auto& ls = lex.systems[*r.lexicon];
      if (!ls.generic) continue;  // a known product: the lexicon drafts it where named
      r.id = ls.id;               // the lexicon's id; the name as written ("ouderportaal")
      r.kind = ls.kind;
    } else {
      r.id = Slug(c.name);
      r.kind = r.generic ? "other" : "processor";
    }
    if (!c.head &&
        !statement::FindTerms(Sentence{c.name, statement::Lower(c.name)}, lex.category_terms)
             .empty())
      continue;  // a data word ("Naam"), no product
    r.evidence = statement::Quote(s.text);
    if (!r.id.empty()) out.push_back(std::move(r));
  }
  return out;
}

std::vector<ScoredSystem> ScoreSystems(const SystemModel& m, const DraftLexicon& lex,
                                       const std::vector<statement::Paragraph>& paragraphs,
                                       const std::string& organisation) {
  std::vector<ScoredSystem> out;
  std::string org = Letters(organisation);
  bool lead = false;  // inside a list whose lead line keeps data
  for (const auto& p : paragraphs) {
    if (p.heading) continue;
    for (const auto& s : p.sentences) {
      bool item = s.list_item || draft::ListItem(s.text);
      if (!item) lead = false;
      if (!p.table) {
        for (auto& r : ScoreSentence(m, lex, s, lead && item)) {
          if (r.score < m.threshold) continue;
          // A name that is (part of) the organisation's, or holds it ("X B.V."
          // for "X"); a compound on a head noun may hold it and still be a
          // system of its own ("bibliotheeksysteem" of "De Bibliotheek").
          std::string lower = Letters(r.name);
          if (!org.empty() && !lower.empty() &&
              (org.find(lower) != std::string::npos ||
               (!r.generic && lower.find(org) != std::string::npos)))
            continue;
          auto it = std::find_if(out.begin(), out.end(),
                                 [&](const ScoredSystem& o) { return o.id == r.id; });
          if (it == out.end())
            out.push_back(std::move(r));
          else if (r.score > it->score)
            *it = std::move(r);
        }
      }
      if (draft::EndsWithColon(s.text) && statement::ContainsAnyWord(s.lower, lex.storage_verbs))
        lead = true;
    }
  }
  return out;
}

namespace {

// What a compound keeps records of: "leerlingendossier" and
// "Leerlingadministratie" are both about pupils ("leerling"); empty when the
// first word ends in no head noun.
std::string Stem(const SystemModel& m, const std::string& name) {
  std::string w = statement::Lower(name.substr(0, name.find(' ')));
  size_t best = 0;
  for (const auto& [h, weight] : m.heads) {
    if (w.size() > h.size() && w.ends_with(h)) best = std::max(best, h.size());
  }
  if (best == 0) return "";
  w.resize(w.size() - best);
  while (!w.empty() && w.back() == '-') w.pop_back();
  for (const char* plural : {"en", "s"}) {
    if (w.ends_with(plural)) w.resize(w.size() - std::string_view(plural).size());
  }
  return w.size() >= 3 ? w : "";
}

}  // namespace

void AddScoredSystems(const SystemModel& m, const DraftLexicon& lex,
                      const std::vector<ScoredSystem>& found, std::vector<DraftSystem>& systems) {
  for (const auto& f : found) {
    std::string name = statement::Lower(f.name);
    std::string stem = f.generic ? Stem(m, f.name) : "";
    bool known = std::any_of(systems.begin(), systems.end(), [&](const DraftSystem& d) {
      std::string dn = statement::Lower(d.name);
      if (d.id == f.id || dn.find(name) != std::string::npos ||
          name.find(dn) != std::string::npos || name.find(d.id) != std::string::npos)
        return true;
      if (!stem.empty() && stem == Stem(m, d.name)) return true;
      if (!f.lexicon) return false;
      const auto& part_of = lex.systems[*f.lexicon].part_of;
      return d.kind == f.kind || IsIn(part_of, d.kind);
    });
    if (known) continue;
    DraftSystem d;
    d.id = f.id;
    d.name = f.name;
    if (f.generic && !d.name.empty() && std::islower(static_cast<unsigned char>(d.name[0])))
      d.name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(d.name[0])));
    d.kind = f.kind;
    d.generic = f.generic;
    d.evidence.push_back(f.evidence);
    if (auto it = lex.kind_purposes.find(f.kind); it != lex.kind_purposes.end())
      d.purposes = it->second;
    systems.push_back(std::move(d));
  }
}

Result<SystemModel> SystemModel::Load(const rules::RuleSet& rules) {
  const std::string name = "register/system_model.yaml";
  auto it = rules.files.find(name);
  if (it == rules.files.end()) return Fail("rules: missing " + name);
  SystemModel m;
  try {
    YAML::Node n = YAML::Load(it->second);
    auto strings = [](const YAML::Node& x) {
      std::vector<std::string> v;
      for (const auto& s : x) v.push_back(statement::Lower(s.as<std::string>()));
      return v;
    };
    auto phrases = [](const YAML::Node& x) {
      std::vector<std::pair<std::string, double>> v;
      for (const auto& kv : x)
        v.emplace_back(statement::Lower(kv.first.as<std::string>()), kv.second.as<double>());
      std::stable_sort(v.begin(), v.end(), [](const auto& a, const auto& b) {
        return a.first.size() > b.first.size();
      });
      return v;
    };
    m.threshold = n["threshold"].as<double>();
    for (const auto& kv : n["heads"])
      m.heads[statement::Lower(kv.first.as<std::string>())] = kv.second.as<double>();
    m.bare_factor = n["bare_factor"].as<double>();
    m.brand_head = n["brand_head"].as<double>();
    m.not_heads = strings(n["not_heads"]);
    m.fillers = strings(n["fillers"]);
    m.before = phrases(n["before"]);
    m.after = phrases(n["after"]);
    m.list_leads = strings(n["list_leads"]);
    m.list_lead = n["list_lead"].as<double>();
    const YAML::Node& s = n["sentence"];
    m.storage = s["storage"].as<double>();
    m.data = s["data"].as<double>();
    m.role = s["role"].as<double>();
    m.negated = s["negated"].as<double>();
    m.definition = s["definition"].as<double>();
    m.reader = s["reader"].as<double>();
    m.lead = s["lead"].as<double>();
    m.subject = s["subject"].as<double>();
    m.contact = s["contact"].as<double>();
    m.contact_words = strings(n["contact_words"]);
    m.controller_verbs = strings(n["controller_verbs"]);
    m.controller = n["controller"].as<double>();
    m.alias_words = strings(n["alias_words"]);
    m.organisation_endings = strings(n["organisation_endings"]);
    m.roles = strings(n["roles"]);
    m.camel_case = n["names"]["camel_case"].as<double>();
    m.acronym = n["names"]["acronym"].as<double>();
    m.quoted = n["names"]["quoted"].as<double>();
    m.not_names = strings(n["not_names"]);
    m.not_name_endings = strings(n["not_name_endings"]);
  } catch (const YAML::Exception& e) {
    return Fail(name + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg);
  }
  return m;
}

}  // namespace piiscan::audit
