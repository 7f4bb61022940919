#pragma once
// Declarations of mail messages and Outlook stores (format_spec.h): EML
// (GMime), PST/OST (libpff) and MSG (libolecf), read in the format module.
//
// Thread safety: constants.

#include <string_view>

#include "formats/content_tests.h"
#include "formats/extractor.h"
#include "formats/format_spec.h"

namespace piiscan::formats {

struct EmlFormat {
  static constexpr std::string_view kMagicMimes[] = {"message/rfc822", "message/news"};
  static constexpr std::string_view kExtensions[] = {"eml"};
  static constexpr FormatSpec kSpec{
      .type = "eml",
      .description =
          "e-mail message (EML, Maildir file, message/rfc822): headers, bodies, HTML, attachments",
      .library = "GMime 3",
      .home = Home::kModule,
      .magic_mimes = kMagicMimes,
      .extensions = kExtensions,
      .declared_mime = "message/rfc822",
      .text = {.rank = 20,
               .looks_like = &LooksLikeMailHeaders,
               .even_if_binary = true,
               .declared_settles = true},
      .limits = kTextWindow | kMemberSize,
  };
  static const Extractor& Reader();
};

struct PstFormat {
  static constexpr Signature kSignatures[] = {{0, "!BDN"}};
  static constexpr std::string_view kMagicMimes[] = {"application/vnd.ms-outlook-pst"};
  static constexpr FormatSpec kSpec{
      .type = "pst",
      .description = "Outlook PST/OST mail store: folders, messages, attachments, recovered items",
      .library = "libpff + libbfio",
      .home = Home::kModule,
      .signatures = kSignatures,
      .magic_mimes = kMagicMimes,
      .limits = kMemberSize | kNesting,
  };
  static const Extractor& Reader();
};

struct MsgFormat {
  static constexpr std::string_view kMagicMimes[] = {"application/vnd.ms-outlook"};
  static constexpr std::string_view kExtensions[] = {"msg"};
  static constexpr FormatSpec kSpec{
      .type = "msg",
      .description =
          "Outlook .msg item (mail, contact, note): properties, attachments, embedded messages",
      .library = "libolecf + libbfio",
      .home = Home::kModule,
      .magic_mimes = kMagicMimes,
      .extensions = kExtensions,
      .declared_mime = "application/vnd.ms-outlook",
      .refines = "ole",
      .limits = kMemberSize | kNesting,
  };
  static const Extractor& Reader();
};

}  // namespace piiscan::formats
