// The RTF reader (formats/rtf/rtf_reader.h): control words, groups,
// \bin, \uN, \'hh escapes and code pages; everything it hands on must be
// UTF-8.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/utf8.h"
#include "formats/rtf/rtf_reader.h"

namespace {

class CheckingSink : public piiscan::formats::rtf::RtfSink {
 public:
  void Text(std::string_view utf8) override { Check(utf8); }
  void LineEnd() override {}
  void CellEnd() override {}
  void Metadata(std::string_view label, std::string_view utf8) override {
    Check(label);
    Check(utf8);
  }

 private:
  static void Check(std::string_view s) {
    if (!piiscan::IsValidUtf8(s)) __builtin_trap();
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  CheckingSink sink;
  piiscan::formats::rtf::ReadRtf(std::string_view(reinterpret_cast<const char*>(data), size), sink,
                                    [] { return false; });
  return 0;
}
