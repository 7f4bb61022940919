#include "formats/office/cell_format.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "formats/office/xml_reader.h"

namespace piiscan::formats::office {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) s.remove_suffix(1);
  return s;
}

bool IsInteger(std::string_view s) {
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
std::string CivilDate(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m),
                static_cast<int>(d));
  return buf;
}

// Builtin Excel formats that show a date (14-17, 22, and the East Asian
// 27-36, 50-58); 18-21 and 45-47 are times.
bool IsBuiltinDate(int id) {
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

}  // namespace

std::string FormatNumber(std::string_view stored) {
  std::string_view s = Trim(stored);
  if (IsInteger(s)) return std::string(s.front() == '+' ? s.substr(1) : s);
  double d = 0;
  std::string_view parse = s.starts_with('+') ? s.substr(1) : s;
  auto [end, ec] = std::from_chars(parse.data(), parse.data() + parse.size(), d);
  if (ec != std::errc() || end != parse.data() + parse.size() || !std::isfinite(d)) {
    return std::string(stored);
  }
  char buf[64];
  if (d == std::floor(d) && std::fabs(d) < 1e17) {
    auto r = std::to_chars(buf, buf + sizeof buf, static_cast<int64_t>(d));
    return std::string(buf, r.ptr);
  }
  auto r = std::to_chars(buf, buf + sizeof buf, d);
  return std::string(buf, r.ptr);
}

std::string FormatDateSerial(std::string_view stored, bool date1904) {
  double d = 0;
  std::string_view s = Trim(stored);
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
  if (ec != std::errc() || end != s.data() + s.size() || !(d >= 1 && d < 2958466)) {
    return FormatNumber(stored);
  }
  int64_t serial = static_cast<int64_t>(std::floor(d));
  // 1970-01-01 is serial 25569 (1900 system) or 24107 (1904 system).
  if (date1904) return CivilDate(serial - 24107);
  if (serial == 60) return "1900-02-29";  // Lotus 1-2-3's leap-year bug, kept by Excel
  if (serial < 60) ++serial;
  return CivilDate(serial - 25569);
}

bool IsDateFormatCode(std::string_view code) {
  // Only the first section (positive numbers) matters.
  bool quoted = false, bracket = false, escaped = false;
  for (char c : code) {
    if (escaped) {
      escaped = false;
      continue;
    }
    if (quoted) {
      quoted = c != '"';
      continue;
    }
    if (bracket) {
      bracket = c != ']';
      continue;
    }
    switch (c) {
      case '\\': escaped = true; break;
      case '"': quoted = true; break;
      case '[': bracket = true; break;
      case ';': return false;
      case 'd': case 'D': case 'y': case 'Y': return true;
      default: break;
    }
  }
  return false;
}

std::string CellName(int64_t col, int64_t row) {
  std::string letters;
  // Unsigned: col + 1 of the largest column overflowed (found by fuzzing).
  for (uint64_t c = col < 0 ? 0 : static_cast<uint64_t>(col) + 1; c > 0; c = (c - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  return letters + std::to_string(row);
}

std::vector<bool> ReadDateStyles(XmlReader& xml) {
  std::map<int, bool> custom;  // numFmtId -> is a date
  std::vector<bool> styles;
  bool in_cell_xfs = false;
  while (xml.Next()) {
    if (xml.IsStart("numFmt")) {
      int id = std::atoi(xml.Attribute("numFmtId").c_str());
      custom[id] = IsDateFormatCode(xml.Attribute("formatCode"));
    } else if (xml.IsStart("cellXfs")) {
      in_cell_xfs = true;
    } else if (xml.IsEnd("cellXfs")) {
      in_cell_xfs = false;
    } else if (in_cell_xfs && xml.IsStart("xf")) {
      int id = std::atoi(xml.Attribute("numFmtId").c_str());
      auto it = custom.find(id);
      styles.push_back(it != custom.end() ? it->second : IsBuiltinDate(id));
      xml.Skip();
    }
  }
  return styles;
}

}  // namespace piiscan::formats::office
