// MIME parts and headers (formats/mail/mime_parts.h, mime_headers.h, on
// GMime) through the e-mail extractor. The first byte picks a wrapper: the
// input as a whole message, or as the body of a multipart message with a
// fixed boundary, which gets the fuzzer into part walking at once.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "formats/registry.h"
#include "fuzz/fuzz_context.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const piiscan::formats::Extractor* eml = piiscan::formats::FindFormat("eml")->extractor;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string message;
  if (!bytes.empty() && bytes[0] == '\x01') {
    bytes.remove_prefix(1);
    message = "From: a@example.org\r\nMIME-Version: 1.0\r\n"
              "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n";
    message.append(bytes);
    message += "\r\n--b--\r\n";
  } else {
    message.assign(bytes);
  }
  piiscan::fuzz::FuzzContext ctx;
  eml->Extract(message, {"fuzz"}, ctx);
  return 0;
}
