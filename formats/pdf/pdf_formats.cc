#include "formats/pdf/pdf_formats.h"

#include "formats/pdf/pdf_extractor.h"

namespace piiscan::formats {

static_assert(BuiltHere(PdfFormat::kSpec));

const Extractor& PdfFormat::Reader() { return PdfExtractor(); }

}  // namespace piiscan::formats
