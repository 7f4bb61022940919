#pragma once
// Declarations of what the sniffer recognises but nothing reads
// (format_spec.h): such files get status `unsupported` with the
// description as reason. Reading one of them later means a folder with its
// reader and its declaration there instead of here (format_spec.h).
//
// Thread safety: constants.

#include <string_view>

#include "formats/format_spec.h"

namespace piiscan::formats {

struct OleFormat {
  static constexpr std::string_view kMagicMimes[] = {
      "application/CDFV2",  "application/x-ole-storage", "application/vnd.ms-office",
      "application/msword", "application/vnd.ms-excel",  "application/vnd.ms-powerpoint"};
  static constexpr FormatSpec kSpec{
      .type = "ole",
      .description = "legacy Office binary (.doc/.xls/.ppt)",
      .library = "none in Debian that is well kept",
      .magic_mimes = kMagicMimes,
  };
};

struct ImageFormat {
  static constexpr std::string_view kMagicMimes[] = {"image/"};
  static constexpr FormatSpec kSpec{
      .type = "image",
      .description = "image: text in scans and photos of ID documents needs OCR, not yet read",
      .library = "-",
      .magic_mimes = kMagicMimes,
  };
};

struct BinaryFormat {
  // SVG is XML text that libmagic files under image/; not read either way.
  static constexpr std::string_view kMagicMimes[] = {"image/svg+xml"};
  static constexpr FormatSpec kSpec{
      .type = "binary",
      .description = "binary data of no supported format",
      .library = "libmagic",
      .role = Role::kAnyBytes,
      .magic_mimes = kMagicMimes,
  };
};

}  // namespace piiscan::formats
