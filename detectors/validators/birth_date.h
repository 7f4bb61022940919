#pragma once
// Dates of birth (docs/detectors.md): day-first numeric dates
// (12-03-1985, 12.03.1985, 12/03/1985, 12-3-85), ISO dates (1985-03-12) and
// dates with a Dutch or English month name (12 maart 1985, 12 mrt. 1985,
// 12 MAA/MAR 1985). The date must exist (leap years) and be a plausible
// birth date: from 1900 up to today. Normalised: ISO `YYYY-MM-DD`.
// Whether a date is a *birth* date is the spec's context's business.

#include "detectors/validators/validator.h"

namespace piiscan::detectors {

// Month number (1-12) of a Dutch or English month name or abbreviation
// (case-insensitive, trailing '.' allowed), or 0.
int MonthFromName(std::string_view word);
// True when y-m-d exists in the Gregorian calendar.
bool DateExists(int y, int m, int d);
std::optional<Validated> ValidateBirthDate(std::string_view raw);

}  // namespace piiscan::detectors
