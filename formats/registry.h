#pragma once
// The formats piiscan reads, derived from their declarations
// (format_spec.h, registered in format_list.h): each with the extractor
// that reads it. Readers in the executable are called directly; readers in
// the format module through a proxy that loads it on first use
// (format_module.h). Dispatch is by sniffed type only.
//
// Thread safety: the registry is built once, immutable, shared.

#include <span>
#include <string_view>

#include "formats/extractor.h"
#include "formats/format_spec.h"

namespace piiscan::formats {

struct FormatEntry {
  std::string_view type;         // sniffed type, e.g. "pdf"
  std::string_view description;  // for `piiscan formats`
  std::string_view library;      // the library that does the work
  const Extractor* extractor;    // nullptr: recognised but not read (reported unsupported)
  const FormatSpec* spec;        // the declaration
};

// The extractor for a sniffed type, or nullptr when the type is not read.
const FormatEntry* FindFormat(std::string_view type);
// Every format, in the order of format_list.h.
std::span<const FormatEntry> AllFormats();

}  // namespace piiscan::formats
