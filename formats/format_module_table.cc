// The entry point of the format module (format_module.h): the extractors
// built into piiscan-formats.so, by sniffed type. Linked into the module and
// into the test programs, never into the executable.
#include <iterator>

#include "formats/archive/archive_extractor.h"
#include "formats/format_module.h"
#include "formats/html/html_extractor.h"
#include "formats/mail/eml_extractor.h"
#include "formats/mail/msg_extractor.h"
#include "formats/mail/pst_extractor.h"
#include "formats/office/odf_extractor.h"
#include "formats/office/ooxml_extractor.h"
#include "formats/pdf/pdf_extractor.h"

extern "C" const piiscan::formats::FormatModuleTable* piiscan_format_module_v1() {
  using namespace piiscan::formats;
  static const ModuleFormat kFormats[] = {
      {"html", &HtmlExtractor()},    {"eml", &EmlExtractor()},       {"zip", &ZipExtractor()},
      {"tar", &TarExtractor()},      {"7z", &SevenZipExtractor()},   {"rar", &RarExtractor()},
      {"gzip", &GzipExtractor()},    {"bzip2", &Bzip2Extractor()},   {"xz", &XzExtractor()},
      {"zstd", &ZstdExtractor()},    {"pst", &PstExtractor()},       {"msg", &MsgExtractor()},
      {"pdf", &PdfExtractor()},      {"docx", &OoxmlExtractor()},    {"xlsx", &OoxmlExtractor()},
      {"pptx", &OoxmlExtractor()},   {"odt", &OdfExtractor()},       {"ods", &OdfExtractor()},
      {"odp", &OdfExtractor()},
  };
  static const FormatModuleTable kTable{FormatModuleBuild(), FormatModuleLayout(), kFormats, std::size(kFormats)};
  return &kTable;
}
