// LZFu (compressed RTF of Outlook items, formats/mail/lzfu.h): header sizes
// and back references are untrusted.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/mail/lzfu.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  constexpr uint64_t kMaxOutput = 4 << 20;
  auto result = piiscan::formats::DecompressLzfu(bytes, kMaxOutput);
  if (result && result->rtf.size() > kMaxOutput) __builtin_trap();  // the cap must hold
  piiscan::formats::LzfuCrc(bytes);
  return 0;
}
