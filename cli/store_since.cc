#include "cli/store_since.h"

#include <cstdio>
#include <ctime>

namespace piiscan::cli {

std::optional<store::Since> ParseSince(const std::string& text, const std::vector<store::ScanRecord>& scans) {
  if (text == "last") return store::SincePreviousCompleted{};
  for (const auto& s : scans) {
    if (s.info.scan_id == text) return store::SinceScan{text};
  }
  std::tm tm{};
  int n = 0;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  int fields = std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &y, &mo, &d, &n);
  if (fields != 3) return std::nullopt;
  std::string rest = text.substr(n);
  if (!rest.empty()) {
    int m = 0;
    if (std::sscanf(rest.c_str(), "T%2d:%2d%n", &h, &mi, &m) != 2) return std::nullopt;
    rest = rest.substr(m);
    if (rest.starts_with(':')) {
      if (std::sscanf(rest.c_str(), ":%2d%n", &sec, &m) != 1) return std::nullopt;
      rest = rest.substr(m);
    }
    if (rest == "Z") rest.clear();
    if (!rest.empty()) return std::nullopt;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return std::nullopt;
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = sec;
  return store::SinceTime{static_cast<int64_t>(::timegm(&tm)) * 1000};
}

}  // namespace piiscan::cli
