#pragma once
// Where inside a file something was found: a list of steps, outermost first,
// e.g. {"message 3", "attachment offerte.zip", "klanten.xlsx", "sheet Klanten",
// "cell B7"}. Empty means the file's own text. Steps are plain UTF-8 strings
// so that a Location serialises as a JSON array unchanged.

#include <string>
#include <vector>

namespace piiscan {

using Location = std::vector<std::string>;

// `base` with one more step.
inline Location Append(const Location& base, std::string step) {
  Location out = base;
  out.push_back(std::move(step));
  return out;
}

// "step1 > step2", for human-readable messages and reports.
std::string JoinLocation(const Location& location, std::string_view sep = " > ");

}  // namespace piiscan
