#pragma once
// Declarations of archives and compressed files (format_spec.h): read with
// libarchive, in the format module. A zip that holds an office document is
// sniffed as that document (zip_document_type.h).
//
// Thread safety: constants.

#include <string_view>

#include "formats/extractor.h"
#include "formats/format_spec.h"
#include "formats/zip_document_type.h"

namespace piiscan::formats {

struct ZipFormat {
  static constexpr Signature kSignatures[] = {
      {0, "PK\x03\x04"}, {0, "PK\x05\x06"}, {0, "PK\x07\x08"}};
  static constexpr std::string_view kMagicMimes[] = {"application/zip", "application/java-archive"};
  static constexpr FormatSpec kSpec{
      .type = "zip",
      .description = "zip archive (zip64, streamed entries); OOXML/ODF zips go to their document",
      .library = "libarchive",
      .home = Home::kModule,
      .signatures = kSignatures,
      .magic_mimes = kMagicMimes,
      .inner_type = &DocumentTypeOfZipHead,
      .limits = kMemberSize | kMemberCount | kRatio | kNesting,
  };
  static const Extractor& Reader();
};

struct TarFormat {
  static constexpr Signature kSignatures[] = {{257, "ustar"}};
  static constexpr std::string_view kMagicMimes[] = {"application/x-tar"};
  static constexpr FormatSpec kSpec{
      .type = "tar",
      .description = "tar archive",
      .library = "libarchive",
      .home = Home::kModule,
      .signatures = kSignatures,
      .magic_mimes = kMagicMimes,
      .limits = kMemberSize | kMemberCount | kRatio | kNesting,
  };
  static const Extractor& Reader();
};

struct SevenZipFormat {
  static constexpr Signature kSignatures[] = {{0, "7z\xBC\xAF\x27\x1C"}};
  static constexpr std::string_view kMagicMimes[] = {"application/x-7z-compressed"};
  static constexpr FormatSpec kSpec{
      .type = "7z",
      .description = "7-Zip archive",
      .library = "libarchive",
      .home = Home::kModule,
      .signatures = kSignatures,
      .magic_mimes = kMagicMimes,
      .limits = kMemberSize | kMemberCount | kRatio | kNesting,
  };
  static const Extractor& Reader();
};

struct RarFormat {
  static constexpr Signature kSignatures[] = {{0, "Rar!\x1A\x07"}};
  static constexpr std::string_view kMagicMimes[] = {"application/vnd.rar", "application/x-rar"};
  static constexpr FormatSpec kSpec{
      .type = "rar",
      .description = "RAR archive (v4 and v5)",
      .library = "libarchive",
      .home = Home::kModule,
      .signatures = kSignatures,
      .magic_mimes = kMagicMimes,
      .limits = kMemberSize | kMemberCount | kRatio | kNesting,
  };
  static const Extractor& Reader();
};

struct GzipFormat {
  static constexpr Signature kSignatures[] = {{0, "\x1F\x8B"}};
  static constexpr std::string_view kMagicMimes[] = {"application/gzip", "application/x-gzip"};
  static constexpr FormatSpec kSpec{
      .type = "gzip",
      .description = "gzip: a compressed tar/archive, or one compressed file",
      .library = "libarchive + zlib",
      .home = Home::kModule,
      .signatures = kSignatures,
      .magic_mimes = kMagicMimes,
      .limits = kMemberSize | kMemberCount | kRatio | kNesting,
  };
  static const Extractor& Reader();
};

struct Bzip2Format {
  static constexpr Signature kSignatures[] = {{0, "BZh1"}, {0, "BZh2"}, {0, "BZh3"},
                                              {0, "BZh4"}, {0, "BZh5"}, {0, "BZh6"},
                                              {0, "BZh7"}, {0, "BZh8"}, {0, "BZh9"}};
  static constexpr std::string_view kMagicMimes[] = {"application/x-bzip2"};
  static constexpr FormatSpec kSpec{
      .type = "bzip2",
      .description = "bzip2: a compressed tar/archive, or one compressed file",
      .library = "libarchive + libbz2",
      .home = Home::kModule,
      .signatures = kSignatures,
      .magic_mimes = kMagicMimes,
      .limits = kMemberSize | kMemberCount | kRatio | kNesting,
  };
  static const Extractor& Reader();
};

struct XzFormat {
  // The first five bytes of the six of the xz magic (the sixth is a NUL).
  static constexpr Signature kSignatures[] = {{0,
                                               "\xFD"
                                               "7zXZ"}};
  static constexpr std::string_view kMagicMimes[] = {"application/x-xz"};
  static constexpr FormatSpec kSpec{
      .type = "xz",
      .description = "xz: a compressed tar/archive, or one compressed file",
      .library = "libarchive + liblzma",
      .home = Home::kModule,
      .signatures = kSignatures,
      .magic_mimes = kMagicMimes,
      .limits = kMemberSize | kMemberCount | kRatio | kNesting,
  };
  static const Extractor& Reader();
};

struct ZstdFormat {
  static constexpr Signature kSignatures[] = {{0, "\x28\xB5\x2F\xFD"}};
  static constexpr std::string_view kMagicMimes[] = {"application/zstd"};
  static constexpr FormatSpec kSpec{
      .type = "zstd",
      .description = "zstd: a compressed tar/archive, or one compressed file",
      .library = "libarchive + libzstd",
      .home = Home::kModule,
      .signatures = kSignatures,
      .magic_mimes = kMagicMimes,
      .limits = kMemberSize | kMemberCount | kRatio | kNesting,
  };
  static const Extractor& Reader();
};

}  // namespace piiscan::formats
