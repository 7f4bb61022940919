#pragma once
// Minimal JSON writing helpers for the hot output path (the JSONL sink writes
// millions of records; a DOM library per record would cost more than the
// scan). Strings are sanitised to valid UTF-8 and escaped.

#include <string>
#include <string_view>

#include "core/location.h"

namespace piiscan::reports {

void AppendJsonString(std::string& out, std::string_view s);
void AppendJsonLocation(std::string& out, const Location& location);

}  // namespace piiscan::reports
