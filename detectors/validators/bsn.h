#pragma once
// BSN (burgerservicenummer, also old sofinummer and RSIN): 9 digits, or 8
// with the leading zero dropped; the "11-proef" with weights 9..2 and -1 must
// give a multiple of 11. Onderwijsnummers (remainder 5) fail it by design.
// All-same and sequential numbers are down-weighted. Normalised: 9 digits.
#include "detectors/validators/validator.h"

namespace piiscan::detectors {
std::optional<Validated> ValidateBsn(std::string_view raw);
bool BsnChecksumOk(std::string_view nine_digits);
}  // namespace piiscan::detectors
