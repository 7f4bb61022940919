#pragma once
// The names of the months, once: the date-of-birth validator reads them
// ("12 maart 1980", "Mar 12, 1980") and the DSAR query writes a birth date
// in them ("12 maart 1980", "12 mrt 1980", "12 March 1980").
// Thread safety: constant data.

#include <string_view>

namespace piiscan::detectors {

struct MonthName {
  std::string_view nl;        // "maart"
  std::string_view nl_short;  // "mrt"
  std::string_view en;        // "March" (as written in English text)
  std::string_view aliases;   // more lower-case forms a reader accepts, space-separated
};

inline constexpr MonthName kMonthNames[12] = {
    {"januari", "jan", "January", ""},       {"februari", "feb", "February", ""},
    {"maart", "mrt", "March", "maa mar"},    {"april", "apr", "April", ""},
    {"mei", "mei", "May", ""},               {"juni", "jun", "June", ""},
    {"juli", "jul", "July", ""},             {"augustus", "aug", "August", ""},
    {"september", "sep", "September", "sept"}, {"oktober", "okt", "October", "oct"},
    {"november", "nov", "November", ""},     {"december", "dec", "December", ""}};

}  // namespace piiscan::detectors
