#pragma once
// Validators: pure functions that take the raw text of a candidate (as the
// detector's pattern matched it), check it (checksum, lengths, ranges) and
// return its normalised value, or nothing when it is not a valid identifier.
// A detector spec names its validator; this header is the whole interface.
//
// Thread safety: validators are pure and reentrant.

#include <optional>
#include <string>
#include <string_view>

namespace piiscan::detectors {

struct Validated {
  std::string value;         // normalised form (see docs/detectors.md)
  double score_delta = 0;    // adjusts the spec's score (weak evidence < 0)
  std::string note;          // remark carried into the finding
  // Bytes of the raw candidate the value covers, when the pattern matched
  // more than the identifier (e.g. an IBAN followed by more capitals).
  std::optional<size_t> raw_length;
  // Not an identifier, but the text is one's mistyped form (an IBAN that
  // fails mod 97): the span is taken from lower-priority detectors and
  // nothing is reported.
  bool claim_only = false;
};

using ValidatorFn = std::optional<Validated> (*)(std::string_view raw);

// The validator registered under `name`, or nullptr.
ValidatorFn FindValidator(std::string_view name);

// Helpers shared by validators.
std::string DigitsOf(std::string_view s);
std::string UpperAlnumOf(std::string_view s);
// Weighted digit sum: sum(digit[i] * weights[i]).
int WeightedSum(std::string_view digits, const int* weights, size_t n);
// ISO 7064 mod 97-10 over an alphanumeric string (letters A=10 .. Z=35),
// continuing from remainder `r` (the string's prefix already taken); -1
// when the string holds anything but digits and capitals.
int Mod97(std::string_view alnum, int r = 0);

}  // namespace piiscan::detectors
