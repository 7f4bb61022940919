#pragma once
// Base64 (RFC 4648, with padding), for bytes that must cross a text format
// unchanged: a path that is not valid UTF-8 is written as `file_bytes` beside
// its lossy `file` in JSONL, as ripgrep's JSON output does.
// Thread safety: pure functions.

#include <optional>
#include <string>
#include <string_view>

namespace piiscan {

std::string Base64Encode(std::string_view bytes);
// nullopt when `text` is not base64.
std::optional<std::string> Base64Decode(std::string_view text);

}  // namespace piiscan
