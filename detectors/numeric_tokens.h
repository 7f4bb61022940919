#pragma once
// The digit-run pass: finds number tokens in text by bit scans over a digit
// bitmap of the text made in one vector pass (core/byte_scan.h DigitMasks). A token is
// a maximal run of digits joined by short separator runs (up to 3 of
// ' ', '.', '-', '/', '(', ')'), optionally led by '+' or '(' — the shapes in
// which BSNs, phone numbers, card numbers, dates and postcodes are written.
// Numeric detectors search their patterns only in and around these tokens,
// which is why they cost next to nothing on text without numbers.

#include <cstdint>
#include <string_view>
#include <vector>

namespace piiscan::detectors {

struct NumericToken {
  uint32_t begin;   // first byte ('+', '(' or a digit)
  uint32_t end;     // one past the last digit
  uint16_t digits;  // number of digits in the token (saturating)
  uint8_t separators = 0;  // SeparatorBit()s of the separators between its digits
};

void FindNumericTokens(std::string_view text, std::vector<NumericToken>& out);

// The same, for a scanner that tokenizes segment after segment: it keeps
// the digit bitmap it finds the tokens in (core/byte_scan.h DigitMasks).
// Not thread-safe: one per thread.
class NumericTokenizer {
 public:
  void Find(std::string_view text, std::vector<NumericToken>& out);
  // The digit bitmap of the text of the last Find (DigitMasks), for other
  // users of digit positions.
  const std::vector<uint64_t>& digit_bits() const { return digits_; }

 private:
  std::vector<uint64_t> digits_;
};

// Bit of a token separator (' ', '.', '-', '/', '(', ')'), 0 for others.
uint8_t SeparatorBit(char c);

// The most digits in one stretch of `tok` that no separator whose bit is in
// `breaking` interrupts: "13-08-2024" has 4 when '-' breaks, 8 when not.
uint16_t LongestDigitStretch(std::string_view text, const NumericToken& tok, uint8_t breaking);

}  // namespace piiscan::detectors
