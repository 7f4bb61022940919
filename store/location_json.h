#pragma once
// A Location as JSON text (an array of strings, e.g. ["message 3","cell B7"]),
// the form the store keeps so that users can query it with json_each(). The
// encoding is exact both ways for any bytes: valid UTF-8 is kept as is,
// control characters are escaped, and other bytes pass through unchanged (a
// step from an archive member name need not be UTF-8). Pure functions.

#include <optional>
#include <string>
#include <string_view>

#include "core/location.h"

namespace piiscan::store {

std::string LocationToJson(const Location& location);
// nullopt when `json` is not an array of strings.
std::optional<Location> LocationFromJson(std::string_view json);

}  // namespace piiscan::store
