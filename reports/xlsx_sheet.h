#pragma once
// What every spreadsheet of piiscan shares (libxlsxwriter): a workbook
// created mode 0600 from the start (reports hold masked personal data and
// where it lies) with a bold header format and a wrapping one, and a sheet
// written row by row under a frozen header row with an autofilter. The
// products own their sheets and columns; this is the generic part.
// Not thread-safe: one writer per workbook.

#include <xlsxwriter.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace piiscan::reports {

struct XlsxWorkbook {
  lxw_workbook* book = nullptr;
  lxw_format* header = nullptr;  // bold, shaded, bottom border
  lxw_format* wrap = nullptr;    // wrapped text, aligned to the top
};

// Creates `path` (mode 0600) and opens a workbook on it.
Result<XlsxWorkbook> OpenXlsx(const std::string& path);

// Writes the workbook out and frees it (also on failure).
Result<void> CloseXlsx(XlsxWorkbook& workbook, const std::string& path);

class XlsxSheet {
 public:
  // `cols`: header text and column width.
  XlsxSheet(const XlsxWorkbook& workbook, const char* name,
            const std::vector<std::pair<const char*, double>>& cols);
  // Text is cut to 32000 bytes and control characters (which XML 1.0 cannot
  // hold; a path may contain them) become '?'.
  void Str(size_t col, std::string_view s, lxw_format* f = nullptr);
  void Num(size_t col, double v);
  void Next() { ++row_; }
  // Call once all rows are written.
  void Finish();
  lxw_row_t row() const { return row_; }

 private:
  lxw_worksheet* ws_;
  size_t cols_;
  lxw_row_t row_ = 1;
};

}  // namespace piiscan::reports
