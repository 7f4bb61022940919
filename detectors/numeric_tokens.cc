#include "detectors/numeric_tokens.h"

#include "core/byte_scan.h"

namespace piiscan::detectors {
namespace {

inline bool IsDigit(char c) { return static_cast<unsigned char>(c - '0') < 10; }
inline bool IsSeparator(char c) {
  return c == ' ' || c == '.' || c == '-' || c == '/' || c == '(' || c == ')';
}

}  // namespace

void FindNumericTokens(std::string_view text, std::vector<NumericToken>& out) {
  NumericTokenizer().Find(text, out);
}

void NumericTokenizer::Find(std::string_view text, std::vector<NumericToken>& out) {
  const size_t n = text.size();
  const size_t words = (n + 63) / 64;
  digits_.resize(words);
  DigitMasks(text, digits_.data());
  const uint64_t* bits = digits_.data();  // a local: out.push_back cannot change it
  // First digit / first non-digit at or after i, or n, by bit scans: tokens
  // are short and far apart, and a search call per token cost more than
  // the search (bits past the end of the text are clear).
  auto next_digit = [&](size_t i) -> size_t {
    size_t w = i / 64;
    if (w >= words) return n;
    uint64_t m = bits[w] & (~0ull << (i % 64));
    while (m == 0) {
      if (++w == words) return n;
      m = bits[w];
    }
    return 64 * w + static_cast<size_t>(__builtin_ctzll(m));
  };
  auto next_non_digit = [&](size_t i) -> size_t {
    size_t w = i / 64;
    if (w >= words) return n;
    uint64_t m = ~bits[w] & (~0ull << (i % 64));
    while (m == 0) {
      if (++w == words) return n;
      m = ~bits[w];
    }
    size_t at = 64 * w + static_cast<size_t>(__builtin_ctzll(m));
    return at < n ? at : n;
  };
  size_t i = 0;
  while ((i = next_digit(i)) < n) {
    size_t begin = i;
    if (begin > 0 && (text[begin - 1] == '+' || text[begin - 1] == '(')) --begin;
    if (begin > 0 && text[begin] == '(' && text[begin - 1] == '+') --begin;
    size_t digits = 0;
    uint8_t separators = 0;
    size_t end = i;
    while (true) {
      size_t run_end = next_non_digit(i);
      digits += run_end - i;
      i = end = run_end;
      size_t j = i;
      uint8_t seen = 0;
      while (j < n && j - i < 3 && IsSeparator(text[j])) seen |= SeparatorBit(text[j++]);
      if (j > i && j < n && IsDigit(text[j])) {
        separators |= seen;
        i = j;
        continue;
      }
      break;
    }
    out.push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end),
                   static_cast<uint16_t>(digits > 65535 ? 65535 : digits), separators});
    i = end;
  }
}

uint8_t SeparatorBit(char c) {
  switch (c) {
    case ' ': return 1;
    case '.': return 2;
    case '-': return 4;
    case '/': return 8;
    case '(': return 16;
    case ')': return 32;
    default: return 0;
  }
}

uint16_t LongestDigitStretch(std::string_view text, const NumericToken& tok, uint8_t breaking) {
  if ((tok.separators & breaking) == 0) return tok.digits;  // "12345678", "13-08-2024" with '-' allowed
  uint16_t best = 0, run = 0;
  for (uint32_t i = tok.begin; i < tok.end; ++i) {
    if (IsDigit(text[i])) {
      if (run < 65535) ++run;
      best = run > best ? run : best;
    } else if (SeparatorBit(text[i]) & breaking) {
      run = 0;
    }
  }
  return best;
}

}  // namespace piiscan::detectors
