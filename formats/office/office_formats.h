#pragma once
// Declarations of OOXML and OpenDocument files (format_spec.h): read with
// libarchive and libxml2, in the format module. Their bytes are a zip: the
// zip declaration (archive/archive_formats.h) tells them apart.
//
// Thread safety: constants.

#include <string_view>

#include "formats/extractor.h"
#include "formats/format_spec.h"

namespace piiscan::formats {

struct DocxFormat {
  static constexpr std::string_view kMagicMimes[] = {
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document"};
  static constexpr FormatSpec kSpec{
      .type = "docx",
      .description =
          "Word document (OOXML): body, tables, headers/footers, notes, comments, tracked changes, "
          "properties, embedded objects",
      .library = "libarchive + libxml2",
      .home = Home::kModule,
      .magic_mimes = kMagicMimes,
      .limits = kTextWindow | kMemberSize | kMemberCount,
  };
  static const Extractor& Reader();
};

struct XlsxFormat {
  static constexpr std::string_view kMagicMimes[] = {
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"};
  static constexpr FormatSpec kSpec{
      .type = "xlsx",
      .description =
          "Excel workbook (OOXML): cells with sheet, cell and column header; properties, embedded "
          "objects",
      .library = "libarchive + libxml2",
      .home = Home::kModule,
      .magic_mimes = kMagicMimes,
      .limits = kTextWindow | kMemberSize | kMemberCount,
  };
  static const Extractor& Reader();
};

struct PptxFormat {
  static constexpr std::string_view kMagicMimes[] = {
      "application/vnd.openxmlformats-officedocument.presentationml.presentation"};
  static constexpr FormatSpec kSpec{
      .type = "pptx",
      .description = "PowerPoint presentation (OOXML): slides, notes, properties, embedded objects",
      .library = "libarchive + libxml2",
      .home = Home::kModule,
      .magic_mimes = kMagicMimes,
      .limits = kTextWindow | kMemberSize | kMemberCount,
  };
  static const Extractor& Reader();
};

struct OdtFormat {
  static constexpr std::string_view kMagicMimes[] = {"application/vnd.oasis.opendocument.text"};
  static constexpr FormatSpec kSpec{
      .type = "odt",
      .description = "OpenDocument text: body, tables, headers/footers, metadata",
      .library = "libarchive + libxml2",
      .home = Home::kModule,
      .magic_mimes = kMagicMimes,
      .limits = kTextWindow | kMemberSize | kMemberCount,
  };
  static const Extractor& Reader();
};

struct OdsFormat {
  static constexpr std::string_view kMagicMimes[] = {
      "application/vnd.oasis.opendocument.spreadsheet"};
  static constexpr FormatSpec kSpec{
      .type = "ods",
      .description = "OpenDocument spreadsheet: cells with sheet, cell and column header; metadata",
      .library = "libarchive + libxml2",
      .home = Home::kModule,
      .magic_mimes = kMagicMimes,
      .limits = kTextWindow | kMemberSize | kMemberCount,
  };
  static const Extractor& Reader();
};

struct OdpFormat {
  static constexpr std::string_view kMagicMimes[] = {
      "application/vnd.oasis.opendocument.presentation"};
  static constexpr FormatSpec kSpec{
      .type = "odp",
      .description = "OpenDocument presentation: slides, notes, metadata",
      .library = "libarchive + libxml2",
      .home = Home::kModule,
      .magic_mimes = kMagicMimes,
      .limits = kTextWindow | kMemberSize | kMemberCount,
  };
  static const Extractor& Reader();
};

}  // namespace piiscan::formats
