#include "formats/content_tests.h"

#include <algorithm>
#include <bit>
#include <string>

#include "core/utf8.h"
#include "formats/mbox/mbox_split.h"

namespace piiscan::formats {

bool LooksLikeMailHeaders(std::string_view head) {
  static constexpr std::string_view kFields[] = {
      "from:",     "to:",          "cc:",           "subject:",      "date:",     "message-id:",
      "received:", "return-path:", "mime-version:", "delivered-to:", "reply-to:", "content-type:"};
  if (!mbox::IsHeaderField(head, 0)) return false;
  unsigned seen = 0;
  for (size_t line = 0; line < head.size(); line = mbox::LineEnd(head, line)) {
    bool folded = head[line] == ' ' || head[line] == '\t';
    if (folded) continue;
    if (!mbox::IsHeaderField(head, line)) break;  // the empty line, or no header block
    std::string start = AsciiLower(head.substr(line, 16));
    for (size_t f = 0; f < std::size(kFields); ++f) {
      if (start.starts_with(kFields[f])) {
        seen |= 1u << f;
        break;
      }
    }
    if (std::popcount(seen) >= 2) return true;
  }
  return false;
}

bool LooksLikeHtml(std::string_view head) {
  // Lower-cased only once it starts like markup: most texts do not.
  size_t i = head.substr(0, 1024).find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (i == std::string_view::npos || head[i] != '<') return false;
  std::string start = AsciiLower(head.substr(0, 1024));
  for (std::string_view tag :
       {"<!doctype html", "<html", "<head", "<body", "<table", "<meta ", "<div", "<p>"}) {
    if (start.find(tag) != std::string::npos) return true;
  }
  return false;
}

}  // namespace piiscan::formats
