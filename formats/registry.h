#pragma once
// The one list of file formats piiscan reads: every extractor is registered
// here once, by the sniffed types it handles (see sniff.h). Dispatch is by
// sniffed type only.
//
// Thread safety: the registry is built once, immutable, shared.

#include <span>
#include <string_view>

#include "formats/extractor.h"

namespace piiscan::formats {

struct FormatEntry {
  std::string_view type;         // sniffed type, e.g. "pdf"
  std::string_view description;  // for `piiscan formats`
  std::string_view library;      // the library that does the work
  const Extractor* extractor;    // nullptr: recognised but not read (reported unsupported)
};

// The extractor for a sniffed type, or nullptr when the type is not read.
const FormatEntry* FindFormat(std::string_view type);
std::span<const FormatEntry> AllFormats();

}  // namespace piiscan::formats
