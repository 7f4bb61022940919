#pragma once
// A password-protected Office document (DOCX/XLSX/PPTX saved with a
// password): not a zip but an OLE2 container holding EncryptionInfo and
// EncryptedPackage streams (MS-OFFCRYPTO), which libmagic calls "CDFV2
// Encrypted" (application/encrypted). Nothing in it can be read without the
// password, so the extractor only reports it as encrypted, instead of the
// file passing as unsupported binary data.
//
// Thread safety: stateless.

#include "formats/extractor.h"

namespace piiscan::formats {

const Extractor& EncryptedOfficeExtractor();

}  // namespace piiscan::formats
