#include "formats/archive/archive_formats.h"

#include "formats/archive/archive_extractor.h"

namespace piiscan::formats {

static_assert(BuiltHere(ZipFormat::kSpec) && BuiltHere(TarFormat::kSpec) &&
              BuiltHere(SevenZipFormat::kSpec) && BuiltHere(RarFormat::kSpec) &&
              BuiltHere(GzipFormat::kSpec) && BuiltHere(Bzip2Format::kSpec) &&
              BuiltHere(XzFormat::kSpec) && BuiltHere(ZstdFormat::kSpec));

const Extractor& ZipFormat::Reader() { return ZipExtractor(); }
const Extractor& TarFormat::Reader() { return TarExtractor(); }
const Extractor& SevenZipFormat::Reader() { return SevenZipExtractor(); }
const Extractor& RarFormat::Reader() { return RarExtractor(); }
const Extractor& GzipFormat::Reader() { return GzipExtractor(); }
const Extractor& Bzip2Format::Reader() { return Bzip2Extractor(); }
const Extractor& XzFormat::Reader() { return XzExtractor(); }
const Extractor& ZstdFormat::Reader() { return ZstdExtractor(); }

}  // namespace piiscan::formats
