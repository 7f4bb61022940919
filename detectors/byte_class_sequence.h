#pragma once
// A fixed-length sequence of byte classes, written as a small regex: bracket
// classes ("[A-Z]", "[0-9 .]", "[^a-z]"), literal characters ("NL", "\."),
// each optionally repeated a fixed number of times ("[A-Z]{2}"). No
// alternation, groups or variable repetition: it matches a known number of
// bytes, checked byte by byte, so the engine can test one at every token
// for the price of a few loads. Used for a numeric detector's `lead`, the
// bytes that must stand right before its token (the country code of an
// IBAN before its check digits).

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace piiscan::detectors {

class ByteClassSequence {
 public:
  // Errors say what in `spec` is not supported.
  static Result<ByteClassSequence> Parse(std::string_view spec);

  size_t size() const { return sets_.size(); }
  // True when every byte the first class admits lies in [lo, hi]: a caller
  // with a bitmap of those bytes can rule out most positions before
  // MatchesBefore.
  bool FirstWithin(unsigned char lo, unsigned char hi) const {
    if (sets_.empty()) return false;
    for (unsigned b = 0; b < 256; ++b) {
      if ((sets_[0][b >> 6] >> (b & 63) & 1) && (b < lo || b > hi)) return false;
    }
    return true;
  }
  // True when text[end - size(), end) matches (false when it does not fit).
  bool MatchesBefore(std::string_view text, size_t end) const {
    if (end < sets_.size() || end > text.size()) return false;
    const size_t begin = end - sets_.size();
    for (size_t i = 0; i < sets_.size(); ++i) {
      auto b = static_cast<unsigned char>(text[begin + i]);
      if (!(sets_[i][b >> 6] >> (b & 63) & 1)) return false;
    }
    return true;
  }

 private:
  using ByteSet = std::array<uint64_t, 4>;
  std::vector<ByteSet> sets_;
};

}  // namespace piiscan::detectors
