#pragma once
// Decides what a piece of bytes is, from the bytes first (libmagic plus a few
// signatures of our own) and from the name or declared MIME type only as a
// hint where the bytes are ambiguous: a .docx renamed .dat is still a docx,
// and a text/plain mail part named .html is read as HTML.
//
// Thread safety: Sniff may be called from any thread; each thread keeps its
// own libmagic handle.

#include <string>
#include <string_view>

namespace piiscan::formats {

struct SniffResult {
  std::string type;       // registry type: "text", "csv", "html", "eml", "mbox",
                          // "pst", "msg", "pdf", "docx", "xlsx", "pptx", "odt",
                          // "ods", "odp", "rtf", "zip", "tar", "gzip", "bzip2",
                          // "xz", "zstd", "7z", "rar", "empty", "binary", ...
  std::string mime;       // what libmagic said, for status reasons
};

// `head` is the start of the item (the first 64 KiB are plenty); `name` the
// file or member name; `mime_hint` a declared MIME type (may be empty).
SniffResult Sniff(std::string_view head, std::string_view name, std::string_view mime_hint = {});

// Lower-case extension of `name` without the dot ("" when none).
std::string ExtensionOf(std::string_view name);

}  // namespace piiscan::formats
