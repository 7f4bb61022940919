#include "cli/store_since.h"

#include "core/scan_info.h"

namespace piiscan::cli {

std::optional<store::Since> ParseSince(const std::string& text, const std::vector<store::ScanRecord>& scans) {
  if (text == "last") return store::SincePreviousCompleted{};
  for (const auto& s : scans) {
    if (s.info.scan_id == text) return store::SinceScan{text};
  }
  auto at = ParseIsoTimeUtc(text);
  if (!at) return std::nullopt;
  return store::SinceTime{*at};
}

}  // namespace piiscan::cli
