#include "formats/text/charset.h"

#include <iconv.h>
#include <uchardet.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "core/utf8.h"

namespace piiscan::formats {
namespace {

bool StartsWith(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::optional<std::string> Utf16Shape(std::string_view head) {
  size_t n = std::min<size_t>(head.size(), 1024) & ~size_t{1};
  if (n < 4) return std::nullopt;
  // Without a zero byte neither count can reach its share: one memchr
  // instead of a count over every byte of every text file.
  if (std::memchr(head.data(), 0, n) == nullptr) return std::nullopt;
  size_t even_zero = 0, odd_zero = 0;
  for (size_t i = 0; i < n; i += 2) {
    even_zero += head[i] == 0;
    odd_zero += head[i + 1] == 0;
  }
  size_t pairs = n / 2;
  if (odd_zero * 10 >= pairs * 7 && even_zero * 10 < pairs) return "UTF-16LE";
  if (even_zero * 10 >= pairs * 7 && odd_zero * 10 < pairs) return "UTF-16BE";
  return std::nullopt;
}

// A cut-off multi-byte sequence at the very end of `head` is not invalid.
bool ValidUtf8Prefix(std::string_view head) {
  size_t cut = head.size();
  for (size_t k = 0; k < 3 && cut > 0; ++k) {
    auto c = static_cast<unsigned char>(head[cut - 1]);
    if ((c & 0xC0) == 0x80) { --cut; continue; }
    if (c >= 0xC0) --cut;
    break;
  }
  return IsValidUtf8(head.substr(0, cut));
}

}  // namespace

Charset DetectCharset(std::string_view head) {
  head = head.substr(0, 64 * 1024);
  if (StartsWith(head, "\xEF\xBB\xBF")) return {"UTF-8", 3};
  if (StartsWith(head, "\xFF\xFE")) return {"UTF-16LE", 2};
  if (StartsWith(head, "\xFE\xFF")) return {"UTF-16BE", 2};
  if (auto u16 = Utf16Shape(head)) return {*u16, 0};
  if (ValidUtf8Prefix(head)) return {"UTF-8", 0};
  std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> det(uchardet_new(),
                                                                               uchardet_delete);
  std::string name;
  if (det && uchardet_handle_data(det.get(), head.data(), head.size()) == 0) {
    uchardet_data_end(det.get());
    name = uchardet_get_charset(det.get());
  }
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  // Latin-1 text from Windows is nearly always cp1252 (which adds the euro
  // sign and curly quotes in 0x80-0x9F); an unknown 8-bit text likewise.
  if (name.empty() || name == "ISO-8859-1" || name == "ISO-8859-15" || name == "ASCII" ||
      name == "UTF-8") {
    name = "WINDOWS-1252";
  }
  return {name, 0};
}

std::optional<std::string> ToUtf8(std::string_view bytes, const Charset& charset) {
  if (charset.is_utf8()) return SanitizeUtf8(bytes);
  iconv_t cd = iconv_open("UTF-8", charset.name.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out;
  out.resize(bytes.size() * 2 + 16);
  char* in = const_cast<char*>(bytes.data());
  size_t in_left = bytes.size();
  size_t out_pos = 0;
  while (in_left > 0) {
    if (out.size() - out_pos < 16) out.resize(out.size() * 2);
    char* outp = out.data() + out_pos;
    size_t out_left = out.size() - out_pos;
    size_t rc = iconv(cd, &in, &in_left, &outp, &out_left);
    out_pos = static_cast<size_t>(outp - out.data());
    if (rc != static_cast<size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
    } else if (errno == EILSEQ || errno == EINVAL) {
      // Invalid or cut-off input: emit U+FFFD and skip one code unit.
      size_t skip = std::min(in_left, charset.unit());
      in += skip;
      in_left -= skip;
      if (out.size() - out_pos < 3) out.resize(out.size() * 2);
      std::memcpy(out.data() + out_pos, "\xEF\xBF\xBD", 3);
      out_pos += 3;
    } else {
      break;
    }
  }
  iconv_close(cd);
  out.resize(out_pos);
  return out;
}

}  // namespace piiscan::formats
