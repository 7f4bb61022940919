// Spreadsheet cell formats (formats/office/cell_format.h): stored numbers and
// date serials as written in a sheet, number format codes, cell names and the
// styles part. The first byte picks the function; the rest is its input.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "formats/office/cell_format.h"
#include "formats/office/xml_reader.h"

namespace {

// Cell values come from libxml2, always UTF-8: from such input, the output
// must be UTF-8 too (invalid input may pass through as it is).
bool g_input_utf8 = true;
void CheckUtf8(const std::string& s) {
  if (g_input_utf8 && !piiscan::IsValidUtf8(s)) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace office = piiscan::formats::office;
  if (size == 0) return 0;
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  g_input_utf8 = piiscan::IsValidUtf8(rest);
  switch (data[0] % 5) {
    case 0:
      CheckUtf8(office::FormatNumber(rest));
      break;
    case 1:
      CheckUtf8(office::FormatDateSerial(rest, false));
      CheckUtf8(office::FormatDateSerial(rest, true));
      break;
    case 2:
      office::IsDateFormatCode(rest);
      break;
    case 3: {
      int64_t col = 0, row = 0;
      std::memcpy(&col, rest.data(), std::min(rest.size(), sizeof col));
      if (rest.size() > sizeof col) std::memcpy(&row, rest.data() + 8, std::min(rest.size() - 8, sizeof row));
      CheckUtf8(office::CellName(col, row));
      break;
    }
    default: {
      office::XmlReader xml(rest);
      office::ReadDateStyles(xml);
    }
  }
  return 0;
}
