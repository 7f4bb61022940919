#pragma once
// Finds the messages in an mbox file without copying or parsing them: a
// message starts at a "From " line (the envelope line) at the start of the
// file or after an empty line, and the line after it must look like a header
// field ("Name: value"). The second rule keeps an unescaped "From here on
// ..." paragraph in a body (mboxo writers do not always escape) from
// splitting a message. ">From " lines are left as they are: the messages
// are views of the file, and the escape does not hide personal data.
//
// Thread safety: pure functions.

#include <cstddef>
#include <string_view>

namespace piiscan::formats::mbox {

// True when an envelope ("From ") line starts at `pos` and is followed by a
// header line. `pos` must be 0 or follow a '\n'.
bool IsFromLine(std::string_view mbox, size_t pos);

// True when a header field line ("Name:" with a printable ASCII name) starts
// at `pos`.
bool IsHeaderField(std::string_view text, size_t pos);

// The offset just past the line that starts at `pos` (mbox.size() at EOF).
size_t LineEnd(std::string_view mbox, size_t pos);

// The start of the next envelope line at or after `pos` that follows an
// empty line; mbox.size() when there is none.
size_t NextFromLine(std::string_view mbox, size_t pos);

}  // namespace piiscan::formats::mbox
