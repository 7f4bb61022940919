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
  while (words.size() < 3 && i < t.size() && std::isupper(static_cast<unsigned char>(t[i]))) {
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
    if (p.heading || p.table) continue;
    for (const auto& s : p.sentences) {
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
