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

// The UTF-8 text of `bytes` (the whole file, BOM included) from `begin`
// to `end`, whose line number at `begin` is `first_line`: one part of a big
// file that several threads scan (formats/file_parts.h). The first window
// looks back into the bytes before `begin` and reports only what ends past
// it, so the parts together find each match once.
void ExtractTextPart(std::string_view bytes, uint64_t begin, uint64_t end, uint64_t first_line,
                     const Location& where, ExtractContext& ctx);
const Extractor& CsvExtractor();
const Extractor& EmptyExtractor();

}  // namespace piiscan::formats
