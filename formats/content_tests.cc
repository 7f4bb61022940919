#include "formats/content_tests.h"

#include <algorithm>
#include <string>

#include "core/utf8.h"
#include "formats/mbox/mbox_split.h"

namespace piiscan::formats {

bool LooksLikeMailHeaders(std::string_view head) {
  static constexpr std::string_view kFields[] = {
      "from:",     "to:",          "cc:",           "subject:",      "date:",     "message-id:",
      "received:", "return-path:", "mime-version:", "delivered-to:", "reply-to:", "content-type:"};
  if (!mbox::IsHeaderField(head, 0)) return false;
  size_t end = std::min(head.find("\n\n"), head.find("\r\n\r\n"));
  if (end == std::string_view::npos) end = head.size();  // headers only, or a long block
  int known = 0;
  for (size_t line = 0; line < end; line = mbox::LineEnd(head, line)) {
    std::string start = AsciiLower(head.substr(line, 16));
    for (auto field : kFields) {
      if (start.starts_with(field)) {
        ++known;
        break;
      }
    }
    if (known >= 2) return true;
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
