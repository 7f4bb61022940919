#include "core/location.h"

namespace piiscan {

std::string JoinLocation(const Location& location, std::string_view sep) {
  std::string out;
  for (const auto& step : location) {
    if (!out.empty()) out += sep;
    out += step;
  }
  return out;
}

}  // namespace piiscan
