#pragma once
// Counts '\n' in a byte range quickly (memchr jumps: lines are long compared
// with the cost of a call). Used wherever line numbers are derived from
// offsets, which happens for every text window and every finding.
#include <cstdint>
#include <cstring>
#include <string_view>

namespace piiscan {

inline uint64_t CountNewlines(std::string_view s) {
  uint64_t n = 0;
  const char* p = s.data();
  const char* end = p + s.size();
  while (p < end) {
    const void* hit = std::memchr(p, '\n', static_cast<size_t>(end - p));
    if (!hit) break;
    ++n;
    p = static_cast<const char*>(hit) + 1;
  }
  return n;
}

}  // namespace piiscan
