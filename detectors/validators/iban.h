#pragma once
// IBAN: country code, 2 check digits, BBAN of the country's registered length
// (all EU/EEA countries plus CH, GB, and a few others in SEPA); ISO 7064
// mod 97 must give 1. For NL the BBAN shape (4 letters, 10 digits) is checked
// too. Normalised: upper case without spaces.
#include "detectors/validators/validator.h"

namespace piiscan::detectors {
std::optional<Validated> ValidateIban(std::string_view raw);
// Registered length of the country's IBAN, 0 when unknown.
int IbanLength(std::string_view country);
}  // namespace piiscan::detectors
