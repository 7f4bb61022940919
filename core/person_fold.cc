#include "core/person_fold.h"

#include <algorithm>
#include <cstring>

namespace piiscan {
namespace {

// ASCII base of U+00C0 .. U+017F; "" = not folded (× and ÷).
constexpr const char* kLatin[192] = {
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I", "D", "N", "O",
    "O", "O", "O", "O", "", "O", "U", "U", "U", "U", "Y", "TH", "ss", "a", "a", "a", "a", "a", "a",
    "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", "", "o",
    "u", "u", "u", "u", "y", "th", "y", "A", "a", "A", "a", "A", "a", "C", "c", "C", "c", "C", "c",
    "C", "c", "D", "d", "D", "d", "E", "e", "E", "e", "E", "e", "E", "e", "E", "e", "G", "g", "G",
    "g", "G", "g", "G", "g", "H", "h", "H", "h", "I", "i", "I", "i", "I", "i", "I", "i", "I", "i",
    "IJ", "ij", "J", "j", "K", "k", "k", "L", "l", "L", "l", "L", "l", "L", "l", "L", "l", "N", "n",
    "N", "n", "N", "n", "n", "N", "n", "O", "o", "O", "o", "O", "o", "OE", "oe", "R", "r", "R", "r",
    "R", "r", "S", "s", "S", "s", "S", "s", "S", "s", "T", "t", "T", "t", "T", "t", "U", "u", "U",
    "u", "U", "u", "U", "u", "U", "u", "U", "u", "W", "w", "Y", "y", "Y", "Z", "z", "Z", "z", "Z",
    "z", "s"};

inline bool IsSpace(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// The replacement of the sequence at s[i] and its length, or length 0 when
// it stays as it is. White space is handled by the caller.
std::pair<std::string_view, size_t> FoldAt(std::string_view s, size_t i) {
  auto b0 = static_cast<unsigned char>(s[i]);
  if (b0 < 0xC2 || i + 1 >= s.size()) return {{}, 0};
  auto b1 = static_cast<unsigned char>(s[i + 1]);
  if (b0 >= 0xC3 && b0 <= 0xC5) {
    unsigned cp = ((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu);
    if (cp >= 0xC0 && cp <= 0x17F && kLatin[cp - 0xC0][0] != '\0') return {kLatin[cp - 0xC0], 2};
    return {{}, 0};
  }
  if (b0 == 0xC8 && b1 >= 0x98 && b1 <= 0x9B) {  // Ș ș Ț ț (Romanian comma below)
    static constexpr const char* kSt[] = {"S", "s", "T", "t"};
    return {kSt[b1 - 0x98], 2};
  }
  if ((b0 == 0xCC && b1 >= 0x80) || (b0 == 0xCD && b1 <= 0xAF)) return {"", 2};  // combining marks
  if (b0 == 0xC2 && b1 == 0xB4) return {"'", 2};                               // acute accent
  if (b0 == 0xCA && b1 == 0xBC) return {"'", 2};                               // modifier apostrophe
  if (b0 == 0xE2 && i + 2 < s.size() && b1 == 0x80) {
    auto b2 = static_cast<unsigned char>(s[i + 2]);
    if (b2 == 0x98 || b2 == 0x99) return {"'", 3};  // ‘ ’
  }
  return {{}, 0};
}

// Bytes that may need folding: white space and the lead bytes of the
// sequences FoldAt knows.
struct SpecialTable {
  bool t[256] = {};
  constexpr SpecialTable() {
    for (int c : {' ', '\t', '\n', '\v', '\f', '\r'}) t[c] = true;
    for (int c = 0xC2; c <= 0xE2; ++c) t[c] = true;
  }
};
constexpr SpecialTable kSpecial;

// How the bytes at s[i] fold: the replacement and the bytes it replaces;
// length 0 when they stay. `i` is at a special byte.
// `after_comma`: the folded text so far ends in ','.
std::pair<std::string_view, size_t> FoldSpecial(std::string_view s, size_t i, bool after_comma) {
  auto c = static_cast<unsigned char>(s[i]);
  if (!IsSpace(c)) return FoldAt(s, i);
  size_t j = i, newlines = 0;
  for (; j < s.size() && IsSpace(static_cast<unsigned char>(s[j])); ++j) newlines += s[j] == '\n';
  // A blank line ends a paragraph: names do not run on across it. Nor
  // across a line that ends in a comma ("Geachte heer De Vries,\nJ. de
  // Vries" is not "De Vries, J.").
  if (newlines >= 2 || (newlines == 1 && after_comma)) return {"\n", j - i};
  if (j - i > 1 || c != ' ') return {" ", j - i};
  return {{}, 0};
}

}  // namespace

PersonFoldedText::PersonFoldedText(std::string_view original) : inner_(original) {
  const std::string_view s = inner_.text();
  size_t first = 0;
  for (; first < s.size(); ++first) {
    if (!kSpecial.t[static_cast<unsigned char>(s[first])]) continue;
    if (FoldSpecial(s, first, first > 0 && s[first - 1] == ',').second != 0) break;
  }
  if (first == s.size()) return;
  // Folds never lengthen text, so the copy is compacted in place: reads at
  // r see original bytes because the write position w never passes r.
  changed_ = true;
  folded_.assign(s);
  char* buf = folded_.data();
  const std::string_view src(folded_);
  const size_t n = s.size();
  size_t r = first, w = first;
  while (r < n) {
    // Plain bytes (a single space between words included) move as a block.
    size_t start = r;
    for (; r < n; ++r) {
      auto c = static_cast<unsigned char>(buf[r]);
      if (!kSpecial.t[c]) continue;
      if (c == ' ' && (r + 1 == n || !IsSpace(static_cast<unsigned char>(buf[r + 1])))) continue;
      break;
    }
    if (w != start) std::memmove(buf + w, buf + start, r - start);
    w += r - start;
    if (r == n) break;
    auto [repl, len] = FoldSpecial(src, r, w > 0 && buf[w - 1] == ',');
    if (len == 0) {
      buf[w++] = buf[r++];
      continue;
    }
    for (char x : repl) buf[w++] = x;
    r += len;
    if (len != repl.size()) map_.emplace_back(w, r);
  }
  folded_.resize(w);
}

uint64_t PersonFoldedText::ToOriginal(uint64_t pos) const {
  uint64_t inner = pos;
  if (changed_) {
    auto it = std::upper_bound(map_.begin(), map_.end(), std::make_pair(pos, UINT64_MAX));
    if (it != map_.begin()) {
      --it;
      inner = it->second + (pos - it->first);
    }
  }
  return inner_.ToOriginal(inner);
}

std::string FoldForMatching(std::string_view s) {
  PersonFoldedText f(s);
  std::string out(f.text());
  // A value's own edges carry no white space worth matching.
  size_t b = out.find_first_not_of(' ');
  if (b == std::string::npos) return {};
  size_t e = out.find_last_not_of(' ');
  return out.substr(b, e - b + 1);
}

}  // namespace piiscan
