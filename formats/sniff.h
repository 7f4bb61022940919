#pragma once
// Decides what a piece of bytes is, from the bytes first (libmagic plus a few
// signatures of our own) and from the name or declared MIME type only as a
// hint where the bytes are ambiguous: a .docx renamed .dat is still a docx,
// and a text/plain mail part named .html is read as HTML. The signatures,
// MIME types, extensions and text rules are those of the format
// declarations (format_spec.h); the order in which they are consulted is
// here (sniff.cc).
//
// Thread safety: Sniff may be called from any thread; each thread keeps its
// own libmagic handle.

#include <string>
#include <string_view>

namespace piiscan::formats {

struct FormatEntry;

struct SniffResult {
  std::string type;  // a declared type (`piiscan formats`)
  std::string mime;  // what libmagic said, for status reasons
  const FormatEntry* format = nullptr;  // the registry's entry for `type`
};

// `head` is the start of the item (the first 64 KiB are plenty); `name` the
// file or member name; `mime_hint` a declared MIME type (may be empty).
SniffResult Sniff(std::string_view head, std::string_view name, std::string_view mime_hint = {});

// Lower-case extension of `name` without the dot ("" when none).
std::string ExtensionOf(std::string_view name);

}  // namespace piiscan::formats
