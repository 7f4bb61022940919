#pragma once
// Declarations of the plain text formats (format_spec.h): text in any
// charset, CSV/TSV exports, and empty files. Built into the executable.
//
// Thread safety: constants.

#include <string_view>

#include "formats/extractor.h"
#include "formats/format_spec.h"

namespace piiscan::formats {

struct TextFormat {
  static constexpr std::string_view kMagicMimes[] = {"text/", "application/json", "application/xml",
                                                     "application/csv", "application/javascript"};
  static constexpr FormatSpec kSpec{
      .type = "text",
      .description = "plain text in UTF-8, UTF-16 or a legacy 8-bit charset",
      .library = "uchardet + iconv",
      .home = Home::kExecutable,
      .role = Role::kAnyText,
      .magic_mimes = kMagicMimes,
      .text = {.rank = 100},
      .limits = kTextWindow,
  };
  static const Extractor& Reader();
};

struct CsvFormat {
  static constexpr std::string_view kExtensions[] = {"csv", "tsv"};
  static constexpr FormatSpec kSpec{
      .type = "csv",
      .description = "CSV/TSV with header columns as context",
      .library = "uchardet + iconv",
      .home = Home::kExecutable,
      .extensions = kExtensions,
      .declared_mime = "text/csv",
      .text = {.rank = 40},
      .limits = kTextWindow,
  };
  static const Extractor& Reader();
};

struct EmptyFormat {
  static constexpr std::string_view kMagicMimes[] = {"application/x-empty"};
  static constexpr FormatSpec kSpec{
      .type = "empty",
      .description = "empty file (nothing to read)",
      .library = "-",
      .home = Home::kExecutable,
      .role = Role::kNoBytes,
      .magic_mimes = kMagicMimes,
  };
  static const Extractor& Reader();
};

}  // namespace piiscan::formats
