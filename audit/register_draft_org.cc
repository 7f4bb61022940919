// The organisation a privacy statement is about (audit/register_draft_parts.h).
#include <algorithm>
#include <cctype>
#include <map>
#include <regex>

#include "audit/register_draft_parts.h"

namespace piiscan::audit::draft {
namespace {

// Names start with a capital or a digit ("3M", "V.C.G. Rabenhaupt").
bool Capital(unsigned char c) { return std::isupper(c) || std::isdigit(c); }

bool IsIn(const std::vector<std::string>& v, const std::string& w) {
  return std::find(v.begin(), v.end(), w) != v.end();
}

std::vector<std::string> Words(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

std::string Join(const std::vector<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

bool StartsWithQuote(const std::string& s) {
  for (const char* q : {"\"", "'", "\u2018", "\u2019", "\u201c", "\u201d"}) {
    if (s.starts_with(q)) return true;
  }
  return false;
}

void StripQuotes(std::string& s) {
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    for (const char* q : {"\"", "'", "\u2018", "\u2019", "\u201c", "\u201d"}) {
      std::string_view qv(q);
      if (s.starts_with(qv)) s.erase(0, qv.size()), changed = true;
      if (s.ends_with(qv)) s.erase(s.size() - qv.size()), changed = true;
    }
  }
}

// A captured name without what follows it on the line ("X (hierna SJB)",
// "X – Utrecht"), quotes and trailing punctuation; a legal form keeps its dot.
std::string Clean(std::string s, const DraftLexicon& lex) {
  for (const char* cut : {"(", " \u2013 ", " \u2014 ", " - ", " | ", "\t"}) {
    auto p = s.find(cut);
    if (p != std::string::npos && p > 0) s.erase(p);
  }
  for (const auto& w : lex.org_name_cut) {
    auto p = statement::Lower(s).find(" " + w + " ");
    if (p != std::string::npos && p > 0) s.erase(p);
  }
  auto not_space = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  StripQuotes(s);
  while (!s.empty() && (s.back() == ',' || s.back() == ':' || s.back() == ';' || s.back() == ' '))
    s.pop_back();
  // "BWT Nederland BVberust": a legal form glued to the next word in the source.
  if (auto words = Words(s); words.size() >= 2) {
    bool cut = false;
    for (size_t i = 1; i < words.size() && !cut; ++i) {
      for (const auto& f : lex.legal_forms) {
        const std::string& w = words[i];
        if (f.size() >= 2 && std::isupper(static_cast<unsigned char>(f[0])) &&
            w.size() > f.size() && w.starts_with(f) &&
            std::islower(static_cast<unsigned char>(w[f.size()]))) {
          words.resize(i + 1);
          words[i] = f;
          s = Join(words);
          cut = true;
          break;
        }
      }
    }
  }
  if (!s.empty() && s.back() == '.') {
    auto words = Words(s);
    const std::string& last = words.back();
    bool abbreviation = std::count(last.begin(), last.end(), '.') > 1;
    if (!IsIn(lex.legal_forms, last) && !abbreviation) s.pop_back();
  }
  return s;
}

// Drops words a name does not start with ("De", "Privacy", "website").
std::string StripStop(const std::string& s, const DraftLexicon& lex) {
  auto words = Words(s);
  size_t i = 0;
  while (i < words.size() && IsIn(lex.org_stop_words, statement::Lower(words[i]))) ++i;
  return Join(std::vector<std::string>(words.begin() + i, words.end()));
}

// `StripStop(name)`, but keeping the stop words that belong to the name
// where the text's web or mail domain spells the longer name
// ("Website Webmaster" with www.websitewebmaster.nl).
std::string StripStopKeepDomain(const std::string& name, const std::string& text, const DraftLexicon& lex) {
  std::string stripped = StripStop(name, lex);
  if (stripped == name || stripped.empty()) return stripped;
  std::string lower_text = statement::Lower(text);
  auto words = Words(name);
  for (size_t i = 0; i < words.size(); ++i) {
    std::string candidate = Join(std::vector<std::string>(words.begin() + i, words.end()));
    if (candidate.size() <= stripped.size()) break;
    std::string squashed;
    for (unsigned char c : statement::Lower(candidate)) {
      if (std::isalnum(c)) squashed += static_cast<char>(c);
    }
    for (size_t at = lower_text.find(squashed + "."); at != std::string::npos;
         at = lower_text.find(squashed + ".", at + 1)) {
      char before = at > 0 ? lower_text[at - 1] : ' ';
      if (before == '.' || before == '/' || before == '@') return candidate;
    }
  }
  return stripped;
}

// A name: capitalised first and last word (or a legal form last), at most two
// lower-case words that are no connectors ("Mondhygiëne praktijk D. Van
// Staden"), at most eight words; or "gemeente X".
bool Plausible(const std::string& name, const DraftLexicon& lex) {
  auto words = Words(name);
  if (words.empty() || words.size() > 8) return false;
  if (IsIn(lex.municipality_words, statement::Lower(words[0])))
    return words.size() >= 2 && Capital(words[1][0]);
  if (!Capital(words[0][0])) return false;
  // "25 mei 2018, legt ...": a date, no name; a name has a letter in its first word ("3M").
  if (std::none_of(words[0].begin(), words[0].end(), [](unsigned char c) { return std::isalpha(c); }))
    return false;
  const std::string& last = words.back();
  if (!Capital(last[0]) && !IsIn(lex.legal_forms, last)) return false;
  // "Privacybeleid Persoonsgegevens": title words, no name.
  if (std::all_of(words.begin(), words.end(), [&](const std::string& w) {
        std::string l = statement::Lower(w);
        return IsIn(lex.org_not_names, l) || IsIn(lex.org_stop_words, l);
      }))
    return false;
  int lower = 0;
  for (const auto& w : words) {
    if (!Capital(w[0]) && w != "&" && !IsIn(lex.name_connectors, statement::Lower(w)) &&
        !IsIn(lex.legal_forms, w)) {
      ++lower;
    }
  }
  return lower <= 2;
}

// The name that ends at `end` on its line: capitalised words and connectors,
// walking back ("Kinderopvang Dikke Knuff" before ", hierna ...").
std::string NameEndingAt(const std::string& text, size_t end, const DraftLexicon& lex) {
  std::vector<std::string> words;
  size_t i = end;
  while (words.size() < 8) {
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
    size_t e = i;
    while (i > 0 && !std::isspace(static_cast<unsigned char>(text[i - 1]))) --i;
    if (e == i) break;
    std::string w = text.substr(i, e - i);
    if (w.find_first_of("(),;:") != std::string::npos) break;
    if (!Capital(w[0]) && w != "&" && !IsIn(lex.name_connectors, statement::Lower(w))) break;
    words.insert(words.begin(), w);
  }
  while (!words.empty() && !Capital(words.front()[0])) words.erase(words.begin());
  return StripStop(Join(words), lex);
}

bool Acronym(const std::string& s) {
  if (s.size() < 2 || s.size() > 6) return false;
  return std::all_of(s.begin(), s.end(),
                     [](unsigned char c) { return std::isupper(c) || c == '&' || c == '.'; });
}

// "X (hierna: Y)": the full name X when the text gives it before the cue, or
// the first longer name in the text that ends in Y; else Y.
std::string FromAlias(const DraftLexicon& lex, const std::string& text) {
  std::smatch m;
  if (!std::regex_search(text, m, lex.org_alias)) return "";
  std::string alias = Clean(m[1].str(), lex);
  if (alias.empty() || StartsWithQuote(alias)) return "";
  std::string before = NameEndingAt(text, m.position(0), lex);
  if (!before.empty() && (before.ends_with(alias) || Acronym(alias))) return before;
  for (size_t at = text.find(alias); at != std::string::npos; at = text.find(alias, at + 1)) {
    std::string longer = NameEndingAt(text, at + alias.size(), lex);
    if (longer.size() > alias.size() && longer.ends_with(alias) && Plausible(longer, lex))
      return longer;
  }
  return alias;
}

// "Vereniging van Groene Daken, Tuinen en Erven (GDTE)": a name whose
// capitalised words' initials spell the abbreviation in brackets after it,
// with the form before it ("Stichting", "Vereniging van"). Only a name
// that starts with such a form or ends in a legal form: "Algemene Verordening
// Gegevensbescherming (AVG)" and a federation the data goes to are no
// organisation of the statement.
std::string FromAcronym(const DraftLexicon& lex, const std::string& text) {
  static const std::regex kBracket(R"(\(([A-Z][A-Z&]{1,7})\))");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kBracket); it != std::sregex_iterator(); ++it) {
    std::string acronym = (*it)[1].str();
    if (IsIn(lex.org_not_names, statement::Lower(acronym))) continue;
    std::vector<std::string> words;  // nearest first
    const size_t open = static_cast<size_t>(it->position(0));
    size_t i = open;
    while (words.size() < 12) {
      while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t')) --i;
      size_t e = i;
      while (i > 0 && !std::isspace(static_cast<unsigned char>(text[i - 1]))) --i;
      if (e == i) break;
      std::string w = text.substr(i, e - i);
      if (w.back() == ',') w.pop_back();
      if (w.empty() || w.find_first_of(".;:()\"") != std::string::npos) break;
      if (!Capital(w[0]) && !IsIn(lex.name_connectors, statement::Lower(w))) break;
      words.push_back(w);
      if (text[e - 1] == ',' && e != open) words.back() += ",";
    }
    // The shortest run of words whose capitals spell the abbreviation.
    std::string initials;
    size_t n = 0;
    for (; n < words.size() && initials.size() < acronym.size(); ++n) {
      if (Capital(words[n][0])) initials.insert(initials.begin(), words[n][0]);
    }
    if (initials != acronym) continue;
    // The form before it, over connectors: "Vereniging van".
    size_t m = n;
    while (m < words.size() && IsIn(lex.name_connectors, statement::Lower(words[m]))) ++m;
    bool form = m < words.size() && IsIn(lex.org_prefix_forms, words[m]);
    // "Stichting Kenpo Karate Utrecht (SKKU)": the form is the first initial.
    if (!form && n > 0 && IsIn(lex.org_prefix_forms, words[n - 1])) {
      form = true;
      m = n - 1;
    }
    std::vector<std::string> name(words.rend() - static_cast<long>(form ? m + 1 : n), words.rend());
    std::string joined = Join(name);
    if (!joined.empty() && joined.back() == ',') joined.pop_back();
    bool legal = !name.empty() && IsIn(lex.legal_forms, name.back());
    if ((form || legal) && Plausible(StripStop(joined, lex), lex)) return StripStop(joined, lex);
  }
  return "";
}

// Names with a legal form ("Knab Advies en Bemiddeling N.V."): the most
// frequent one (a name also counts where it ends a longer candidate:
// "Privacyverklaring Acme B.V." supports "Acme B.V.") and how often it occurs.
std::pair<std::string, int> WithLegalForm(const DraftLexicon& lex, const std::string& text) {
  std::string forms, connectors;
  for (const auto& f : lex.legal_forms)
    forms += (forms.empty() ? "" : "|") + statement::RegexEscape(f);
  for (const auto& c : lex.name_connectors)
    connectors += (connectors.empty() ? "" : "|") + statement::RegexEscape(c);
  std::regex named("((?:[A-Z0-9][A-Za-z0-9&'.-]*[ \\t](?:(?:" + connectors +
                   ")[ \\t](?=[A-Z0-9]))?){1,4})(" + forms + ")(?=[^A-Za-z]|$)");
  std::map<std::string, std::pair<int, size_t>> counts;  // name -> (count, first position)
  for (auto it = std::sregex_iterator(text.begin(), text.end(), named);
       it != std::sregex_iterator(); ++it) {
    std::string name = StripStop((*it)[1].str(), lex);
    if (name.empty()) continue;
    name += " " + (*it)[2].str();
    auto& c = counts[name];
    if (c.first++ == 0) c.second = it->position();
  }
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
  return {best, best_c.first};
}

// Names after a form that stands before them ("Stichting HoPe", "Basisschool
// Antares"): the most frequent one and how often it occurs.
std::pair<std::string, int> WithPrefixForm(const DraftLexicon& lex, const std::string& text) {
  if (lex.org_prefix_forms.empty()) return {"", 0};
  std::string forms;
  for (const auto& f : lex.org_prefix_forms) forms += (forms.empty() ? "" : "|") + statement::RegexEscape(f);
  // "Huisartsenpraktijk Arentsen en Groeneveld": a connector between two capitalised words.
  std::string joins;
  for (const auto& c : lex.name_connectors) joins += (joins.empty() ? "" : "|") + statement::RegexEscape(c);
  // "Kinderopvang 1,2,3": a comma between digits stays in the name.
  std::regex named("(?:^|[^A-Za-z])((?:" + forms + ")[ \t][A-Z0-9](?:[A-Za-z0-9&'.-]|,(?=[0-9]))*(?:[ \t](?:(?:" +
                   joins + ")[ \t])?[A-Z0-9][A-Za-z0-9&'-]*){0,3})");
  std::map<std::string, std::pair<int, size_t>> counts;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), named); it != std::sregex_iterator(); ++it) {
    std::string name = Clean((*it)[1].str(), lex);
    auto& c = counts[name];
    if (c.first++ == 0) c.second = it->position();
  }
  std::string best;
  std::pair<int, size_t> best_c{0, 0};
  for (const auto& [name, c] : counts) {
    if (c.first > best_c.first || (c.first == best_c.first && c.second < best_c.second)) {
      best = name;
      best_c = c;
    }
  }
  return {best, best_c.first};
}

// "PRIVACYVERKLARING THEE BEWUST": a title line in capitals, read as
// "Privacyverklaring Thee Bewust" (words of up to three letters stay: "BV").
// Any other line is returned as it is.
std::string TitleCase(std::string line) {
  bool lower = std::any_of(line.begin(), line.end(), [](unsigned char c) { return std::islower(c); });
  size_t upper = std::count_if(line.begin(), line.end(), [](unsigned char c) { return std::isupper(c); });
  if (lower || upper < 4) return line;
  for (size_t i = 0; i < line.size();) {
    size_t e = i;
    while (e < line.size() && !std::isspace(static_cast<unsigned char>(line[e]))) ++e;
    if (e - i > 3) {
      for (size_t k = i + 1; k < e; ++k) {
        if (line[k] >= 'A' && line[k] <= 'Z') line[k] = static_cast<char>(line[k] - 'A' + 'a');
      }
    }
    i = e + 1;
  }
  return line;
}

// "Privacyverklaring gemeente Heemstede", "Privacy reglement V.C.G. Rabenhaupt"
// in one of the first lines.
std::string FromTitle(const DraftLexicon& lex, const std::string& text) {
  size_t start = 0;
  for (int lines = 0; lines < 12 && start < text.size(); ++lines) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = TitleCase(text.substr(start, end - start));
    start = end + 1;
    std::smatch m;
    for (const auto& title : lex.org_titles) {
      if (!std::regex_search(line, m, title)) continue;
      std::string name = StripStop(Clean(m[1].str(), lex), lex);
      if (Plausible(name, lex)) return name;
    }
  }
  return "";
}

}  // namespace

Organisation FindOrganisation(const DraftLexicon& lex, const std::string& text) {
  Organisation out;
  std::smatch m;
  auto pick = [&](const std::string& raw) {
    if (!out.name.empty()) return;
    std::string name = StripStopKeepDomain(Clean(raw, lex), text, lex);
    if (Plausible(name, lex)) out.name = name;
  };
  std::vector<std::string> labelled;
  for (const auto& re : lex.org_labelled)
    labelled.push_back(std::regex_search(text, m, re) ? m[1].str() : "");
  auto [legal, legal_count] = WithLegalForm(lex, text);
  if (!labelled.empty() && !labelled[0].empty()) out.name = Clean(labelled[0], lex);
  if (out.name.empty() && legal_count >= 2) out.name = legal;
  for (size_t i = 1; i < labelled.size(); ++i) pick(labelled[i]);
  pick(FromAlias(lex, text));
  // Overlapping: a name that runs on over a sentence end ("Wij werken met
  // een drukker. Acme is verantwoordelijk") is no name, but the sentence
  // after it may start one.
  for (auto from = text.cbegin();
       out.name.empty() &&
       std::regex_search(from, text.cend(), m, lex.org_subject,
                         from == text.cbegin() ? std::regex_constants::match_default
                                               : std::regex_constants::match_prev_avail);) {
    pick(m[1].str());
    from = m[1].first + 1;
  }
  if (std::string own = FromDomain(lex, text); out.name.empty() && !own.empty()) {
    if (std::islower(static_cast<unsigned char>(own[0])))
      out.name = own;  // "oamkb": the text writes its name as its address does
    else
      pick(own);
  }
  if (auto [prefixed, n] = WithPrefixForm(lex, text); n >= 2) pick(prefixed);
  pick(FromTitle(lex, text));
  for (const auto& re : lex.org_running) {
    if (!out.name.empty() || !std::regex_search(text, m, re)) continue;
    // Mid-sentence, a capitalised article belongs to the name ("Bij
    // onderwijsinstelling De Waterlelie gaan wij ...").
    std::string raw = Clean(m[1].str(), lex);
    if ((raw.starts_with("De ") || raw.starts_with("Het ")) && Plausible(raw, lex))
      out.name = raw;
    else
      pick(raw);
  }
  pick(FromAcronym(lex, text));
  // A name with a legal form that the text gives once may be a processor's
  // ("de servers van X B.V."): it comes after the cues above.
  if (out.name.empty()) out.name = legal;
  if (out.name.empty() && std::regex_search(text, m, lex.org_municipality)) out.name = m[1].str();
  // "Leadinfo verwerkt ..." and "Leadinfo B.V." elsewhere: the full name.
  if (!out.name.empty() && legal.size() > out.name.size() && legal.starts_with(out.name) &&
      (legal[out.name.size()] == ' ' || legal[out.name.size()] == '.')) {
    out.name = legal;
  }
  if (std::regex_search(text, m, lex.kvk)) out.kvk = m[1].str();
  if (statement::ContainsAnyWord(statement::Lower(text), lex.sole_trader))
    out.legal_form = lex.sole_trader.front();
  return out;
}

}  // namespace piiscan::audit::draft
