#pragma once
// E-mail addresses: local part and domain shape (RFC 5321 lengths), a
// top-level domain of letters, no leading/trailing/double dots. Addresses at
// example domains (RFC 2606) are kept but flagged. Normalised: lower case.
#include "detectors/validators/validator.h"

namespace piiscan::detectors {
std::optional<Validated> ValidateEmail(std::string_view raw);
}  // namespace piiscan::detectors
