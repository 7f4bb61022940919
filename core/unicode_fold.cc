#include "core/unicode_fold.h"

#include <algorithm>
#include <cstring>

#include "core/byte_scan.h"

namespace piiscan {
namespace {

// Returns the replacement of the sequence at s[i] (may be empty: dropped) and
// its length in bytes, or length 0 when the sequence is not folded.
std::pair<std::string_view, size_t> FoldAt(std::string_view s, size_t i) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  size_t left = s.size() - i;
  if (b(0) == 0xC2 && left >= 2) {
    if (b(1) == 0xA0) return {" ", 2};   // no-break space
    if (b(1) == 0xAD) return {"", 2};    // soft hyphen
  } else if (b(0) == 0xE2 && left >= 3) {
    if (b(1) == 0x80) {
      unsigned char c = b(2);
      if (c >= 0x80 && c <= 0x8A) return {" ", 3};  // en quad .. hair space
      if (c == 0x8B) return {"", 3};                // zero-width space
      if (c >= 0x90 && c <= 0x95) return {"-", 3};  // hyphen .. horizontal bar
      if (c == 0xAF) return {" ", 3};               // narrow no-break space
    } else if (b(1) == 0x88 && b(2) == 0x92) {
      return {"-", 3};  // minus sign
    }
  } else if (b(0) == 0xEF && left >= 3 && b(1) == 0xBC) {
    static const char* kDigits = "0123456789";
    if (b(2) >= 0x90 && b(2) <= 0x99) return {std::string_view(kDigits + (b(2) - 0x90), 1), 3};
    if (b(2) == 0xA0) return {"@", 3};
    if (b(2) == 0x8B) return {"+", 3};
  }
  return {{}, 0};
}

// Index of the first lead byte at or after `i` of a character that may fold
// (C2, E2, EF), or s.size(). Runs on every text segment: plain ASCII is
// skipped a vector at a time.
size_t NextFoldLead(std::string_view s, size_t i) { return FindNonAsciiOf(s, i, 0xC2, 0xE2, 0xEF); }

}  // namespace

FoldedText::FoldedText(std::string_view original) : original_(original) {
  size_t copied = 0;
  for (size_t i = NextFoldLead(original, 0); i < original.size(); i = NextFoldLead(original, i)) {
    auto [repl, len] = FoldAt(original, i);
    if (len == 0) {
      ++i;
      continue;
    }
    if (!changed_) {
      folded_.reserve(original.size());
      changed_ = true;
    }
    folded_.append(original.substr(copied, i - copied));
    folded_.append(repl);
    i += len;
    copied = i;
    map_.emplace_back(folded_.size(), i);
  }
  if (changed_) folded_.append(original.substr(copied));
}

uint64_t FoldedText::ToOriginal(uint64_t pos) const {
  if (!changed_) return pos;
  // Last change point at or before pos.
  auto it = std::upper_bound(map_.begin(), map_.end(), std::make_pair(pos, UINT64_MAX));
  if (it == map_.begin()) return pos;
  --it;
  return it->second + (pos - it->first);
}

}  // namespace piiscan
