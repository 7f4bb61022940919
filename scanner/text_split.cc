#include "scanner/text_split.h"

#include <algorithm>
#include <cstring>

#include "core/line_count.h"
#include "formats/sniff.h"
#include "formats/text/charset.h"

namespace piiscan::scanner {

std::optional<formats::TextPart> PlanTextParts(std::string_view bytes, std::string_view name, unsigned threads,
                                               const std::function<void(const formats::TextPart&)>& on_part) {
  if (threads < 2 || bytes.size() < kMinSplitSize) return std::nullopt;
  std::string_view head = bytes.substr(0, 65536);
  if (formats::Sniff(head, name).type != "text" || !formats::DetectCharset(head).is_utf8()) return std::nullopt;
  std::optional<formats::TextPart> first;
  // Several parts per thread, so that a thread that finished early takes
  // over work; none so small that the per-part cost shows.
  const uint64_t size = bytes.size();
  const uint64_t target = std::max<uint64_t>(8ull << 20, size / (uint64_t{threads} * 4));
  uint64_t begin = formats::DetectCharset(head).bom_size, line = 1;
  if (size - begin < 2 * target) return std::nullopt;  // one part: nothing to share
  while (begin < size) {
    uint64_t end = begin + target >= size ? size : begin + target;
    if (end < size) {
      const void* nl = std::memchr(bytes.data() + end, '\n', size - end);
      end = nl ? static_cast<uint64_t>(static_cast<const char*>(nl) - bytes.data()) + 1 : size;
    }
    formats::TextPart part{begin, end, line};
    if (!first) first = part;
    else on_part(part);
    line += CountNewlines(bytes.substr(begin, end - begin));
    begin = end;
  }
  return first;
}

}  // namespace piiscan::scanner
