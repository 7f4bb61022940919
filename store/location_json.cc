#include "store/location_json.h"

#include <cstdint>

namespace piiscan::store {
namespace {

void AppendUtf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::optional<uint32_t> Hex4(std::string_view s, size_t at) {
  if (at + 4 > s.size()) return std::nullopt;
  uint32_t v = 0;
  for (size_t i = at; i < at + 4; ++i) {
    char c = s[i];
    v <<= 4;
    if (c >= '0' && c <= '9')
      v |= c - '0';
    else if (c >= 'a' && c <= 'f')
      v |= c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
      v |= c - 'A' + 10;
    else
      return std::nullopt;
  }
  return v;
}

// Parses a JSON string starting after its opening quote; `pos` ends after
// the closing quote.
std::optional<std::string> ParseString(std::string_view s, size_t& pos) {
  std::string out;
  while (pos < s.size()) {
    char c = s[pos++];
    if (c == '"') return out;
    if (c != '\\') {
      out += c;
      continue;
    }
    if (pos >= s.size()) return std::nullopt;
    char e = s[pos++];
    switch (e) {
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      case '/':
        out += '/';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        auto cp = Hex4(s, pos);
        if (!cp) return std::nullopt;
        pos += 4;
        if (*cp >= 0xD800 && *cp < 0xDC00 && pos + 6 <= s.size() && s[pos] == '\\' &&
            s[pos + 1] == 'u') {
          auto low = Hex4(s, pos + 2);
          if (low && *low >= 0xDC00 && *low < 0xE000) {
            *cp = 0x10000 + ((*cp - 0xD800) << 10) + (*low - 0xDC00);
            pos += 6;
          }
        }
        AppendUtf8(*cp, out);
        break;
      }
      default:
        return std::nullopt;
    }
  }
  return std::nullopt;
}

void SkipSpace(std::string_view s, size_t& pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\n' || s[pos] == '\t' || s[pos] == '\r'))
    ++pos;
}

}  // namespace

std::string LocationToJson(const Location& location) {
  std::string out = "[";
  for (size_t i = 0; i < location.size(); ++i) {
    if (i) out += ',';
    out += '"';
    for (unsigned char c : location[i]) {
      switch (c) {
        case '"':
          out += "\\\"";
          break;
        case '\\':
          out += "\\\\";
          break;
        case '\n':
          out += "\\n";
          break;
        case '\r':
          out += "\\r";
          break;
        case '\t':
          out += "\\t";
          break;
        default:
          if (c < 0x20 || c == 0x7F) {
            static const char kHex[] = "0123456789abcdef";
            out += "\\u00";
            out += kHex[c >> 4];
            out += kHex[c & 15];
          } else {
            out += static_cast<char>(c);
          }
      }
    }
    out += '"';
  }
  out += ']';
  return out;
}

std::optional<Location> LocationFromJson(std::string_view json) {
  size_t pos = 0;
  SkipSpace(json, pos);
  if (pos >= json.size() || json[pos++] != '[') return std::nullopt;
  Location out;
  SkipSpace(json, pos);
  if (pos < json.size() && json[pos] == ']') {
    ++pos;
  } else {
    while (true) {
      SkipSpace(json, pos);
      if (pos >= json.size() || json[pos++] != '"') return std::nullopt;
      auto step = ParseString(json, pos);
      if (!step) return std::nullopt;
      out.push_back(std::move(*step));
      SkipSpace(json, pos);
      if (pos >= json.size()) return std::nullopt;
      char c = json[pos++];
      if (c == ']') break;
      if (c != ',') return std::nullopt;
    }
  }
  SkipSpace(json, pos);
  if (pos != json.size()) return std::nullopt;
  return out;
}

}  // namespace piiscan::store
