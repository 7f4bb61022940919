#include "formats/text/charset.h"

#include <iconv.h>
#include <uchardet.h>

#include <algorithm>
#include <array>
#include <cctype>
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

// Windows-1252 letters among the bytes 0x80-0xFF (Š Œ Ž š œ ž Ÿ, À-ÿ
// without × and ÷), and the bytes it leaves undefined.
bool Cp1252Letter(unsigned char c) {
  if (c >= 0xC0) return c != 0xD7 && c != 0xF7;
  return c == 0x8A || c == 0x8C || c == 0x8E || c == 0x9A || c == 0x9C || c == 0x9E || c == 0x9F;
}
bool Cp1252Undefined(unsigned char c) { return c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D; }
bool AsciiLetter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// True when `head` read as windows-1252 is plausible Western European
// text: every 8-bit byte is defined, its letters stand inside words of
// ASCII letters (never three in a row: Cyrillic or Greek read as Latin-1
// is runs of accented letters), and no symbol stands between two letters
// ("Wi³niewski", "£ukasz": Polish read as cp1252). An apostrophe-like
// mark (’ ´) and the soft hyphen may.
bool PlausibleCp1252(std::string_view head) {
  size_t high = 0, run = 0;
  auto at = [&](size_t i) { return i < head.size() ? static_cast<unsigned char>(head[i]) : 0; };
  for (size_t i = 0; i < head.size(); ++i) {
    unsigned char c = at(i);
    if (c < 0x80) {
      run = 0;
      continue;
    }
    ++high;
    if (Cp1252Undefined(c)) return false;
    bool prev_letter = i > 0 && (AsciiLetter(at(i - 1)) || Cp1252Letter(at(i - 1)));
    bool next_letter = AsciiLetter(at(i + 1)) || Cp1252Letter(at(i + 1));
    if (Cp1252Letter(c)) {
      if (++run >= 3) return false;
    } else {
      run = 0;
      if (prev_letter && next_letter && c != 0x92 && c != 0xB4 && c != 0xAD) return false;
    }
  }
  return high > 0;
}

// Words of Dutch, English, German and French that other European languages
// do not use (Czech, Polish and Turkish text has none of them).
bool ReadsWesternEuropean(std::string_view head) {
  static constexpr std::array<std::string_view, 40> kWords = {
      "het", "een", "van", "niet", "zijn", "met", "voor", "dat", "wij", "ook", "naar", "bij",
      "aan", "heeft", "wordt", "the", "and", "with", "for", "that", "this", "from", "have", "your",
      "der", "und", "mit", "nicht", "ist", "eine", "das", "dem", "les", "et", "est", "pour",
      "avec", "dans", "une", "vous"};
  int hits = 0;
  size_t i = 0;
  while (i < head.size() && hits < 2) {
    while (i < head.size() && !AsciiLetter(static_cast<unsigned char>(head[i]))) ++i;
    size_t b = i;
    while (i < head.size() && AsciiLetter(static_cast<unsigned char>(head[i]))) ++i;
    if (i - b < 2 || i - b > 6 || (i < head.size() && static_cast<unsigned char>(head[i]) >= 0x80)) continue;
    std::string w(head.substr(b, i - b));
    for (auto& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    hits += std::find(kWords.begin(), kWords.end(), w) != kWords.end();
  }
  return hits >= 2;
}

// Code pages a file here is really written in besides windows-1252 (a
// Central European, Turkish, Cyrillic, Greek, Baltic, Hebrew or Arabic
// Windows or ISO page, DOS and Mac Roman); uchardet's other single-byte
// guesses (MAC-CENTRALEUROPE, IBM852, ISO-8859-3/-4/-10 ...) are made from
// too little to trust.
bool CommonHere(const std::string& name) {
  return name.starts_with("WINDOWS-125") || name == "ISO-8859-2" || name == "ISO-8859-5" ||
         name == "ISO-8859-7" || name == "ISO-8859-9" || name == "ISO-8859-13" || name == "KOI8-R" ||
         name == "KOI8-U" || name == "IBM866" || name == "IBM850" || name == "IBM437" || name == "MACINTOSH";
}

// Multi-byte encodings (Asian and ISO-2022) are not code pages to second-guess.
bool MultiByte(const std::string& name) {
  return name.starts_with("UTF") || name.starts_with("EUC") || name.starts_with("ISO-2022") ||
         name == "SHIFT_JIS" || name == "BIG5" || name == "GB18030" || name == "HZ-GB-2312";
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
  } else if (!MultiByte(name) && PlausibleCp1252(head) &&
             (!CommonHere(name) || ReadsWesternEuropean(head))) {
    // A guess of another single-byte page from a few accented letters is
    // weak: windows-1252 text with "Zoë" or "Inês" came back as
    // MAC-CENTRALEUROPE or ISO-8859-10 and its names garbled. Text that
    // reads as Western European in windows-1252 is taken as such
    // (bench/charset_names.py).
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
