#pragma once
// Location globs of a register: which finding paths a system covers.
//
//   **   any run of characters, '/' included ("**/" also matches nothing)
//   *    any run of characters except '/'
//   ?    one character except '/'
//   anything else matches itself.
//
// A glob covers a path when it matches the whole path or a leading part of
// it that ends at a '/' (a folder covers what is in it). A glob that does not
// start with '/' may match from any folder boundary, because findings carry
// paths as reached from whatever PATH was scanned ("/srv/shares/hr/x",
// "./corpus/shares/hr/x"): "shares/hr/**" covers both. A container file is
// one path, so "mail/export.pst" covers every message and attachment in it.
// Pure functions; thread-safe.

#include <string>
#include <string_view>

namespace piiscan::rules {

// Whole-string match of `glob` against `text` (no anchoring rules).
bool GlobMatch(std::string_view glob, std::string_view text);

// The covering rule above.
bool GlobCovers(std::string_view glob, std::string_view path);
// The same for a glob and a path already normalised (NormalisePath), for a
// caller that checks one path against many globs.
bool NormalisedGlobCovers(std::string_view glob, std::string_view path);

// How specific a glob is: its count of literal characters. The most
// specific covering system is the one a finding is attributed to.
int GlobSpecificity(std::string_view glob);

// "./a//b" -> "a/b"; backslashes become '/'.
std::string NormalisePath(std::string_view path);

}  // namespace piiscan::rules
