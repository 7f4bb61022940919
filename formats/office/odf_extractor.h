#pragma once
// OpenDocument text, spreadsheets and presentations (ODT, ODS, ODP; one
// extractor registered for all three, which tells them apart by content).
// Reads content.xml (see odf_content.h for what becomes which segment),
// styles.xml page headers and footers ("header", "footer"), meta.xml
// (creator, initial-creator, title ... as metadata) and embedded objects:
// an embedded ODF object ("Object 1/content.xml") is read in place at
// "embedded Object 1", a binary one ("Object 2", OLE) becomes a child.
// A package encrypted with a password (manifest encryption-data) is
// reported encrypted.
//
// Thread safety: stateless; all state lives in one Extract call.

#include "formats/extractor.h"

namespace piiscan::formats {

const Extractor& OdfExtractor();

}  // namespace piiscan::formats
