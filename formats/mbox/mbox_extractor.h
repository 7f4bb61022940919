#pragma once
// A Unix mailbox (mbox: Thunderbird, Gmail Takeout, mutt, Python's mailbox):
// messages one after another, each opened by a "From " envelope line (see
// mbox_split.h). Streams over the whole file, which may be larger than
// memory allows to copy: every message becomes a child
// "message N" (1-based) that is a view of the file's bytes, read as
// message/rfc822 (EmlExtractor). After each message the extractor tells the
// context it is done with the bytes before, so the scanner can drop mapped
// pages. A file sniffed as mbox that does not open with an envelope line
// followed by a header is read as plain text.
//
// Thread safety: stateless.

#include <cstdint>
#include <string_view>

#include "formats/extractor.h"

namespace piiscan::formats {

// Registered as type "mbox".
const Extractor& MboxExtractor();

// The messages that start in [begin, end) of `bytes` (the whole mbox;
// `begin` is the start of an envelope line), numbered from `first_number`:
// one part of a big mailbox that several threads scan (file_parts.h).
void ExtractMboxPart(std::string_view bytes, uint64_t begin, uint64_t end, uint64_t first_number,
                     const Location& where, ExtractContext& ctx);

}  // namespace piiscan::formats
