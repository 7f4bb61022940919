#pragma once
// IBAN: country code, 2 check digits, BBAN of the country's registered length
// (every country of the SWIFT IBAN registry); ISO 7064 mod 97 must give 1.
// For NL the BBAN shape (4 letters, 10 digits) is checked too. Letters may be
// written in lower case. Normalised: upper case without spaces. A candidate
// of the right country, length and shape that fails mod 97 comes back
// claim_only (validator.h).
#include "detectors/validators/validator.h"

namespace piiscan::detectors {
std::optional<Validated> ValidateIban(std::string_view raw);
// Registered length of the country's IBAN, 0 when unknown.
int IbanLength(std::string_view country);
}  // namespace piiscan::detectors
