#include "formats/mbox/mbox_extractor.h"

#include <string>

#include "formats/mbox/mbox_split.h"
#include "formats/text/text_extractor.h"

namespace piiscan::formats {
namespace {

class MboxExtractorImpl final : public Extractor {
 public:
  std::string_view Name() const override { return "mbox"; }

  void Extract(std::string_view bytes, const Location& where, ExtractContext& ctx) const override {
    if (!mbox::IsFromLine(bytes, 0)) {
      // Sniffed as mbox from a leading "From ", but not an envelope line:
      // ordinary text that happens to start with the word.
      TextExtractor().Extract(bytes, where, ctx);
      return;
    }
    ExtractMboxPart(bytes, 0, bytes.size(), 1, where, ctx);
  }
};

}  // namespace

void ExtractMboxPart(std::string_view bytes, uint64_t begin, uint64_t end, uint64_t first_number,
                     const Location& where, ExtractContext& ctx) {
  uint64_t number = first_number;
  for (uint64_t start = begin; start < end && start < bytes.size(); ++number) {
    if (ctx.ShouldStop()) return;
    size_t body = mbox::LineEnd(bytes, start);
    size_t next = mbox::NextFromLine(bytes, body);
    if (next > body) {
      ctx.Child(bytes.substr(body, next - body), Append(where, "message " + std::to_string(number)),
                {"", "message/rfc822"});
    }
    ctx.DoneWith(next);
    start = next;
  }
}

const Extractor& MboxExtractor() {
  static const MboxExtractorImpl kInstance;
  return kInstance;
}

}  // namespace piiscan::formats
