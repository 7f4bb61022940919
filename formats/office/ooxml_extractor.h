#pragma once
// Office Open XML documents: DOCX, XLSX and PPTX. One extractor serves all
// three (registered as "docx", "xlsx", "pptx"); it tells them apart by the
// package's parts, so a workbook that arrives as "docx" is still read as a
// workbook. The zip is read from memory with libarchive, the XML parts with
// libxml2's streaming reader. Document properties (creator,
// lastModifiedBy, Company ...) become metadata segments; embedded objects
// (word/embeddings, xl/embeddings, ppt/embeddings) become children at
// "embedded NAME". Images (media/) are not read.
//
// Thread safety: stateless; all state lives in one Extract call.

#include "formats/extractor.h"

namespace piiscan::formats {

const Extractor& OoxmlExtractor();

}  // namespace piiscan::formats
