// The HTML text sink (formats/html/html_text_sink.h) driven directly by a
// stream of parser events decoded from the input, so that event orders the
// libxml2 parser rarely produces (unbalanced ends, nested <style>/<pre>,
// attributes without values, huge text runs) are reached too. Event byte:
// 0 start element (name, up to 3 attributes), 1 end element, 2 characters.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"
#include "formats/html/html_text_sink.h"
#include "fuzz/fuzz_context.h"

namespace {

constexpr std::string_view kNames[] = {"style", "pre", "script", "textarea", "td", "th", "tr", "br",
                                       "p", "a", "input", "meta", "img", "div", "title", "x"};
constexpr std::string_view kKeys[] = {"href", "value", "name", "id", "title", "alt", "content", "property"};

class Events {
 public:
  explicit Events(std::string_view in) : in_(in) {}
  bool empty() const { return pos_ >= in_.size(); }
  uint8_t Byte() { return empty() ? 0 : uint8_t(in_[pos_++]); }
  // A run of up to 255 bytes, its length first, made valid UTF-8 as the
  // parser delivers it (a split character in the output is the sink's bug).
  std::string Run() {
    size_t n = Byte();
    std::string_view raw = in_.substr(pos_, n);
    pos_ += raw.size();
    return piiscan::SanitizeUtf8(raw);
  }

 private:
  std::string_view in_;
  size_t pos_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  piiscan::fuzz::FuzzContext ctx;
  piiscan::Location where{"fuzz"};
  piiscan::formats::HtmlTextSink sink(where, ctx);
  Events events(std::string_view(reinterpret_cast<const char*>(data), size));
  while (!events.empty()) {
    uint8_t op = events.Byte();
    std::string name(kNames[(op >> 2) % std::size(kNames)]);
    switch (op % 3) {
      case 0: {
        std::vector<std::string> strings;
        int count = events.Byte() % 4;
        for (int i = 0; i < count; ++i) {
          strings.emplace_back(kKeys[events.Byte() % std::size(kKeys)]);
          strings.push_back(events.Run());
        }
        std::vector<const char*> atts;
        for (size_t i = 0; i < strings.size(); i += 2) {
          atts.push_back(strings[i].c_str());
          // An attribute without a value (<input disabled>) comes as NULL.
          atts.push_back(strings[i + 1].empty() ? nullptr : strings[i + 1].c_str());
        }
        atts.push_back(nullptr);
        sink.StartElement(name, count == 0 && (op & 0x80) ? nullptr : atts.data());
        break;
      }
      case 1:
        sink.EndElement(name);
        break;
      default: {
        std::string text = events.Run();
        // Repeat it: long runs cross the sink's windows.
        int repeat = 1 + (op >> 6) * 300;
        for (int i = 0; i < repeat; ++i) sink.Characters(text);
      }
    }
  }
  sink.Finish();
  return 0;
}
