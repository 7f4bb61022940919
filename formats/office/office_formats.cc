#include "formats/office/office_formats.h"

#include "formats/office/odf_extractor.h"
#include "formats/office/ooxml_extractor.h"

namespace piiscan::formats {

static_assert(BuiltHere(DocxFormat::kSpec) && BuiltHere(XlsxFormat::kSpec) &&
              BuiltHere(PptxFormat::kSpec) && BuiltHere(OdtFormat::kSpec) &&
              BuiltHere(OdsFormat::kSpec) && BuiltHere(OdpFormat::kSpec));

const Extractor& DocxFormat::Reader() { return OoxmlExtractor(); }
const Extractor& XlsxFormat::Reader() { return OoxmlExtractor(); }
const Extractor& PptxFormat::Reader() { return OoxmlExtractor(); }
const Extractor& OdtFormat::Reader() { return OdfExtractor(); }
const Extractor& OdsFormat::Reader() { return OdfExtractor(); }
const Extractor& OdpFormat::Reader() { return OdfExtractor(); }

}  // namespace piiscan::formats
