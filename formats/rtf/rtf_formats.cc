#include "formats/rtf/rtf_formats.h"

#include "formats/rtf/rtf_extractor.h"

namespace piiscan::formats {

static_assert(BuiltHere(RtfFormat::kSpec));

const Extractor& RtfFormat::Reader() { return RtfExtractor(); }

}  // namespace piiscan::formats
