#pragma once
// Narrows a rule set to the detectors a scan asked for (`--detectors`,
// `--skip-detectors`): a DSAR handler who only needs IBANs and BSNs, an
// admin who leaves names out of an overnight scan. Keywords and lexicons of
// the detectors left out are then not compiled or matched at all, so a
// narrower scan is also a faster one.
// Thread safety: pure function.

#include <string>
#include <vector>

#include "core/status.h"
#include "rules/detector_spec.h"

namespace piiscan::rules {

// Keeps the detectors named in `only` (all when empty) minus those in
// `skip`. Each element may hold several ids separated by commas. An unknown
// id, or nothing left, is an error that names the known ids.
Result<bool> SelectDetectors(RuleSet& rules, const std::vector<std::string>& only,
                             const std::vector<std::string>& skip);

}  // namespace piiscan::rules
