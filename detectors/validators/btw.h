#pragma once
// Dutch btw numbers (VAT, docs/detectors.md): `NL` + 9 digits + `B` +
// 2 digits. Valid when the 9 digits pass the 11-test (the old form, built
// from an RSIN or, for a sole trader, a BSN) or the whole string passes
// mod 97 (the btw-id given to sole traders since 2020). Spaces, dots and
// hyphens between the parts are accepted; a missing `NL` costs confidence.

#include "detectors/validators/validator.h"

namespace piiscan::detectors {

std::optional<Validated> ValidateBtw(std::string_view raw);

}  // namespace piiscan::detectors
