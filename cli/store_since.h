#pragma once
// `--since last|SCAN_ID|DATE` of `piiscan report`, as the store's Since.
// Not thread-safe (command-line handling).

#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace piiscan::cli {

// "last": the completed scan before the latest completed one; a scan id
// listed in `scans`; or a UTC date "2026-12-07", "2026-12-07T13:48",
// "2026-12-07T13:48:01Z". nullopt when `text` is none of these.
std::optional<store::Since> ParseSince(const std::string& text, const std::vector<store::ScanRecord>& scans);

}  // namespace piiscan::cli
