#pragma once
// The byte-scanning loops of the passes that touch every byte of a text
// (line counting, the digit-run pass, Unicode folding, word starts, the
// binary-file probe): 32 bytes per step
// with AVX2 when the CPU has it (checked once), 16 with SSE2 otherwise, one
// at a time for the tail. Same results on every path (tested against plain
// loops).

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace piiscan {

// Number of bytes equal to `c` in `s`.
uint64_t CountByte(std::string_view s, char c);

// Index of the first byte at or after `i` equal to `a`, `b` or `c`, or
// s.size(). All three must be non-ASCII (>= 0x80): blocks of plain ASCII
// are skipped with one test.
size_t FindNonAsciiOf(std::string_view s, size_t i, unsigned char a, unsigned char b, unsigned char c);

// Index of the first byte at or after `i` that is a control byte (below
// 0x20), not ASCII (0x80 and up), or equal to `a` or `b`, or s.size(): the
// end of a run a JSON string takes as it is (`a`, `b`: '"' and '\\'). 16
// bytes a step.
size_t FindControlNonAsciiOr(std::string_view s, size_t i, char a, char b);

// Digit bitmap: bit b of out[w] is set when s[64 * w + b] is an ASCII
// digit. `out` must hold (s.size() + 63) / 64 words; bits past the end of
// `s` are clear. One pass, so that a caller looking for many short digit
// runs finds each with a bit scan instead of a search of its own.
void DigitMasks(std::string_view s, uint64_t* out);

// Number of control bytes in `s`: below 0x20 and not tab, line feed, form
// feed or carriage return (what makes a file look binary).
uint64_t CountControls(std::string_view s);

// Word and capital bitmaps, laid out as DigitMasks: bit b of word[w] is set
// when s[64 * w + b] is a word byte (ASCII letter or digit, or any byte of
// a multi-byte UTF-8 character, >= 0x80), of capital[w] when it is 'A'..'Z'
// or a UTF-8 lead byte (>= 0xC0). Bits past the end are clear.
void WordMasks(std::string_view s, uint64_t* word, uint64_t* capital);

// Capital bitmap, laid out as DigitMasks: bit b of out[w] is set when
// s[64 * w + b] is 'A'..'Z'.
void UpperMasks(std::string_view s, uint64_t* out);

// For tests: use the SSE2/plain paths even where AVX2 exists.
void DisableAvx2ForTests(bool disabled);

}  // namespace piiscan
