#include "formats/mbox/mbox_split.h"

#include <string.h>  // memmem (glibc: fast two-way search over a mapped file)

#include <algorithm>

namespace piiscan::formats::mbox {
namespace {

// An envelope line is short ("From sender@host Tue Nov 14 10:13:20 2023");
// a longer "From " line is body text.
constexpr size_t kMaxFromLine = 1024;

}  // namespace

// A header field name: printable ASCII except ':' and space, then ':'.
bool IsHeaderField(std::string_view text, size_t pos) {
  const size_t limit = std::min(text.size(), pos + 128);
  for (size_t i = pos; i < limit; ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c == ':') return i > pos;
    if (c <= 0x20 || c >= 0x7F) return false;
  }
  return false;
}

size_t LineEnd(std::string_view mbox, size_t pos) {
  size_t nl = mbox.find('\n', pos);
  return nl == std::string_view::npos ? mbox.size() : nl + 1;
}

bool IsFromLine(std::string_view mbox, size_t pos) {
  if (mbox.substr(pos, 5) != "From ") return false;
  size_t nl = mbox.substr(pos, kMaxFromLine).find('\n');
  if (nl == std::string_view::npos) return false;
  return IsHeaderField(mbox, pos + nl + 1);
}

size_t NextFromLine(std::string_view mbox, size_t pos) {
  static constexpr char kNeedle[] = "\nFrom ";
  const char* base = mbox.data();
  while (pos < mbox.size()) {
    // Search from the newline that may end the line before `pos`.
    size_t from = pos > 0 ? pos - 1 : 0;
    const void* hit = memmem(base + from, mbox.size() - from, kNeedle, sizeof(kNeedle) - 1);
    if (hit == nullptr) break;
    size_t nl = static_cast<size_t>(static_cast<const char*>(hit) - base);
    size_t line = nl + 1;
    // The "From " line must follow an empty line ("\n\n" or "\n\r\n").
    bool after_empty = (nl >= 1 && mbox[nl - 1] == '\n') ||
                       (nl >= 2 && mbox[nl - 1] == '\r' && mbox[nl - 2] == '\n');
    if (line >= pos && after_empty && IsFromLine(mbox, line)) return line;
    pos = line + 1;
  }
  return mbox.size();
}

}  // namespace piiscan::formats::mbox
