#pragma once
// One e-mail message in Internet format (RFC 5322 / MIME): an .eml file, a
// Maildir file, a message in an mbox, a message/rfc822 attachment. Parsed
// with GMime 3 straight from the bytes (no copy): headers (mime_headers.h),
// bodies, HTML parts and attachments (mime_parts.h). A truncated message is
// read as far as it goes and reported kCorrupt.
//
// Thread safety: stateless; GMime objects are made per call.

#include "formats/extractor.h"

namespace piiscan::formats {

// Registered as type "eml".
const Extractor& EmlExtractor();

}  // namespace piiscan::formats
