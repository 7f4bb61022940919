#pragma once
// Dutch postcodes (docs/detectors.md): four digits 1000-9999 and two
// capital letters, not SA/SD/SS. Letter pairs that are also unit or legal
// abbreviations (MB, GB, KG, BV, EU ...) are valid postcodes too, so they are
// kept with a lower score: address context has to lift them. Normalised:
// `1234AB`.

#include "detectors/validators/validator.h"

namespace piiscan::detectors {

std::optional<Validated> ValidatePostcode(std::string_view raw);

}  // namespace piiscan::detectors
