#pragma once
// Declaration of the Unix mailbox format (format_spec.h). Built into the
// executable: a mailbox is split into messages there, and only messages
// that need GMime load the format module.
//
// Thread safety: constants.

#include <string_view>

#include "formats/extractor.h"
#include "formats/format_spec.h"
#include "formats/mbox/mbox_split.h"

namespace piiscan::formats {

struct MboxFormat {
  static constexpr std::string_view kMagicMimes[] = {"application/mbox"};
  static constexpr std::string_view kExtensions[] = {"mbox", "mbx"};
  static constexpr FormatSpec kSpec{
      .type = "mbox",
      .description = "Unix mailbox (mbox): every message, streamed",
      .library = "own splitter + GMime 3",
      .home = Home::kExecutable,
      .magic_mimes = kMagicMimes,
      .extensions = kExtensions,
      // An envelope line followed by a header; a text that merely starts
      // with the word "From" is not a mailbox unless its name says so.
      .text = {.rank = 10,
               .starts_with = "From ",
               .looks_like = [](std::string_view head) { return mbox::IsFromLine(head, 0); }},
  };
  static const Extractor& Reader();
};

}  // namespace piiscan::formats
