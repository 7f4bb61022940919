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

// Line numbers at offsets of one text, each counted from the offset asked
// before (forwards or back). The extractor that hands a long text over in
// windows and the findings made in each window ask the same cursor, so each
// newline is counted about once instead of once per asker.
// Not thread-safe; the text must outlive the cursor.
class LineCursor {
 public:
  // `line` is the line number at offset `at` of `text`.
  LineCursor(std::string_view text, uint64_t line, uint64_t at) : text_(text), at_(at), line_(line) {}

  // The line number at `offset` (<= text.size()).
  uint64_t LineAt(uint64_t offset) {
    if (offset >= at_) {
      line_ += CountNewlines(text_.substr(at_, offset - at_));
    } else {
      line_ -= CountNewlines(text_.substr(offset, at_ - offset));
    }
    at_ = offset;
    return line_;
  }

 private:
  std::string_view text_;
  uint64_t at_;
  uint64_t line_;
};

}  // namespace piiscan
