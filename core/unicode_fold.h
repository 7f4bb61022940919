#pragma once
// Folds the Unicode look-alikes that Word and PDF put into identifiers, so
// that detectors see ASCII: no-break, narrow and thin spaces -> ' ', dash and
// minus variants -> '-', full-width digits and '@' -> ASCII, soft hyphens and
// zero-width spaces dropped. Keeps an offset map so spans found in the folded
// text point back into the original. Text without any such character (the
// common case) is not copied at all.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace piiscan {

class FoldedText {
 public:
  explicit FoldedText(std::string_view original);

  std::string_view text() const { return folded_.empty() && !changed_ ? original_ : folded_; }
  bool changed() const { return changed_; }
  // Offset in the original text of folded offset `pos` (end offsets too).
  uint64_t ToOriginal(uint64_t pos) const;

 private:
  std::string_view original_;
  std::string folded_;
  bool changed_ = false;
  // (folded offset, original offset) at the start of each run after a change.
  std::vector<std::pair<uint64_t, uint64_t>> map_;
};

}  // namespace piiscan
