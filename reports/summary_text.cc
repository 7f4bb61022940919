#include "reports/summary_text.h"

#include <cstdio>

namespace piiscan::reports {

std::string SummaryText(const ScanSummary& s) {
  char line[256];
  std::string out;
  double mb = static_cast<double>(s.bytes) / 1e6;
  std::snprintf(line, sizeof line, "piiscan: %s%llu files, %.1f MB (%.1f MB of text) in %.2f s, %.1f MB/s\n",
                s.interrupted ? "INTERRUPTED after " : "", static_cast<unsigned long long>(s.files), mb,
                static_cast<double>(s.text_bytes) / 1e6, s.seconds, s.seconds > 0 ? mb / s.seconds : 0.0);
  out += line;
  out += "  findings: " + std::to_string(s.findings);
  if (!s.by_detector.empty()) {
    out += " (";
    bool first = true;
    for (const auto& [d, n] : s.by_detector) {
      out += (first ? "" : ", ") + d + " " + std::to_string(n);
      first = false;
    }
    out += ")";
  }
  out += "\n";
  if (!s.by_status.empty()) {
    out += "  not fully read:";
    bool first = true;
    for (const auto& [st, n] : s.by_status) {
      out += (first ? " " : ", ") + st + " " + std::to_string(n);
      first = false;
    }
    out += "\n";
  }
  return out;
}

}  // namespace piiscan::reports
