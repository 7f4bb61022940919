#include "formats/mbox/mbox_formats.h"

#include "formats/mbox/mbox_extractor.h"

namespace piiscan::formats {

static_assert(BuiltHere(MboxFormat::kSpec));

const Extractor& MboxFormat::Reader() { return MboxExtractor(); }

}  // namespace piiscan::formats
