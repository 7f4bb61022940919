#include "formats/text/text_formats.h"

#include "formats/text/text_extractor.h"

namespace piiscan::formats {

static_assert(BuiltHere(TextFormat::kSpec) && BuiltHere(CsvFormat::kSpec) &&
              BuiltHere(EmptyFormat::kSpec));

const Extractor& TextFormat::Reader() { return TextExtractor(); }
const Extractor& CsvFormat::Reader() { return CsvExtractor(); }
const Extractor& EmptyFormat::Reader() { return EmptyExtractor(); }

}  // namespace piiscan::formats
