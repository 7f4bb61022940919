#pragma once
// Payment-card numbers (docs/detectors.md): 12-19 digits, Luhn check,
// an issuer (IIN) range whose card lengths include this one. Well-known test
// numbers (4111 1111 1111 1111 ...) are kept but flagged and scored low;
// all-same-digit strings are rejected. Normalised: digits only.

#include "detectors/validators/validator.h"

namespace piiscan::detectors {

bool LuhnOk(std::string_view digits);
// The card brand for these digits ("visa", "mastercard" ...), or "" when no
// issuer range of that length matches.
std::string_view CardBrand(std::string_view digits);
std::optional<Validated> ValidateCreditCard(std::string_view raw);

}  // namespace piiscan::detectors
