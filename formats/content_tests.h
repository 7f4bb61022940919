#pragma once
// Content tests of text formats whose readers live in the format module
// (mail messages, HTML): the executable's sniffer must recognise them
// without loading it, so the tests are here, named by the declarations
// (mail/mail_formats.h, html/html_formats.h).
//
// Thread safety: pure functions.

#include <string_view>

namespace piiscan::formats {

// A mail header block: header fields ("Name: value") and their folded
// continuation lines from the first line on, up to the first empty line,
// holding at least two *different* fields nearly every message has, in any
// letter case ("Message-Id", "MIME-Version"). A changelog of "version:" and
// "date:" stanzas repeats one such field and breaks the block with a line
// that is no field ("---", prose): not mail. Maildir files have no
// extension, so this is all there is to go on.
bool LooksLikeMailHeaders(std::string_view head);

// Starts (after white space or a BOM) with markup that HTML pages use.
bool LooksLikeHtml(std::string_view head);

}  // namespace piiscan::formats
