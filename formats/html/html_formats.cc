#include "formats/html/html_formats.h"

#include "formats/html/html_extractor.h"

namespace piiscan::formats {

static_assert(BuiltHere(HtmlFormat::kSpec));

const Extractor& HtmlFormat::Reader() { return HtmlExtractor(); }

}  // namespace piiscan::formats
