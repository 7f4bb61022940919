#pragma once
// Small UTF-8 helpers for text that must stay valid (JSON output, reports).

#include <string>
#include <string_view>

namespace piiscan {

bool IsValidUtf8(std::string_view s);
// `s` with every invalid byte sequence replaced by U+FFFD.
std::string SanitizeUtf8(std::string_view s);
// Runs of spaces, tabs and line breaks as one space; none at either end.
std::string CollapseWhitespace(std::string_view s);
// Lower-cases ASCII letters only (identifiers, e-mail addresses).
std::string AsciiLower(std::string_view s);

}  // namespace piiscan
