#pragma once
// Declaration of the Rich Text Format (format_spec.h). Our own reader, built
// into the executable.
//
// Thread safety: constants.

#include <string_view>

#include "formats/extractor.h"
#include "formats/format_spec.h"

namespace piiscan::formats {

struct RtfFormat {
  static constexpr Signature kSignatures[] = {{0, "{\\rtf"}};
  static constexpr std::string_view kMagicMimes[] = {"text/rtf", "application/rtf"};
  static constexpr FormatSpec kSpec{
      .type = "rtf",
      .description = "Rich Text Format: text, tables, \\info author/title",
      .library = "own reader + iconv",
      .home = Home::kExecutable,
      .signatures = kSignatures,
      .magic_mimes = kMagicMimes,
      .limits = kTextWindow,
  };
  static const Extractor& Reader();
};

}  // namespace piiscan::formats
