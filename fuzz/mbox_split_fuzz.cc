// The mbox splitter (formats/mbox/mbox_split.h): walks every message start
// as the mbox extractor does, and checks that each step moves forward and
// stays inside the input.

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "formats/mbox/mbox_split.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace mbox = piiscan::formats::mbox;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  size_t pos = 0;
  while (pos < text.size()) {
    if (mbox::IsFromLine(text, pos)) {
      size_t header = mbox::LineEnd(text, pos);
      if (header <= pos || header > text.size()) __builtin_trap();
      if (header < text.size()) mbox::IsHeaderField(text, header);
    }
    size_t next = mbox::NextFromLine(text, pos + 1);
    if (next <= pos || next > text.size()) __builtin_trap();
    pos = next;
  }
  // Every line start, as IsFromLine's contract allows.
  for (size_t line = 0; line < text.size(); line = mbox::LineEnd(text, line)) {
    mbox::IsFromLine(text, line);
    mbox::IsHeaderField(text, line);
  }
  return 0;
}
