#pragma once
// Dutch phone numbers in national (06-12345678, 020 123 4567, (0)20-...),
// international (+31 6 ..., 0031 ...) and service (0800/0900) forms. Checked
// against the numbering plan: 9-digit national significant numbers for
// geographic (area-code table), mobile (61-65, 68), company/VoIP (84, 85, 87, 88)
// ranges; 0800/0900/0906/0909 with 4 or 7 more digits. Normalised: E.164.
#include "detectors/validators/validator.h"

namespace piiscan::detectors {
std::optional<Validated> ValidatePhoneNl(std::string_view raw);
}  // namespace piiscan::detectors
