#pragma once
// Outlook PST and OST files (sniffed type "pst", signature "!BDN"), read
// with libpff from memory through a libbfio memory handle, so a PST inside
// a zip needs no temporary file.
//
// Locations: {"folder Top of Personal Folders/Inbox", "message 3"} — the
// folder path (names joined with "/") is one step, messages are numbered
// from 1 within their folder; attachments follow as {"attachment NAME"}.
// Items libpff recovers from deleted space sit under {"recovered items",
// "message N"}, items without a parent folder under {"orphan items",
// "message N"}.
//
// A PST password is not encryption (Outlook only checks it; the data is
// stored with the same reversible obfuscation as any PST), so a
// password-protected PST is read like any other.
//
// Thread safety: immutable and shared, like every Extractor.

#include "formats/extractor.h"

namespace piiscan::formats {

const Extractor& PstExtractor();

}  // namespace piiscan::formats
