#include "reports/json_text.h"

#include "core/byte_scan.h"
#include "core/utf8.h"

namespace piiscan::reports {

void AppendJsonString(std::string& out, std::string_view s) {
  // Most strings written (paths, detector names, masks, hashes) are
  // printable ASCII without a quote or backslash: taken as they are,
  // without UTF-8 checking.
  if (FindControlNonAsciiOr(s, 0, '"', '\\') == s.size()) {
    out += '"';
    out.append(s);
    out += '"';
    return;
  }
  std::string clean;
  if (!IsValidUtf8(s)) {
    clean = SanitizeUtf8(s);
    s = clean;
  }
  static const char* kHex = "0123456789abcdef";
  out += '"';
  // Runs that need no escaping are appended whole: most values have none.
  size_t plain = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        }
    }
  }
  out.append(s.data() + plain, s.size() - plain);
  out += '"';
}

void AppendJsonLocation(std::string& out, const Location& location) {
  out += '[';
  for (size_t i = 0; i < location.size(); ++i) {
    if (i) out += ',';
    AppendJsonString(out, location[i]);
  }
  out += ']';
}

}  // namespace piiscan::reports
