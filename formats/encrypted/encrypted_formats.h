#pragma once
// Declaration of password-protected Office documents (format_spec.h): told
// by libmagic, reported as encrypted rather than as unsupported binary
// data. Built into the executable.
//
// Thread safety: constants.

#include <string_view>

#include "formats/extractor.h"
#include "formats/format_spec.h"

namespace piiscan::formats {

struct OfficeEncryptedFormat {
  // "CDFV2 Encrypted": an OLE2 container with an EncryptedPackage stream,
  // i.e. a DOCX/XLSX/PPTX saved with a password.
  static constexpr std::string_view kMagicMimes[] = {"application/encrypted"};
  static constexpr FormatSpec kSpec{
      .type = "office_encrypted",
      .description = "password-protected Office document (OOXML in an encrypted OLE2 container)",
      .library = "libmagic",
      .home = Home::kExecutable,
      .magic_mimes = kMagicMimes,
  };
  static const Extractor& Reader();
};

}  // namespace piiscan::formats
