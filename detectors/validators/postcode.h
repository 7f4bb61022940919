#pragma once
// Dutch postcodes (docs/detectors.md): four digits 1000-9999 and two
// letters, not SA/SD/SS. Letter pairs that are also unit or legal
// abbreviations (MB, GB, KG, BV, EU ...) are valid postcodes too, so they are
// kept with a lower score: address context has to lift them. Letters in
// lower case get the same lower score, and a pair that is a common
// two-letter word ("2019 in") is no postcode. Normalised: `1234AB`.

#include "detectors/validators/validator.h"

namespace piiscan::detectors {

std::optional<Validated> ValidatePostcode(std::string_view raw);

}  // namespace piiscan::detectors
