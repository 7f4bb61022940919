#include "reports/json_text.h"

#include <emmintrin.h>

#include "core/utf8.h"

namespace piiscan::reports {

namespace {

// The length of the start of `s` that is printable ASCII without '"' or
// '\\': what JSON takes as it is and UTF-8 checking can skip. Most strings
// written (paths, detector names, masks, hashes) are that whole.
size_t PlainAsciiPrefix(std::string_view s) {
  const char* p = s.data();
  size_t i = 0;
  // Signed bytes below 0x20 are the control characters and every byte of
  // 0x80 and up (negative): one comparison finds both.
  const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\');
  for (; i + 16 <= s.size(); i += 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    __m128i special = _mm_or_si128(_mm_cmplt_epi8(v, space),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    if (int mask = _mm_movemask_epi8(special)) return i + static_cast<size_t>(__builtin_ctz(mask));
  }
  for (; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(p[i]);
    if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') return i;
  }
  return i;
}

}  // namespace

void AppendJsonString(std::string& out, std::string_view s) {
  if (PlainAsciiPrefix(s) == s.size()) {
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
