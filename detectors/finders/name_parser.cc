#include "detectors/finders/name_parser.h"

#include <array>
#include <cctype>
#include <cstring>

#include "core/utf8.h"

namespace piiscan::detectors {
namespace {

// Code point of the UTF-8 character at pos (0 when not a valid 2-byte one).
uint32_t CodePoint2(std::string_view t, size_t pos) {
  auto b0 = static_cast<unsigned char>(t[pos]);
  if ((b0 & 0xE0) != 0xC0 || pos + 1 >= t.size()) return 0;
  auto b1 = static_cast<unsigned char>(t[pos + 1]);
  if ((b1 & 0xC0) != 0x80) return 0;
  return ((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu);
}

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

bool IsTitle(std::string_view w) {
  static constexpr std::array<std::string_view, 22> kTitles = {
      "mr.", "dr.", "drs.", "ir.", "ing.", "prof.", "ds.", "jhr.", "jkvr.", "bc.", "mr",
      "dr", "drs", "ir", "prof", "ing", "dhr.", "hr.", "mevr.", "mw.", "dhr", "mevr"};
  LowerWord l(w);
  for (auto t : kTitles) {
    if (l.view() == t) return true;
  }
  return false;
}

// Articles that may follow a compound prefix start ("in 't", "op de").
bool IsArticle(std::string_view w) {
  return w == "de" || w == "den" || w == "der" || w == "het" || w == "'t" || w == "t";
}
// Prefix words that never stand alone before a surname ("in 't Veld" yes,
// "Jan in Amsterdam" no).
bool CompoundOnly(std::string_view w) {
  return w == "in" || w == "op" || w == "aan" || w == "bij" || w == "onder" || w == "over" ||
         w == "voor" || w == "uit";
}

// "B.V.", "N.V.", "C.V.", "V.O.F.": legal forms written like initials.
bool IsCompanyInitials(std::string_view w) {
  LowerWord lw(w);
  std::string_view l = lw.view();
  return l == "b.v." || l == "n.v." || l == "c.v." || l == "v.o.f.";
}

size_t SkipBlanks(std::string_view t, size_t p, int max = 3) {
  int n = 0;
  while (p < t.size() && IsBlank(t[p]) && n < max) {
    ++p;
    ++n;
  }
  return p;
}

// Initials at p: groups of a capital (IJ counts as one), up to two lower-case
// letters and a dot ("J.", "Th.", "Chr."), optionally single-spaced.
// Returns the end of the last group, or p when there are none.
size_t InitialsEnd(std::string_view t, size_t p) {
  size_t end = p, q = p;
  while (q < t.size()) {
    size_t g = q;
    if (!(t[g] >= 'A' && t[g] <= 'Z')) break;
    ++g;
    if (t[g - 1] == 'I' && g < t.size() && t[g] == 'J') ++g;
    int lowers = 0;
    while (g < t.size() && t[g] >= 'a' && t[g] <= 'z' && lowers < 2) {
      ++g;
      ++lowers;
    }
    if (g >= t.size() || t[g] != '.') break;
    ++g;
    end = g;
    q = g;
    if (q < t.size() && t[q] == ' ' && q + 1 < t.size() && t[q + 1] >= 'A' && t[q + 1] <= 'Z' &&
        q + 2 < t.size() && (t[q + 2] == '.' || (t[q + 2] >= 'a' && t[q + 2] <= 'z' && q + 3 < t.size() &&
                                                  (t[q + 3] == '.' || (q + 4 < t.size() && t[q + 4] == '.'))))) {
      ++q;  // "J. P. de Vries"
    }
  }
  return end;
}

// A capitalised word at p ("Vries", "Özdemir", "IJzerman", "O'Brien",
// "Jansen-de Vries" counts as one word with its partner part). Returns its
// end, or p when there is none. All-capital words (BSN, KVK) are not names.
size_t CapWordEnd(std::string_view t, size_t p, const NameLexicon& lex) {
  if (p >= t.size() || !IsUpperAt(t, p)) return p;
  size_t q = p + CharLen(t, p);
  if (t[p] == 'I' && q < t.size() && t[q] == 'J') ++q;
  size_t lowers = 0;
  while (q < t.size()) {
    if (IsLetterAt(t, q) && !IsUpperAt(t, q)) {
      q += CharLen(t, q);
      ++lowers;
    } else if (t[q] == '\'' && q + 1 < t.size() && IsLetterAt(t, q + 1) && lowers <= 1) {
      ++q;  // O'Brien, D'Ancona
    } else if (IsUpperAt(t, q) && lowers >= 1 && q + 1 < t.size() && IsLetterAt(t, q + 1) &&
               !IsUpperAt(t, q + 1) && q >= 2 && (t[q - 2] == 'M' || t[q - 2] == 'c')) {
      q += CharLen(t, q);  // McDonald, MacLeod
    } else {
      break;
    }
  }
  if (lowers == 0) return p;
  // Partner names: "Jansen-de Vries", "Smit-Bakker".
  if (q + 1 < t.size() && t[q] == '-') {
    size_t r = q + 1;
    size_t e = CapWordEnd(t, r, lex);
    if (e > r) return e;
    std::string_view w = WordAt(t, r);
    if (lex.prefixes.contains(LowerWord(w).view())) {
      size_t s = SkipBlanks(t, r + w.size(), 1);
      size_t e2 = s > r + w.size() ? CapWordEnd(t, s, lex) : s;
      if (e2 > s) return e2;
    }
  }
  return q;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// A street name, not a surname: "Kerkstraat", "Stationsweg 12".
bool LooksLikeStreet(std::string_view t, size_t word_begin, size_t word_end, const NameLexicon& lex) {
  LowerWord lw(t.substr(word_begin, word_end - word_begin));
  std::string_view w = lw.view();
  static constexpr std::array<std::string_view, 11> kStrong = {
      "straat", "laan", "weg", "plein", "gracht", "kade", "singel", "steeg", "dreef", "plantsoen", "boulevard"};
  for (auto s : kStrong) {
    if (EndsWith(w, s)) return true;
  }
  size_t n = SkipBlanks(t, word_end, 2);
  bool number_follows = n > word_end && n < t.size() && std::isdigit(static_cast<unsigned char>(t[n]));
  if (!number_follows) return false;
  for (const auto& s : lex.street_suffixes) {
    if (EndsWith(w, s) || w == s) return true;
  }
  return false;
}

}  // namespace

bool IsUpperAt(std::string_view t, size_t pos) {
  if (pos >= t.size()) return false;
  char c = t[pos];
  if (c >= 'A' && c <= 'Z') return true;
  uint32_t cp = CodePoint2(t, pos);
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177)) return cp % 2 == 0;
  if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return cp % 2 == 1;
  return false;
}

bool IsLetterAt(std::string_view t, size_t pos) {
  if (pos >= t.size()) return false;
  char c = t[pos];
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return true;
  uint32_t cp = CodePoint2(t, pos);
  return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

size_t CharLen(std::string_view t, size_t pos) {
  auto b = static_cast<unsigned char>(t[pos]);
  size_t n = b < 0x80 ? 1 : (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
  return pos + n <= t.size() ? n : 1;
}

LowerWord::LowerWord(std::string_view s) {
  char* out = buf_;
  if (s.size() > sizeof buf_) {
    long_.assign(s);
    out = long_.data();
  } else {
    std::memcpy(buf_, s.data(), s.size());
  }
  for (size_t i = 0; i < s.size(); ++i) {
    if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] + ('a' - 'A'));
  }
  view_ = std::string_view(out, s.size());
}

std::string LowerAscii(std::string_view s) {
  // Inline, not std::tolower: a library call per byte was most of the
  // cost of every label and name word looked up.
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
  }
  return out;
}

std::string_view WordAt(std::string_view t, size_t pos) {
  size_t q = pos;
  while (q < t.size()) {
    char c = t[q];
    if (IsLetterAt(t, q)) {
      q += CharLen(t, q);
    } else if (std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '\'' || c == '-' || c == '/') {
      ++q;
    } else {
      break;
    }
  }
  return t.substr(pos, q - pos);
}

bool CompanyFollows(std::string_view t, size_t pos, const NameLexicon& lex) {
  size_t p = SkipBlanks(t, pos, 2);
  if (p < t.size() && t[p] == '&') return true;
  if (p == pos && !(p < t.size() && t[p] == ',')) return false;
  if (p < t.size() && t[p] == ',') p = SkipBlanks(t, p + 1, 2);
  LowerWord lw(WordAt(t, p));
  std::string_view w = lw.view();
  while (!w.empty() && (w.back() == ',' || w.back() == '-')) w.remove_suffix(1);
  if (lex.company_markers.contains(w)) return true;
  if (!w.empty() && w.back() == '.' && lex.company_markers.contains(w.substr(0, w.size() - 1))) return true;
  return false;
}

ParsedName ParseNameAt(std::string_view t, size_t pos, const NameLexicon& lex, bool allow_single) {
  ParsedName n;
  size_t p = pos;
  // Titles before the name are not part of it.
  for (int i = 0; i < 3; ++i) {
    std::string_view w = WordAt(t, p);
    if (w.empty() || !IsTitle(w)) break;
    size_t s = SkipBlanks(t, p + w.size(), 2);
    if (s == p + w.size()) break;
    p = s;
  }
  n.begin = static_cast<uint32_t>(p);
  size_t end = p;
  std::vector<std::pair<size_t, size_t>> caps;  // capitalised words before any prefix
  bool prefix_seen = false;
  size_t ie = InitialsEnd(t, p);
  if (ie > p) {
    size_t s = SkipBlanks(t, ie, 2);
    if (s == ie) return {};  // "J.P." glued to something
    n.initials = 1;
    end = ie;
    p = s;
  }
  while (p < t.size()) {
    std::string_view w = WordAt(t, p);
    LowerWord lw(w);
    if (!w.empty() && lex.prefixes.contains(lw.view())) {
      // Tussenvoegsels, then the surname. Dutch style writes them in lower
      // case after a given name; "Jan Van Damme" (Flemish) is accepted too.
      size_t q = p;
      int words = 0;
      std::string first_word(lw.view());
      while (words < 3) {
        std::string_view pw = WordAt(t, q);
        LowerWord lpw(pw);
        if (pw.empty() || !lex.prefixes.contains(lpw.view())) break;
        if (words == 1 && CompoundOnly(first_word) && !IsArticle(lpw.view())) return {};
        if (words > 0 && IsUpperAt(t, q)) break;
        size_t s = SkipBlanks(t, q + pw.size(), 1);
        if (s == q + pw.size()) break;
        q = s;
        ++words;
      }
      if (words == 0) break;
      if (words == 1 && CompoundOnly(first_word)) return {};
      size_t se = CapWordEnd(t, q, lex);
      if (se == q) break;  // "van de" without a capitalised surname: no name part
      if (lex.stopwords.contains(LowerWord(t.substr(q, se - q)).view())) break;
      n.prefixes = words;
      n.surnames = 1;
      n.last = LowerAscii(t.substr(q, se - q));
      if (LooksLikeStreet(t, q, se, lex)) return {};
      end = se;
      prefix_seen = true;
      break;
    }
    size_t ce = CapWordEnd(t, p, lex);
    if (ce == p) {
      // A middle initial after a given name, before the rest of the name:
      // "Mark J. Wielaard", "Jan P. de Vries" (not "Jansen B.V.").
      size_t mi = caps.empty() || prefix_seen ? p : InitialsEnd(t, p);
      size_t s = SkipBlanks(t, mi, 1);
      if (mi == p || s == mi || IsCompanyInitials(t.substr(p, mi - p))) break;
      if (CapWordEnd(t, s, lex) == s && !lex.prefixes.contains(LowerWord(WordAt(t, s)).view()))
        break;
      end = mi;
      p = s;
      continue;
    }
    LowerWord lcw(t.substr(p, ce - p));
    std::string_view lc = lcw.view();
    if (lex.stopwords.contains(lc) || lex.company_markers.contains(lc)) break;
    if (!caps.empty() && lex.organisation_words.Exact(lc)) break;  // "Jeroen Bosch Ziekenhuis"
    if (caps.size() >= 4) break;
    caps.emplace_back(p, ce);
    end = ce;
    size_t s = SkipBlanks(t, ce, 1);
    if (s == ce) break;
    p = s;
  }
  if (prefix_seen) {
    n.given = static_cast<int>(caps.size());
  } else if (caps.empty()) {
    return {};
  } else if (caps.size() == 1 && n.initials == 0) {
    if (!allow_single) return {};
    n.given = 1;
  } else {
    n.given = static_cast<int>(caps.size()) - (n.initials > 0 ? 0 : 1);
    if (n.initials > 0) n.given = static_cast<int>(caps.size()) - 1;
    n.surnames = 1;
    auto [lb, le] = caps.back();
    n.last = LowerAscii(t.substr(lb, le - lb));
    if (LooksLikeStreet(t, lb, le, lex)) return {};
  }
  if (!caps.empty()) n.first = LowerAscii(t.substr(caps[0].first, caps[0].second - caps[0].first));
  if (n.initials > 0 && n.surnames == 0) return {};
  n.end = static_cast<uint32_t>(end);
  return n;
}

ParsedName ParseSurnameFirst(std::string_view t, size_t comma, const NameLexicon& lex) {
  // Backwards: the surname word, then capitalised-first prefixes ("De", "Van den").
  size_t we = comma;
  size_t wb = we;
  while (wb > 0) {
    size_t prev = wb - 1;
    while (prev > 0 && (static_cast<unsigned char>(t[prev]) & 0xC0) == 0x80) --prev;
    if (!IsLetterAt(t, prev) && t[prev] != '\'' && t[prev] != '-') break;
    wb = prev;
  }
  if (wb == we || CapWordEnd(t, wb, lex) != we) return {};
  ParsedName n;
  n.last = LowerAscii(t.substr(wb, we - wb));
  size_t begin = wb;
  for (int i = 0; i < 3 && begin >= 2 && t[begin - 1] == ' '; ++i) {
    size_t pb = begin - 1;
    while (pb > 0 && std::isalpha(static_cast<unsigned char>(t[pb - 1]))) --pb;
    if (pb > 0 && t[pb - 1] == '\'') --pb;
    std::string w = LowerAscii(t.substr(pb, begin - 1 - pb));
    if (!lex.prefixes.contains(w)) break;
    begin = pb;
    ++n.prefixes;
  }
  if (n.prefixes > 0 && !IsUpperAt(t, begin)) return {};
  // Forwards: initials or given names, then lower-case prefixes ("Vries, J. de").
  size_t p = comma + 1;
  if (p < t.size() && t[p] == ' ') ++p;
  size_t end = InitialsEnd(t, p);
  if (end > p) {
    n.initials = 1;
  } else {
    size_t ce = CapWordEnd(t, p, lex);
    if (ce == p || !lex.first_names.contains(LowerAscii(t.substr(p, ce - p)))) return {};
    n.given = 1;
    n.first = LowerAscii(t.substr(p, ce - p));
    end = ce;
  }
  for (int i = 0; i < 3 && end + 1 < t.size() && t[end] == ' '; ++i) {
    std::string_view w = WordAt(t, end + 1);
    std::string lw = LowerAscii(w);
    if (w.empty() || !lex.prefixes.contains(lw) || IsUpperAt(t, end + 1)) break;
    size_t after = end + 1 + w.size();
    if (after < t.size() && IsLetterAt(t, after + 1) && t[after] == ' ' && IsUpperAt(t, after + 1)) break;
    end = after;
    ++n.prefixes;
  }
  n.begin = static_cast<uint32_t>(begin);
  n.end = static_cast<uint32_t>(end);
  n.surnames = 1;
  n.surname_first = true;
  return n;
}

std::string SingleSpaced(std::string_view s) { return CollapseWhitespace(s); }

}  // namespace piiscan::detectors
