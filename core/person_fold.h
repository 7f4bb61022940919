#pragma once
// Folds text for a DSAR search (piiscan person), so that one literal per
// name variant finds every spelling of it: first the detectors' look-alike
// folding (core/unicode_fold.h: no-break spaces, dashes, full-width digits),
// then Latin letters with diacritics to their ASCII base (Müller -> Muller,
// Çelik -> Celik, ß -> ss, ĳ -> ij), combining marks dropped, typographic
// apostrophes to ', and every run of white space, line breaks included, to
// one ' ' ("Jan\n  de Vries" -> "Jan de Vries") — but a blank line, or a
// line break after a comma, to one '\n', so that no name form joins two
// paragraphs or a salutation line to the next. Case is left alone: the
// matcher is caseless for ASCII, and after this fold names are ASCII.
// Offsets in the folded text map back to the original.
//
// Thread safety: a PersonFoldedText is an immutable value once built.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/unicode_fold.h"

namespace piiscan {

class PersonFoldedText {
 public:
  explicit PersonFoldedText(std::string_view original);
  PersonFoldedText(const PersonFoldedText&) = delete;
  PersonFoldedText& operator=(const PersonFoldedText&) = delete;

  std::string_view text() const { return changed_ ? std::string_view(folded_) : inner_.text(); }
  // Offset in the original text of folded offset `pos` (end offsets too).
  uint64_t ToOriginal(uint64_t pos) const;

 private:
  FoldedText inner_;  // the core fold; this class folds its output further
  std::string folded_;
  bool changed_ = false;
  // (folded offset, inner offset) at the start of each run after a change.
  std::vector<std::pair<uint64_t, uint64_t>> map_;
};

// The fold of a whole string (query values, variant literals).
std::string FoldForMatching(std::string_view s);

}  // namespace piiscan
