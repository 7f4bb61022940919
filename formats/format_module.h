#pragma once
// The format module: the extractors that need big libraries (Poppler,
// GMime, libpff/libolecf, libxml2, libarchive) are built into a shared
// module, piiscan-formats.so, that the piiscan executable loads the first
// time a file needs one of them. Loading those libraries at every start
// cost 23 ms (an empty program linked against them: 30 ms, against the rest
// 7 ms), which is most of the start-up of a scan of plain text, mail
// spools split into messages, or CSV exports.
//
// The registry lists a proxy (ModuleFormatExtractor) for each format
// declared with Home::kModule (format_spec.h).
// A proxy finds the real extractor in the module's table: linked into the
// same image where it is (the module itself, the test programs, which link
// the extractors directly), else in the module loaded with dlopen from
// PIISCAN_FORMAT_MODULE, the executable's folder, or ../lib/piiscan beside
// it. When the module cannot be loaded, files of those formats get status
// `unsupported` with the reason, and the scan goes on.
//
// Thread safety: the module is loaded once (std::call_once); proxies are
// immutable and shared.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "formats/extractor.h"

namespace piiscan::formats {

struct ModuleFormat {
  const char* type;  // sniffed type, as in the registry
  const Extractor* extractor;
};

// What the module hands over. `build` and `layout` must equal the loader's:
// the two sides share C++ types (Location, SegmentInfo, Limits and the
// ExtractContext vtable), so a module from another build is refused rather
// than called.
struct FormatModuleTable {
  const char* build;
  uint64_t layout;
  const ModuleFormat* formats;
  size_t count;
};

// The identity both sides compare: the piiscan version and the sizes of the
// types that cross between them.
const char* FormatModuleBuild();
uint64_t FormatModuleLayout();

// The extractor of the module for `type`, loading the module on first use.
// The returned proxy reports kUnsupported when the module (or the type in
// it) is missing.
const Extractor& ModuleFormatExtractor(std::string_view type);

// For `piiscan formats` and --version: where the module was loaded from,
// or why it was not (loads it when not loaded yet).
std::string FormatModuleDescription();

}  // namespace piiscan::formats

// Defined in module/format_module_table.cc, which is linked into the module (and
// the test programs), not into the executable.
extern "C" const piiscan::formats::FormatModuleTable* piiscan_format_module_v1();
