#pragma once
// Splits a big file into parts that several workers scan at once: without
// this, one large log or mailbox keeps one core busy and the others idle.
// Plain UTF-8 text is split at line ends, an mbox at envelope lines. Each
// part knows the line number (text) or message number (mbox) it starts
// with, so findings keep their true line numbers and "message N" locations.
// What the parts yield together is what extracting the whole file yields.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "formats/extractor.h"

namespace piiscan::formats {

// Files smaller than this are scanned whole.
inline constexpr uint64_t kMinSplitSize = 16ull << 20;

struct FilePart {
  std::string type;          // "text" or "mbox": the file's sniffed type
  uint64_t begin = 0;        // [begin, end) in the file's bytes
  uint64_t end = 0;
  uint64_t first_line = 1;   // text: line number at `begin`
  uint64_t first_item = 1;   // mbox: number of the first message in the part
};

// Splits `bytes` (the whole file) into parts that cover it; nothing when
// the file is not worth splitting: fewer than 2 threads, smaller than
// kMinSplitSize, or not plain UTF-8 text or an mbox (sniffed from the
// bytes). Each part but the first goes to `on_part` as soon as it is
// planned, so that other threads start on it while the rest is planned.
// Planning reads the whole file (to count lines or messages); `release` is
// told each range it has finished reading, so that a mapped file can drop
// the pages and memory stays bounded. Returns the first part.
std::optional<FilePart> PlanParts(std::string_view bytes, std::string_view name, unsigned threads,
                                  const std::function<void(const FilePart&)>& on_part,
                                  const std::function<void(uint64_t, uint64_t)>& release);

// Extracts one part of `bytes` (the whole file) as the file's extractor
// would have extracted that stretch of the whole: a text part's first
// window looks back into the part before it and reports only what ends
// past `begin`.
void ExtractPart(std::string_view bytes, const FilePart& part, const Location& where, ExtractContext& ctx);

}  // namespace piiscan::formats
