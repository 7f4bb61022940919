#pragma once
// Surroundings checks: what the bytes right around a validated candidate say
// about it, for the shapes a validator cannot see from the candidate alone —
// the tail of a clock time read as a phone number ("07:51:06 2018 -0700"), a
// digit run inside a URL or file name read as a card number, an address-like
// Message-ID in a mail header, a year and two capitals read as a postcode.
// Looked up by validator name, like the validators (registry.cc); a
// validator has at most one.
//
// Thread safety: the checks are pure and reentrant.

#include <cstddef>
#include <string_view>

namespace piiscan::detectors {

struct SurroundingsVerdict {
  bool reject = false;         // not this identifier at all
  double score_delta = 0;      // weaker (< 0) evidence
  std::string_view note;       // remark for the finding (static text)
};

// `text` is the whole segment, [begin, end) the candidate's span in it.
using SurroundingsFn = SurroundingsVerdict (*)(std::string_view text, size_t begin, size_t end);

// The check registered for the validator named `validator`, or nullptr.
SurroundingsFn FindSurroundingsCheck(std::string_view validator);

// The checks themselves (exposed for tests).
SurroundingsVerdict PhoneSurroundings(std::string_view text, size_t begin, size_t end);
SurroundingsVerdict CardSurroundings(std::string_view text, size_t begin, size_t end);
SurroundingsVerdict EmailSurroundings(std::string_view text, size_t begin, size_t end);
SurroundingsVerdict PostcodeSurroundings(std::string_view text, size_t begin, size_t end);

}  // namespace piiscan::detectors
