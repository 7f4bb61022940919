#include "detectors/validators/birth_date.h"

#include <cctype>
#include <chrono>
#include <cstdio>
#include <vector>

#include "detectors/validators/month_names.h"

namespace piiscan::detectors {
namespace {

int CurrentYear() {
  static const int kYear = [] {
    auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    return static_cast<int>(std::chrono::year_month_day(now).year());
  }();
  return kYear;
}

// Splits into runs of digits and runs of letters; everything else separates.
std::vector<std::string> Parts(std::string_view raw) {
  std::vector<std::string> out;
  std::string cur;
  int kind = 0;  // 1 digits, 2 letters
  for (char ch : raw) {
    auto c = static_cast<unsigned char>(ch);
    int k = std::isdigit(c) ? 1 : std::isalpha(c) ? 2 : 0;
    if (k != kind && !cur.empty()) {
      out.push_back(cur);
      cur.clear();
    }
    kind = k;
    if (k != 0) cur += static_cast<char>(std::tolower(c));
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

bool AllDigits(const std::string& s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

}  // namespace

int MonthFromName(std::string_view word) {
  std::string w;
  for (char c : word) {
    if (c != '.') w += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (w.empty()) return 0;
  auto lower_equals = [&](std::string_view name) {
    if (name.size() != w.size()) return false;
    for (size_t i = 0; i < name.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(name[i])) != w[i]) return false;
    }
    return true;
  };
  for (int m = 0; m < 12; ++m) {
    const MonthName& n = kMonthNames[m];
    if (lower_equals(n.nl) || lower_equals(n.nl_short) || lower_equals(n.en)) return m + 1;
    std::string_view aliases = n.aliases;
    while (!aliases.empty()) {
      size_t sp = aliases.find(' ');
      if (lower_equals(aliases.substr(0, sp))) return m + 1;
      aliases = sp == std::string_view::npos ? std::string_view() : aliases.substr(sp + 1);
    }
  }
  return 0;
}

bool DateExists(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  return d <= max;
}

std::optional<Validated> ValidateBirthDate(std::string_view raw) {
  auto p = Parts(raw);
  int y = 0, m = 0, d = 0;
  if (p.size() == 3 && AllDigits(p[0]) && p[0].size() == 4 && AllDigits(p[1]) && AllDigits(p[2])) {
    y = std::stoi(p[0]);  // ISO
    m = std::stoi(p[1]);
    d = std::stoi(p[2]);
  } else if (p.size() >= 3 && AllDigits(p[0]) && p[0].size() <= 2 && AllDigits(p.back())) {
    d = std::stoi(p[0]);
    if (p.size() == 3 && AllDigits(p[1]) && p[1].size() <= 2) {
      m = std::stoi(p[1]);
    } else {
      // "12 maart 1985", "12 MAA/MAR 1985": every word must name the month.
      for (size_t i = 1; i + 1 < p.size(); ++i) {
        int mm = MonthFromName(p[i]);
        if (mm == 0 || (m != 0 && mm != m)) return std::nullopt;
        m = mm;
      }
    }
    const std::string& ys = p.back();
    if (ys.size() == 4) {
      y = std::stoi(ys);
    } else if (ys.size() == 2) {
      int yy = std::stoi(ys);  // two-digit year: the most recent past century
      y = 2000 + yy <= CurrentYear() ? 2000 + yy : 1900 + yy;
    } else {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  if (y < 1900 || y > CurrentYear() || !DateExists(y, m, d)) return std::nullopt;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  Validated v;
  v.value = buf;
  return v;
}

}  // namespace piiscan::detectors
