// Charset detection and conversion (formats/text/charset.h, uchardet +
// iconv): the detected charset, and a fixed list of the ones text files come
// in, must turn any bytes into valid UTF-8 or fail cleanly.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/utf8.h"
#include "formats/text/charset.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace formats = piiscan::formats;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  formats::Charset detected = formats::DetectCharset(bytes.substr(0, 64 << 10));
  if (detected.bom_size > bytes.size()) __builtin_trap();
  auto text = formats::ToUtf8(bytes.substr(detected.bom_size), detected);
  if (text && !piiscan::IsValidUtf8(*text)) __builtin_trap();
  static const char* const kCharsets[] = {"UTF-16LE", "UTF-16BE", "WINDOWS-1252", "ISO-8859-15",
                                          "UTF-8"};
  if (!bytes.empty()) {
    formats::Charset fixed{.name = kCharsets[uint8_t(bytes[0]) % 5], .bom_size = 0};
    auto converted = formats::ToUtf8(bytes.substr(1), fixed);
    if (converted && !piiscan::IsValidUtf8(*converted)) __builtin_trap();
  }
  return 0;
}
