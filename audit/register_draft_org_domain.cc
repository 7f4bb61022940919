// The organisation's name as its own mail or web address spells it
// (audit/register_draft_parts.h): "Natural HairDo" with
// www.naturalhairdo.nl, "oamkb" with privacy@oamkb.nl.
#include <algorithm>
#include <cctype>
#include <map>
#include <regex>

#include "audit/register_draft_parts.h"

namespace piiscan::audit::draft {
namespace {

std::string Squash(const std::string& s) {
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c)) out += static_cast<char>(std::tolower(c));
  }
  return out;
}

bool IsIn(const std::vector<std::string>& v, const std::string& w) {
  return std::find(v.begin(), v.end(), w) != v.end();
}

// The host labels of the addresses in the text, without the top-level domain
// and "www": "info@mail.acme-shop.nl" gives "mail" and "acmeshop"; also
// the spelled-out "acme [at] acme [punt] nl" that hides an address from robots.
std::vector<std::string> DomainLabels(const DraftLexicon& lex, const std::string& lower) {
  static const std::regex kHost(
      R"((?:@|\bwww\.|https?://)((?:[a-z0-9-]+\.)+)[a-z]{2,6}\b|[\[(]at[\])][ \t]*([a-z0-9-]+)[ \t]*[\[(](?:punt|dot)[\])])");
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(lower.begin(), lower.end(), kHost); it != std::sregex_iterator(); ++it) {
    std::string host = (*it)[1].matched ? (*it)[1].str() : (*it)[2].str() + ".";
    size_t b = 0;
    for (size_t dot = host.find('.'); dot != std::string::npos; b = dot + 1, dot = host.find('.', b)) {
      std::string label = Squash(host.substr(b, dot - b));
      if (label.size() < 3 || label == "www" || IsIn(lex.org_domain_skip, label)) continue;
      // A product's own address ("support@mailchimp.com") names the product.
      if (IsIn(lex.system_terms, label)) continue;
      if (!IsIn(out, label)) out.push_back(label);
    }
  }
  return out;
}

struct Word {
  std::string text;  // without the punctuation around it
  bool capital;
};

std::vector<Word> TextWords(const std::string& text) {
  std::vector<Word> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    size_t b = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    std::string w = text.substr(b, i - b);
    // "(Natural", "HairDo,", "“oamkb”": the word inside its punctuation.
    while (!w.empty() && !std::isalnum(static_cast<unsigned char>(w.front())) &&
           static_cast<unsigned char>(w.front()) < 0x80)
      w.erase(0, 1);
    while (!w.empty() && !std::isalnum(static_cast<unsigned char>(w.back())) &&
           static_cast<unsigned char>(w.back()) < 0x80)
      w.pop_back();
    // Quotes outside ASCII ("“oamkb”"): three bytes each.
    for (const char* q : {"\u2018", "\u2019", "\u201c", "\u201d"}) {
      std::string_view qv(q);
      if (w.starts_with(qv)) w.erase(0, qv.size());
      if (w.ends_with(qv)) w.erase(w.size() - qv.size());
    }
    if (w.empty() || w.find('@') != std::string::npos || w.find("://") != std::string::npos) continue;
    unsigned char c = static_cast<unsigned char>(w[0]);
    out.push_back({w, std::isupper(c) || std::isdigit(c)});
  }
  return out;
}

}  // namespace

std::string FromDomain(const DraftLexicon& lex, const std::string& text) {
  auto labels = DomainLabels(lex, statement::Lower(text));
  if (labels.empty()) return "";
  auto words = TextWords(text);
  // A run of up to five words that spells a label; the spelling the text
  // uses most (the first of equals). A web address of a word in lower
  // case only where the text uses that word twice ("oamkb" ... "door oamkb").
  std::map<std::string, std::pair<int, size_t>> seen;  // name -> (count, first word)
  for (size_t i = 0; i < words.size(); ++i) {
    std::string squashed;
    std::string name;
    for (size_t n = 0; n < 5 && i + n < words.size(); ++n) {
      squashed += Squash(words[i + n].text);
      name += (n ? " " : "") + words[i + n].text;
      if (squashed.size() > 40) break;
      if (!IsIn(labels, squashed)) continue;
      if (!words[i].capital && n > 0) break;
      // "Website" for www.website.nl is no name, nor "Privacy" for privacy.nl.
      std::string first = statement::Lower(words[i].text);
      if (IsIn(lex.org_stop_words, first) || IsIn(lex.org_not_names, first)) break;
      auto& s = seen[name];
      if (s.first++ == 0) s.second = i;
      break;
    }
  }
  std::string best;
  std::pair<int, size_t> best_s{0, 0};
  for (const auto& [name, s] : seen) {
    bool capital = std::isupper(static_cast<unsigned char>(name[0])) || std::isdigit(static_cast<unsigned char>(name[0]));
    if (!capital && s.first < 2) continue;
    if (s.first > best_s.first || (s.first == best_s.first && s.second < best_s.second)) {
      best = name;
      best_s = s;
    }
  }
  return best;
}

}  // namespace piiscan::audit::draft
