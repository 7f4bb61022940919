#include "formats/file_parts.h"

#include <algorithm>

#include "core/line_count.h"
#include "formats/mbox/mbox_extractor.h"
#include "formats/mbox/mbox_split.h"
#include "formats/sniff.h"
#include "formats/text/charset.h"
#include "formats/text/text_extractor.h"

namespace piiscan::formats {
namespace {

// Where the part that should end near `at` ends: the next line end (text)
// or envelope line (mbox) at or after it.
uint64_t CutAt(std::string_view bytes, bool mbox, uint64_t at) {
  if (at >= bytes.size()) return bytes.size();
  uint64_t line_end = mbox::LineEnd(bytes, at);
  return mbox ? mbox::NextFromLine(bytes, line_end) : line_end;
}

// Counted bytes are released every kReleaseStep, so that planning a part
// (up to an eighth of the file) never holds much of it in memory.
constexpr uint64_t kReleaseStep = 8ull << 20;

uint64_t CountMessages(std::string_view bytes, uint64_t begin, uint64_t end,
                       const std::function<void(uint64_t, uint64_t)>& release) {
  uint64_t n = 0, released = begin;
  for (uint64_t at = begin; at < end; at = mbox::NextFromLine(bytes, mbox::LineEnd(bytes, at))) {
    ++n;
    if (at - released >= kReleaseStep) {
      release(released, at);
      released = at;
    }
  }
  release(released, end);
  return n;
}

uint64_t CountLines(std::string_view bytes, uint64_t begin, uint64_t end,
                    const std::function<void(uint64_t, uint64_t)>& release) {
  uint64_t n = 0;
  for (uint64_t at = begin; at < end; at += kReleaseStep) {
    uint64_t stop = std::min(end, at + kReleaseStep);
    n += CountNewlines(bytes.substr(at, stop - at));
    release(at, stop);
  }
  return n;
}

}  // namespace

std::optional<FilePart> PlanParts(std::string_view bytes, std::string_view name, unsigned threads,
                                  const std::function<void(const FilePart&)>& on_part,
                                  const std::function<void(uint64_t, uint64_t)>& release) {
  if (threads < 2 || bytes.size() < kMinSplitSize) return std::nullopt;
  std::string_view head = bytes.substr(0, 65536);
  std::string type = Sniff(head, name).type;
  const bool mbox = type == "mbox" && mbox::IsFromLine(bytes, 0);
  Charset cs = DetectCharset(head);
  if (!mbox && (type != "text" || !cs.is_utf8())) return std::nullopt;
  // Several parts per thread, so that a thread that finished early takes
  // over work; none so small that the per-part cost shows.
  const uint64_t size = bytes.size();
  const uint64_t target = std::max<uint64_t>(8ull << 20, size / (uint64_t{threads} * 4));
  uint64_t begin = mbox ? 0 : cs.bom_size;
  if (size - begin < 2 * target) return std::nullopt;  // one part: nothing to share
  std::optional<FilePart> first;
  uint64_t line = 1, item = 1;
  while (begin < size) {
    uint64_t end = CutAt(bytes, mbox, begin + target);
    FilePart part{type, begin, end, line, item};
    if (!first) first = part;
    else on_part(part);
    if (mbox) item += CountMessages(bytes, begin, end, release);
    else line += CountLines(bytes, begin, end, release);
    begin = end;
  }
  return first;
}

void ExtractPart(std::string_view bytes, const FilePart& part, const Location& where, ExtractContext& ctx) {
  if (part.type == "mbox") {
    ExtractMboxPart(bytes, part.begin, std::min<uint64_t>(part.end, bytes.size()), part.first_item, where, ctx);
  } else {
    ExtractTextPart(bytes, part.begin, part.end, part.first_line, where, ctx);
  }
}

}  // namespace piiscan::formats
