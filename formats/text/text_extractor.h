#pragma once
// Plain text and CSV. Text of any size is handed to the detectors in
// overlapping windows (Limits::text_window / text_overlap), so memory stays
// bounded and a match that straddles a window boundary is still found once.
// Non-UTF-8 text (UTF-16, cp1252, ...) is converted window by window.
// CSV cells are handed over one by one with their column header as label, so
// a column headed "BSN" lifts the confidence of its cells.

#include "formats/extractor.h"

namespace piiscan::formats {

const Extractor& TextExtractor();
const Extractor& CsvExtractor();
const Extractor& EmptyExtractor();

}  // namespace piiscan::formats
