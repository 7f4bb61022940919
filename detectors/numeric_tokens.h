#pragma once
// The digit-run pass: finds number tokens in text in one sweep that skips
// digit-free stretches 16 bytes at a time (SSE2 where available). A token is
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
};

void FindNumericTokens(std::string_view text, std::vector<NumericToken>& out);

}  // namespace piiscan::detectors
