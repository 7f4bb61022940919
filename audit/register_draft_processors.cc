// Processors and products a privacy statement names in prose
// (audit/register_draft_parts.h).
#include <algorithm>
#include <cctype>

#include "audit/register_draft_parts.h"

namespace piiscan::audit::draft {
namespace {

bool IsIn(const std::vector<std::string>& v, const std::string& w) {
  return std::find(v.begin(), v.end(), w) != v.end();
}

size_t SkipSpaces(const std::string& t, size_t i) {
  while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
  return i;
}

// The word at `i` (up to a space or punctuation that cannot be inside a name).
size_t WordEnd(const std::string& t, size_t i) {
  while (i < t.size() && !std::isspace(static_cast<unsigned char>(t[i])) &&
         std::string_view(",;:()\"!?").find(t[i]) == std::string_view::npos) {
    ++i;
  }
  return i;
}

// A product name at `i`: up to three capitalised words ("Sportlink", "Google
// Fonts", "BRON"); an article or possessive before it is skipped when
// `article` ("gebruik van de X"). Sets `end` past the name.
std::string NameAt(const DraftLexicon& lex, const std::string& t, size_t i, bool article,
                   size_t& end) {
  i = SkipSpaces(t, i);
  if (article) {
    size_t e = WordEnd(t, i);
    if (e > i && IsIn(lex.processor_not_names, statement::Lower(t.substr(i, e - i))) &&
        !std::isupper(static_cast<unsigned char>(t[i]))) {
      i = SkipSpaces(t, e);
    }
  }
  std::vector<std::string> words;
  // Later words may start with a digit: "Office 365" is one name.
  while (words.size() < 3 && i < t.size() &&
         (std::isupper(static_cast<unsigned char>(t[i])) ||
          (!words.empty() && std::isdigit(static_cast<unsigned char>(t[i]))))) {
    size_t e = WordEnd(t, i);
    std::string w = t.substr(i, e - i);
    bool sentence_end = !w.empty() && w.back() == '.' && std::count(w.begin(), w.end(), '.') == 1;
    if (sentence_end) w.pop_back();
    // "SSL-certificaat", "KNVB-lidmaatschap": a common noun built on a name.
    auto hyphen = w.find('-');
    if (hyphen != std::string::npos && hyphen + 1 < w.size() &&
        std::islower(static_cast<unsigned char>(w[hyphen + 1])))
      break;
    words.push_back(w);
    end = e;
    if (sentence_end || e >= t.size() || t[e] != ' ') break;
    i = e + 1;
  }
  std::string name;
  for (const auto& w : words) name += (name.empty() ? "" : " ") + w;
  return name;
}

std::string Slug(const std::string& name) {
  std::string out;
  for (unsigned char c : name) {
    if (std::isalnum(c))
      out += static_cast<char>(std::tolower(c));
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

// `t` at `i` starts with one of `words` (lower case, whole word): its length, or 0.
size_t StartsWithWord(const std::string& t, size_t i, const std::vector<std::string>& words) {
  for (const auto& w : words) {
    if (t.size() - i > w.size() && statement::Lower(t.substr(i, w.size())) == w &&
        (t[i + w.size()] == ' ' || t[i + w.size()] == '\t')) {
      return w.size();
    }
  }
  return 0;
}

// The names of a list that follows `at` after "zoals" or a colon: "zoals Ebay,
// Catawiki, Delcampe, etc." (two or more).
std::vector<std::string> ListAt(const DraftLexicon& lex, const std::string& t, size_t at) {
  size_t i = SkipSpaces(t, at);
  if (size_t n = i < t.size() ? StartsWithWord(t, i, lex.processor_list_lead) : 0) {
    i += n;
  } else if (i < t.size() && t[i] == ':') {
    ++i;
  } else {
    return {};
  }
  std::vector<std::string> names;
  while (true) {
    size_t end = i;
    std::string name = NameAt(lex, t, i, false, end);
    if (name.empty()) break;
    names.push_back(name);
    i = SkipSpaces(t, end);
    bool comma = i < t.size() && t[i] == ',';
    if (comma) i = SkipSpaces(t, i + 1);
    size_t joiner = i < t.size() ? StartsWithWord(t, i, lex.list_joiners) : 0;
    if (joiner) i = SkipSpaces(t, i + joiner);
    if (!comma && !joiner) break;
  }
  return names.size() >= 2 ? names : std::vector<std::string>{};
}

// "ClubCollect", "ParnasSys": a capital after a lower-case letter inside a
// word marks a product name, where an ordinary heading word has none.
bool CamelCase(const std::string& w) {
  for (size_t i = 1; i < w.size(); ++i) {
    if (std::isupper(static_cast<unsigned char>(w[i])) && std::islower(static_cast<unsigned char>(w[i - 1])))
      return true;
  }
  return false;
}

// A heading that is only a product name ("10. ClubCollect"): one or two
// words, one of them CamelCase.
std::string HeadingName(const std::string& text) {
  size_t i = 0;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.' ||
                             std::isspace(static_cast<unsigned char>(text[i]))))
    ++i;
  std::string rest = text.substr(i);
  while (!rest.empty() && std::isspace(static_cast<unsigned char>(rest.back()))) rest.pop_back();
  size_t spaces = std::count(rest.begin(), rest.end(), ' ');
  if (rest.empty() || spaces > 1 || !std::isupper(static_cast<unsigned char>(rest[0]))) return "";
  bool camel = false;
  size_t b = 0;
  while (b < rest.size()) {
    size_t e = rest.find(' ', b);
    if (e == std::string::npos) e = rest.size();
    std::string w = rest.substr(b, e - b);
    if (!std::all_of(w.begin(), w.end(), [](unsigned char c) { return std::isalnum(c) || c == '-'; }))
      return "";
    camel = camel || CamelCase(w);
    b = e + 1;
  }
  return camel ? rest : "";
}

// The names right after a word ending in a system noun: "administratiesysteem
// ParnasSys", "het programma Conscribo".
std::vector<std::string> AfterSystemNouns(const DraftLexicon& lex, const std::string& t) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < t.size()) {
    size_t b = i;
    size_t e = WordEnd(t, b);
    if (e == b) {
      ++i;
      continue;
    }
    std::string w = statement::Lower(t.substr(b, e - b));
    bool noun = std::any_of(lex.processor_noun_suffixes.begin(), lex.processor_noun_suffixes.end(),
                            [&](const std::string& suf) { return w.ends_with(suf); });
    if (noun && e < t.size() && t[e] == ' ') {
      size_t end = e;
      std::string name = NameAt(lex, t, e + 1, false, end);
      if (!name.empty()) out.push_back(name);
    }
    i = e + 1;
  }
  return out;
}

// "Sportlink is voor de vereniging verwerker van ...", "X treedt op als
// verwerker": the sentence's subject, when a role word follows.
std::string SubjectProcessor(const DraftLexicon& lex, const std::string& t) {
  size_t i = SkipSpaces(t, 0);
  size_t e = WordEnd(t, i);
  if (e > i && IsIn(lex.processor_not_names, statement::Lower(t.substr(i, e - i)))) i = SkipSpaces(t, e);
  size_t end = i;
  std::string name = NameAt(lex, t, i, false, end);
  if (name.empty()) return "";
  size_t v = SkipSpaces(t, end);
  if (!StartsWithWord(t, v, lex.processor_subject_verbs)) return "";
  std::string rest = statement::Lower(t.substr(v));
  return statement::ContainsAnyWord(rest, lex.processor_roles) ? name : "";
}

}  // namespace

std::vector<Processor> FindProcessors(const DraftLexicon& lex,
                                      const std::vector<statement::Paragraph>& paragraphs,
                                      const std::string& organisation) {
  std::vector<Processor> out;
  std::string org = statement::Lower(organisation);
  auto add = [&](const std::string& name, const statement::Sentence& s) {
    std::string lower = statement::Lower(name);
    if (name.size() < 2 || IsIn(lex.processor_not_names, lower)) return;
    if (!org.empty() && org.find(lower) != std::string::npos) return;
    statement::Sentence probe{name, lower};
    // Known products are drafted from the systems lexicon; data words are no product.
    if (!statement::FindTerms(probe, lex.system_terms, lex.system_term_case_sensitive).empty())
      return;
    if (!statement::FindTerms(probe, lex.category_terms).empty()) return;
    std::string id = Slug(name);
    if (id.empty()) return;
    if (std::any_of(out.begin(), out.end(), [&](const Processor& p) { return p.id == id; })) return;
    out.push_back(Processor{id, name, statement::Quote(s.text)});
  };
  for (const auto& p : paragraphs) {
    if (p.heading && !p.sentences.empty()) {
      std::string name = HeadingName(p.text);
      if (!name.empty()) add(name, p.sentences.front());
    }
    if (p.heading || p.table) continue;
    for (const auto& s : p.sentences) {
      if (auto name = SubjectProcessor(lex, s.text); !name.empty()) add(name, s);
      for (const auto& m : statement::FindTerms(s, lex.processor_bare_before)) {
        size_t end = m.end;
        std::string name = NameAt(lex, s.text, m.end, false, end);
        if (!name.empty()) add(name, s);
      }
      for (const auto& name : AfterSystemNouns(lex, s.text)) add(name, s);
      for (const auto& m : statement::FindTerms(s, lex.processor_before)) {
        size_t end = m.end;
        std::string name = NameAt(lex, s.text, m.end, true, end);
        if (!name.empty()) add(name, s);
      }
      for (const auto& m : statement::FindTerms(s, lex.processor_list_nouns)) {
        for (const auto& name : ListAt(lex, s.text, m.end)) add(name, s);
      }
    }
  }
  return out;
}

}  // namespace piiscan::audit::draft
