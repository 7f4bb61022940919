#include "detectors/name_keys.h"

#include <algorithm>
#include <unordered_map>

#include "core/person_fold.h"
#include "core/utf8.h"

namespace piiscan::detectors {
namespace {

// Words split on white space; a hyphen inside a word stays (it joins a
// double surname or given name and is looked at by the caller).
std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    if (j > i) out.emplace_back(s.substr(i, j - i));
    i = j;
  }
  return out;
}

std::vector<std::string> SplitHyphens(const std::string& word) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= word.size()) {
    size_t j = word.find('-', i);
    if (j == std::string::npos) j = word.size();
    if (j > i) out.push_back(word.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// "j.p." -> {j, p}; "th." -> {th}; "j" -> {j}; not an initial group: {}.
std::vector<std::string> Initials(const std::string& word) {
  bool dotted = word.find('.') != std::string::npos;
  if (!dotted && word.size() != 1) return {};
  std::vector<std::string> out;
  size_t i = 0;
  while (i < word.size()) {
    size_t j = word.find('.', i);
    if (j == std::string::npos) j = word.size();
    std::string part = word.substr(i, j - i);
    // A dotted word with a long part is an abbreviation, not initials.
    if (part.size() > 3) return {};
    if (!part.empty()) out.push_back(std::move(part));
    i = j + 1;
  }
  return out;
}


}  // namespace

std::string FoldNamePart(std::string_view s) {
  std::string folded = AsciiLower(FoldForMatching(s));
  // Edge punctuation is not part of a name ("Vries," "(Jan"); inner dots
  // (initials) and apostrophes ('t) are.
  size_t b = 0, e = folded.size();
  auto edge = [](char c) { return c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '"'; };
  while (b < e && edge(folded[b])) ++b;
  while (e > b && edge(folded[e - 1])) --e;
  return folded.substr(b, e - b);
}

NameKeyer::NameKeyer(std::unordered_set<std::string> prefixes, const KeyedHasher& hasher)
    : prefixes_(std::move(prefixes)), hasher_(hasher) {}

Result<std::unordered_set<std::string>> NameKeyer::LoadPrefixes(const rules::RuleSet& rules) {
  auto it = rules.lexicons.find("name_prefixes");
  if (it == rules.lexicons.end()) return Fail("rules: lexicon 'name_prefixes' is missing");
  std::unordered_set<std::string> out;
  for (const auto& term : it->second) out.insert(AsciiLower(term));
  return out;
}

bool NameKeyer::IsPrefix(std::string_view word) const { return prefixes_.contains(std::string(word)); }

NameParts NameKeyer::Split(std::string_view written) const {
  NameParts parts;
  std::string folded = FoldNamePart(written);
  auto add_surname = [&](const std::string& word) {
    if (auto in = Initials(word); !in.empty()) {  // "B.V.", "Vries, J." read wrongly
      for (auto& i : in) parts.initials.push_back(std::move(i));
      return;
    }
    for (auto& part : SplitHyphens(word)) {
      if (!IsPrefix(part)) parts.surname.push_back(std::move(part));
    }
  };
  auto add_given = [&](const std::string& word) {
    if (IsPrefix(word)) return;
    if (auto in = Initials(word); !in.empty()) {
      for (auto& i : in) parts.initials.push_back(std::move(i));
      return;
    }
    for (auto& part : SplitHyphens(word)) {
      if (IsPrefix(part)) continue;
      parts.initials.push_back(part.substr(0, 1));
      parts.given.push_back(std::move(part));
    }
  };
  if (auto comma = folded.find(','); comma != std::string::npos) {
    // "de vries, jan" / "vries, j.p. de"
    for (const auto& w : Words(folded.substr(0, comma))) add_surname(w);
    for (const auto& w : Words(folded.substr(comma + 1))) add_given(w);
    return parts;
  }
  auto words = Words(folded);
  if (words.empty()) return parts;
  // The surname starts at the first tussenvoegsel or hyphenated word after
  // the first word ("jan van der berg", "sanne jansen-de vries"), else it
  // is the last word ("jan peter vries").
  size_t start = words.size() - 1;
  for (size_t i = 1; i < words.size(); ++i) {
    if (!Initials(words[i]).empty()) continue;
    if (IsPrefix(words[i]) || words[i].find('-') != std::string::npos) {
      start = i;
      break;
    }
  }
  for (size_t i = 0; i < start; ++i) add_given(words[i]);
  for (size_t i = start; i < words.size(); ++i) add_surname(words[i]);
  return parts;
}

std::vector<std::string> NameKeyer::SurnameWords(std::string_view surname) const {
  std::vector<std::string> out;
  for (const auto& w : Words(FoldNamePart(surname))) {
    for (auto& part : SplitHyphens(w)) {
      if (!IsPrefix(part)) out.push_back(std::move(part));
    }
  }
  return out;
}

// A name part's keyed hash, role-free, so that one HMAC serves a surname's
// key and its token. Names repeat (given names and surnames come from short
// lists), so each thread keeps the parts it hashed: a hit costs a lookup
// instead of an HMAC (6k instructions). Bounded: cleared when full.
uint64_t NameKeyer::WordHash(std::string_view word) const {
  struct Cache {
    const NameKeyer* owner = nullptr;
    std::string key_fingerprint;
    std::unordered_map<std::string, uint64_t> map;
  };
  thread_local Cache cache;
  if (cache.owner != this || cache.key_fingerprint != hasher_.Fingerprint()) {
    cache.map.clear();
    cache.owner = this;
    cache.key_fingerprint = hasher_.Fingerprint();
  }
  std::string k(word);
  if (auto it = cache.map.find(k); it != cache.map.end()) return it->second;
  if (cache.map.size() >= 65536) cache.map.clear();
  uint64_t h = std::stoull(hasher_.Hash("name_part:" + k).substr(0, 16), nullptr, 16);
  cache.map.emplace(std::move(k), h);
  return h;
}

int64_t NameKeyer::SurnameKey(std::string_view word) const {
  auto v = static_cast<int64_t>(WordHash(word) >> 4);  // 60 bits: positive in an int64
  return v == 0 ? 1 : v;
}

int64_t NameKeyer::LocalPartKey(std::string_view local) const {
  std::string hex = hasher_.Hash("email_local:" + std::string(local)).substr(0, 15);
  auto v = static_cast<int64_t>(std::stoull(hex, nullptr, 16));
  return v == 0 ? 1 : v;
}

std::string NameKeyer::Token(char role, std::string_view word) const {
  static constexpr char kHex[] = "0123456789abcdef";
  uint64_t h = WordHash(word);
  std::string out(18, ':');
  out[0] = role;
  for (int i = 0; i < 16; ++i) out[2 + i] = kHex[(h >> (60 - 4 * i)) & 0xF];
  return out;
}

NameKeys NameKeyer::ForName(std::string_view written) const {
  NameParts parts = Split(written);
  NameKeys keys;
  if (parts.surname.empty()) return keys;
  keys.key = SurnameKey(parts.surname.back());
  std::vector<std::string> tokens;
  for (const auto& s : parts.surname) tokens.push_back(Token('s', s));
  for (const auto& g : parts.given) tokens.push_back(Token('g', g));
  for (const auto& i : parts.initials) tokens.push_back(Token('i', i));
  std::sort(tokens.begin(), tokens.end());
  tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
  for (const auto& t : tokens) keys.tokens += (keys.tokens.empty() ? "" : " ") + t;
  return keys;
}

NameKeys NameKeyer::ForEmail(std::string_view address) const {
  NameKeys keys;
  auto at = address.rfind('@');
  if (at == std::string_view::npos || at == 0) return keys;
  keys.key = LocalPartKey(FoldNamePart(address.substr(0, at)));
  return keys;
}

}  // namespace piiscan::detectors
