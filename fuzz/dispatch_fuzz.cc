// Any bytes through sniffing and dispatch, as the scanner reads a file of
// unknown type: reaches every extractor the sniffer can pick, and their
// children. The first byte picks a file name hint (extension), since the
// sniffer uses it for formats without magic (csv, rtf, eml).

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/dispatch.h"
#include "fuzz/fuzz_context.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static constexpr std::string_view kNames[] = {"", "file.txt", "file.csv", "file.eml", "file.rtf",
                                                "file.html", "file.mbox", "file.msg"};
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string_view name = kNames[0];
  if (!bytes.empty() && (bytes[0] & 0xf8) == 0xf8) {  // rare lead byte: keeps real seeds as they are
    name = kNames[bytes[0] & 7];
    bytes.remove_prefix(1);
  }
  piiscan::fuzz::FuzzContext ctx;
  piiscan::formats::DispatchItem(bytes, {"fuzz"}, {.name = name, .mime_type = {}}, ctx);
  return 0;
}
