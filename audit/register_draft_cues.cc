#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "audit/register_draft_parts.h"

namespace piiscan::audit::draft {

// "een dossier aan te leggen", "houden een ledenadministratie bij": one of
// the keeping phrases right after the system.
bool KeptAfter(const DraftLexicon& lex, const std::string& lower, size_t end) {
  size_t e = end;
  while (e < lower.size() && lower[e] == ' ') ++e;
  std::string_view rest = std::string_view(lower).substr(e);
  return std::any_of(lex.keeping_after.begin(), lex.keeping_after.end(), [&](const std::string& k) {
    return rest.starts_with(k) &&
           (rest.size() == k.size() || !std::isalpha(static_cast<unsigned char>(rest[k.size()])));
  });
}

// The words before a system make it the subject of its sentence: none, or
// a few articles, possessives and adjectives ("De financiële", "(Para)medische").
bool SubjectWords(const DraftLexicon& lex, const std::vector<std::string>& words) {
  if (words.size() > 3) return false;
  for (const auto& w : words) {
    if (w == "," || w == ";" || std::isdigit(static_cast<unsigned char>(w[0]))) return false;
    if (std::find(lex.prepositions.begin(), lex.prepositions.end(), w) != lex.prepositions.end())
      return false;
    if (std::find(lex.negations.begin(), lex.negations.end(), w) != lex.negations.end())
      return false;
  }
  return words.size() <= 1 ||
         std::find(lex.articles.begin(), lex.articles.end(), words.back()) != lex.articles.end() ||
         std::find(lex.system_subject_words.begin(), lex.system_subject_words.end(),
                   words.back()) != lex.system_subject_words.end();
}

// A denial, once the phrases that deny nothing are taken out ("niet
// langer dan nodig", "niet meer gegevens dan nodig", "niet alleen uw naam").
bool Negated(const DraftLexicon& lex, const std::string& lower) {
  std::string plain = lower;
  for (const auto& phrase : lex.not_negations) {
    for (size_t at = plain.find(phrase); at != std::string::npos; at = plain.find(phrase, at + 1))
      plain.replace(at, phrase.size(), std::string(phrase.size(), ' '));
  }
  // "niet-geautomatiseerd", "non-profit": a negation glued to a word by a
  // hyphen is part of that word and denies nothing.
  for (const auto& neg : lex.negations) {
    for (size_t at = plain.find(neg); at != std::string::npos; at = plain.find(neg, at + 1)) {
      size_t e = at + neg.size();
      if (e + 1 < plain.size() && plain[e] == '-' && std::isalpha(static_cast<unsigned char>(plain[e + 1])))
        plain.replace(at, neg.size(), std::string(neg.size(), ' '));
    }
  }
  return statement::ContainsAnyWord(plain, lex.negations);
}

// "Verwijderen doen wij binnen 3 maanden nadat u dit verzoek hebt
// ingediend": the time to answer a request says nothing of how long data
// is kept.
bool ResponseTime(const DraftLexicon& lex, const std::string& lower, size_t pos) {
  auto before = statement::WordsBefore(lower, pos, 1);
  if (before.empty() || std::find(lex.response_before.begin(), lex.response_before.end(), before[0]) ==
                            lex.response_before.end())
    return false;
  return statement::ContainsAnyWord(lower, lex.request_words);
}

bool LeadsIntoData(const DraftLexicon& lex, const std::vector<statement::Paragraph>& ps, size_t p, size_t i) {
  if (!EndsWithColon(ps[p].sentences[i].text)) return false;
  // The next line with a letter in it: a bullet may stand on a line of its own ("-").
  const statement::Sentence* next = nullptr;
  bool bullet = false;
  for (size_t q = p; q < ps.size() && q <= p + 2 && !next; ++q) {
    for (size_t k = q == p ? i + 1 : 0; k < ps[q].sentences.size() && !next; ++k) {
      const auto& t = ps[q].sentences[k].text;
      if (std::any_of(t.begin(), t.end(), [](unsigned char c) { return std::isalpha(c); }))
        next = &ps[q].sentences[k];
      else
        bullet = true;
    }
  }
  if (!next || !(bullet || next->list_item || ListItem(next->text))) return false;
  auto terms = statement::FindTerms(*next, lex.category_terms);
  return std::any_of(terms.begin(), terms.end(),
                     [&](const auto& m) { return !lex.categories_of_term[m.term].empty(); });
}

// "rkav.secretaris@gmail.com", "www.wordpress.org": a product's name in an
// address says nothing about where data is kept.
bool InAddress(const std::string& lower, const statement::Match& m) {
  char before = m.begin > 0 ? lower[m.begin - 1] : ' ';
  bool domain = m.end + 1 < lower.size() && lower[m.end] == '.' &&
                std::isalpha(static_cast<unsigned char>(lower[m.end + 1]));
  return before == '@' || before == '.' || before == '/' || domain;
}

// "onze contactgegevens", "ons adres", "de contactgegevens hiervan": the
// organisation's own details or another party's, not data it processes.
bool OrganisationsOwn(const DraftLexicon& lex, const std::string& lower,
                      const statement::Match& m) {
  auto before = statement::WordsBefore(lower, m.begin, 1);
  if (!before.empty() &&
      std::find(lex.possessives.begin(), lex.possessives.end(), before[0]) != lex.possessives.end())
    return true;
  size_t e = m.end;
  while (e < lower.size() && lower[e] == ' ') ++e;
  // "KVK-nummer: 12345678", "Telefoon: [invullen]": a label with its value
  // (or a field to fill in) is a detail of the writer, not data collected.
  if (e < lower.size() && lower[e] == ':') {
    size_t v = e + 1;
    while (v < lower.size() && (lower[v] == ' ' || lower[v] == '\t')) ++v;
    if (v < lower.size() && (lower[v] == '[' || std::isdigit(static_cast<unsigned char>(lower[v])))) return true;
  }
  size_t we = e;
  while (we < lower.size() && std::isalpha(static_cast<unsigned char>(lower[we]))) ++we;
  std::string after = lower.substr(e, we - e);
  return std::find(lex.other_party_words.begin(), lex.other_party_words.end(), after) !=
         lex.other_party_words.end();
}

bool IsJoiner(const DraftLexicon& lex, const std::string& w) {
  return std::find(lex.list_joiners.begin(), lex.list_joiners.end(), w) != lex.list_joiners.end();
}

// Between list separators: ", telefoon, ", "• E-mail", "... en telefoon."
bool ListPosition(const DraftLexicon& lex, const std::string& lower, const statement::Match& m) {
  auto words_before = statement::WordsBefore(lower, m.begin, 1);
  size_t b = m.begin;
  while (b > 0 && lower[b - 1] == ' ') --b;
  bool left = b == 0 || std::string_view(",;:").find(lower[b - 1]) != std::string_view::npos ||
              (!words_before.empty() && IsJoiner(lex, words_before[0])) ||
              std::string_view(lower).substr(0, b).find_first_not_of(
                  " \t-*\xe2\x80\xa2\xc2\xb7\x93") == std::string_view::npos;
  size_t e = m.end;
  while (e < lower.size() && lower[e] == ' ') ++e;
  size_t we = e;
  while (we < lower.size() && std::isalpha(static_cast<unsigned char>(lower[we]))) ++we;
  bool right = e >= lower.size() ||
               std::string_view(",;.").find(lower[e]) != std::string_view::npos ||
               (e > m.end && IsJoiner(lex, lower.substr(e, we - e)));
  return left && right;
}

// "– Naam: 5 jaar", "• ...", "* ...": an item of a list.
bool ListItem(const std::string& text) {
  size_t b = text.find_first_not_of(" \t");
  if (b == std::string::npos) return false;
  std::string_view t = std::string_view(text).substr(b);
  return t.starts_with("-") || t.starts_with("*") || t.starts_with("\u2013") ||
         t.starts_with("\u2014") || t.starts_with("\u2022") || t.starts_with("\u00b7");
}

bool EndsWithColon(const std::string& text) {
  size_t e = text.find_last_not_of(" \t\r\n");
  return e != std::string::npos && text[e] == ':';
}

bool StartsWithAnaphor(const std::string& lower) {
  static const std::vector<std::string> kWords = {"dit ",    "deze ", "die ",   "dat ", "hierin ",
                                                  "daarin ", "this ", "these ", "it ",  "they "};
  return std::any_of(kWords.begin(), kWords.end(),
                     [&](const auto& w) { return lower.starts_with(w); });
}

}  // namespace piiscan::audit::draft
