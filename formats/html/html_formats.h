#pragma once
// Declaration of HTML (format_spec.h). Read with libxml2, in the format
// module; recognised in the executable (content_tests.h).
//
// Thread safety: constants.

#include <string_view>

#include "formats/content_tests.h"
#include "formats/extractor.h"
#include "formats/format_spec.h"

namespace piiscan::formats {

struct HtmlFormat {
  static constexpr std::string_view kMagicMimes[] = {"text/html", "application/xhtml+xml"};
  static constexpr std::string_view kExtensions[] = {"html", "htm"};
  static constexpr FormatSpec kSpec{
      .type = "html",
      .description = "HTML page: text, table cells, mailto:/tel: links, form values, meta",
      .library = "libxml2 HTML parser",
      .home = Home::kModule,
      .magic_mimes = kMagicMimes,
      .extensions = kExtensions,
      .declared_mime = "text/html",
      .text = {.rank = 30, .looks_like = &LooksLikeHtml, .looks_like_before_magic_only = true},
      .limits = kTextWindow,
  };
  static const Extractor& Reader();
};

}  // namespace piiscan::formats
