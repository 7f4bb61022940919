// The Outlook .msg storage reader (formats/mail/msg_storage.h, on libolecf):
// property streams, recipients, attachments, embedded messages.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/mail/msg_storage.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  constexpr uint64_t kMaxBytes = 16 << 20;
  auto result = piiscan::formats::ReadMsg(std::string_view(reinterpret_cast<const char*>(data), size),
                                          kMaxBytes);
  if (!result) return 0;
  // Walk what was read, as the extractor does.
  uint64_t total = 0;
  const piiscan::formats::MsgStorage* item = &result->root;
  for (int depth = 0; item != nullptr && depth < 64; ++depth) {
    for (const auto& [id, s] : item->streams) total += s.size();
    for (const auto& a : item->attachments) total += a.streams.size();
    item = item->attachments.empty() ? nullptr : item->attachments.front().embedded.get();
  }
  (void)total;
  return 0;
}
