#pragma once
// Sniffs an item and hands it to the registered extractor for its type; an
// item of no supported type becomes a kUnsupported problem (binary data) or
// is skipped silently (empty). Used by the scanner for top-level files and
// for every child, so one dispatch serves all nesting levels.

#include <string_view>

#include "formats/extractor.h"

namespace piiscan::formats {

// Returns the sniffed type.
std::string DispatchItem(std::string_view bytes, const Location& where, const ChildInfo& info,
                         ExtractContext& ctx);

}  // namespace piiscan::formats
