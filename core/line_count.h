#pragma once
// Counts '\n' in a byte range at memory speed (core/byte_scan.h). Used
// wherever line numbers are derived from offsets: every text window, every
// finding, and the line numbers at the start of each part of a big file
// split between threads.
#include <cstdint>
#include <string_view>

#include "core/byte_scan.h"

namespace piiscan {

inline uint64_t CountNewlines(std::string_view s) { return CountByte(s, '\n'); }

}  // namespace piiscan
