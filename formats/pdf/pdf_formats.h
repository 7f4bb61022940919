#pragma once
// Declaration of PDF (format_spec.h): read with Poppler, in the format
// module.
//
// Thread safety: constants.

#include <string_view>

#include "formats/extractor.h"
#include "formats/format_spec.h"

namespace piiscan::formats {

struct PdfFormat {
  static constexpr Signature kSignatures[] = {{0, "%PDF-"}};
  static constexpr std::string_view kMagicMimes[] = {"application/pdf"};
  static constexpr FormatSpec kSpec{
      .type = "pdf",
      .description = "PDF: page text, document info, embedded files",
      .library = "Poppler (poppler-cpp)",
      .home = Home::kModule,
      .signatures = kSignatures,
      .magic_mimes = kMagicMimes,
      .limits = kMemberSize,
  };
  static const Extractor& Reader();
};

}  // namespace piiscan::formats
