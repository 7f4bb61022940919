#pragma once
// Finds the character set of text (BOM, UTF-16 shape, UTF-8 validity, then
// uchardet) and converts it to UTF-8 with iconv. UTF-8 input is never copied.

#include <optional>
#include <string>
#include <string_view>

namespace piiscan::formats {

struct Charset {
  std::string name;     // iconv name: "UTF-8", "UTF-16LE", "WINDOWS-1252", ...
  size_t bom_size = 0;  // bytes of byte-order mark at the start
  bool is_utf8() const { return name == "UTF-8"; }
  size_t unit() const { return name.starts_with("UTF-16") ? 2 : 1; }
};

// Guesses from the first bytes (up to 64 KiB are used).
Charset DetectCharset(std::string_view head);

// Converts `bytes` (no BOM) from `charset` to UTF-8; invalid sequences become
// U+FFFD. nullopt when iconv does not know the charset.
std::optional<std::string> ToUtf8(std::string_view bytes, const Charset& charset);

}  // namespace piiscan::formats
