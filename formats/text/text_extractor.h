#pragma once
// Plain text and CSV. Text of any size is handed to the detectors in
// overlapping windows (Limits::text_window / text_overlap), so memory stays
// bounded and a match that straddles a window boundary is still found once.
// Non-UTF-8 text (UTF-16, cp1252, ...) is converted window by window.
// CSV cells are handed over one by one with their column header as label, so
// a column headed "BSN" lifts the confidence of its cells.

#include <cstdint>
#include <string_view>

#include "formats/extractor.h"

namespace piiscan::formats {

const Extractor& TextExtractor();

// One part of a large UTF-8 text file, for scanning the parts of one file
// on several threads: [begin, end) in the file's bytes (BOM included), and
// the line number at `begin`. What TextExtractor() would find in the whole
// file is what the parts find together, each match once: a part's first
// window looks back into the part before it, and reports only what ends
// past `begin`.
struct TextPart {
  uint64_t begin = 0;
  uint64_t end = 0;
  uint64_t first_line = 1;
};
void ExtractTextPart(std::string_view bytes, const TextPart& part, const Location& where,
                     ExtractContext& ctx);
const Extractor& CsvExtractor();
const Extractor& EmptyExtractor();

}  // namespace piiscan::formats
