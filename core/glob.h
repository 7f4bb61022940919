#pragma once
// Glob patterns over '/'-separated paths, as used by --exclude and by the
// register's `locations`: `*` matches within one path component, `**` across
// components (also none: "a/**/b" matches "a/b"), `?` one character,
// `[abc]`/`[a-z]`/`[!x]` a character class. A pattern without '/' is matched
// against every path component's tail too ("*.tmp" excludes "x/y.tmp").
// Matching is memoised: cost at most |pattern| x |path|, however many stars.
// The one glob matcher of the project (register locations use it too).

#include <string_view>

namespace piiscan {

// Whole-path match.
bool GlobMatch(std::string_view pattern, std::string_view path);
// Exclude semantics: a slash-less pattern matches any component (basename);
// otherwise the whole path or any trailing part of it after a '/'.
bool GlobMatchesPath(std::string_view pattern, std::string_view path);

}  // namespace piiscan
