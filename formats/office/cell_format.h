#pragma once
// How spreadsheet cell values are written as text for the detectors, shared
// by the XLSX and ODS readers: numbers as they are meant (an integer stays an
// integer: "111222333", never "1.11222333E8"), date serials as ISO dates
// (so a birth date stored as a date is still a date), and cell names
// ("B7") from column and row numbers.
//
// Thread safety: pure functions (ReadDateStyles reads from the reader given).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace piiscan::formats::office {

class XmlReader;

// A number as stored in a sheet ("111222333", "1.11222333E8", "0.25") as
// text: integers without exponent or ".0", other numbers in their shortest
// form. Text that is no number is returned unchanged.
std::string FormatNumber(std::string_view stored);

// A spreadsheet date serial (days since 1899-12-30, with Excel's phantom
// 1900-02-29; or since 1904-01-01) as "YYYY-MM-DD". Not a number or out of
// range: FormatNumber(stored).
std::string FormatDateSerial(std::string_view stored, bool date1904);

// True for an Excel number format code that shows a date ("dd-mm-yyyy",
// "d mmmm yyyy", "[$-413]d/m/yy"), false for times, numbers and text.
bool IsDateFormatCode(std::string_view code);

// "A1"-style name of 0-based column `col` and 1-based row `row`.
std::string CellName(int64_t col, int64_t row);

// From an XLSX styles part: for each cellXfs entry (a cell's s="N"), whether
// its number format is a date.
std::vector<bool> ReadDateStyles(XmlReader& xml);

}  // namespace piiscan::formats::office
