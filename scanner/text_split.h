#pragma once
// Splits a large UTF-8 text file (a log, a database dump, a mail archive
// saved as text) into parts that several workers scan at once: without
// this, one big file keeps one core busy and the others idle. Parts end at
// line ends; each carries the line number it starts at, so findings keep
// their true line numbers.

#include <functional>
#include <optional>
#include <string_view>

#include "formats/text/text_extractor.h"

namespace piiscan::scanner {

// Files smaller than this are scanned whole.
inline constexpr uint64_t kMinSplitSize = 16ull << 20;

// Splits `bytes` (the whole file) into parts that cover it; nothing when
// the file is not worth splitting: fewer than 2 threads, smaller than
// kMinSplitSize, or not plain UTF-8 text (its type sniffed from the bytes).
// Planning reads the whole file (to count lines). Each part but the first
// goes to `on_part` as soon as it is planned, so that other threads start
// on it while the rest is planned; the caller is also told that the bytes
// of that part may be dropped from memory until then (a mapped file).
// Returns the first part.
std::optional<formats::TextPart> PlanTextParts(std::string_view bytes, std::string_view name, unsigned threads,
                                               const std::function<void(const formats::TextPart&)>& on_part);

}  // namespace piiscan::scanner
