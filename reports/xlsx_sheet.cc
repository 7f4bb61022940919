#include "reports/xlsx_sheet.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include "reports/output_file.h"

namespace piiscan::reports {
namespace {

std::string Clean(std::string_view s) {
  std::string out(s.substr(0, 32000));
  for (auto& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n') c = '?';
  }
  return out;
}

}  // namespace

Result<XlsxWorkbook> OpenXlsx(const std::string& path) {
  // Create the file ourselves first, by the rules of every output (0600,
  // no symbolic link, regular file: output_file.h); libxlsxwriter then
  // rewrites it in place, keeping the mode.
  auto fd = OpenOutputDescriptor(path);
  if (!fd) return std::unexpected(fd.error());
  ::close(*fd);
  XlsxWorkbook wb;
  wb.book = workbook_new(path.c_str());
  if (!wb.book) return Fail("cannot write " + path);
  wb.header = workbook_add_format(wb.book);
  format_set_bold(wb.header);
  format_set_bg_color(wb.header, 0xE8EDF3);
  format_set_bottom(wb.header, LXW_BORDER_THIN);
  wb.wrap = workbook_add_format(wb.book);
  format_set_text_wrap(wb.wrap);
  format_set_align(wb.wrap, LXW_ALIGN_VERTICAL_TOP);
  return wb;
}

Result<void> CloseXlsx(XlsxWorkbook& workbook, const std::string& path) {
  lxw_error err = workbook_close(workbook.book);
  workbook = {};
  if (err != LXW_NO_ERROR) return Fail("cannot write " + path + ": " + lxw_strerror(err));
  return {};
}

XlsxSheet::XlsxSheet(const XlsxWorkbook& workbook, const char* name,
                     const std::vector<std::pair<const char*, double>>& cols)
    : ws_(workbook_add_worksheet(workbook.book, name)), cols_(cols.size()) {
  for (size_t c = 0; c < cols.size(); ++c) {
    worksheet_write_string(ws_, 0, c, cols[c].first, workbook.header);
    worksheet_set_column(ws_, c, c, cols[c].second, nullptr);
  }
  worksheet_freeze_panes(ws_, 1, 0);
}

void XlsxSheet::Str(size_t col, std::string_view s, lxw_format* f) {
  worksheet_write_string(ws_, row_, col, Clean(s).c_str(), f);
}

void XlsxSheet::Num(size_t col, double v) { worksheet_write_number(ws_, row_, col, v, nullptr); }

void XlsxSheet::Finish() {
  worksheet_autofilter(ws_, 0, 0, std::max<lxw_row_t>(row_ - 1, 1), cols_ - 1);
}

}  // namespace piiscan::reports
