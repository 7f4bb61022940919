#include "formats/encrypted/encrypted_formats.h"

#include "formats/encrypted/encrypted_office_extractor.h"

namespace piiscan::formats {

static_assert(BuiltHere(OfficeEncryptedFormat::kSpec));

const Extractor& OfficeEncryptedFormat::Reader() { return EncryptedOfficeExtractor(); }

}  // namespace piiscan::formats
