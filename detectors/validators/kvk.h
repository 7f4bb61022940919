#pragma once
// KvK numbers (docs/detectors.md): 8 digits, no official check digit;
// newer numbers fit weights 8..1 mod 11, which earns a small bonus and is
// never required. 12-digit vestigingsnummers (branch numbers, weights 12..1
// in the samples) are recognised too and reported as such in the note.

#include "detectors/validators/validator.h"

namespace piiscan::detectors {

// True when the digits fit the empirical mod-11 pattern (8 or 12 digits).
bool KvkPatternOk(std::string_view digits);
std::optional<Validated> ValidateKvk(std::string_view raw);

}  // namespace piiscan::detectors
