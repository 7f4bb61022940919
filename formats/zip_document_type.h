#pragma once
// Tells an office document from a plain zip by its entry names: the archive
// extractor calls this for a zip that libmagic reported as just "zip" (a
// docx renamed .zip, a document inside another archive) and hands a
// document to FindFormat(type) instead of unpacking its XML parts.
//
// Thread safety: pure functions.

#include <string>
#include <string_view>
#include <vector>

namespace piiscan::formats {

// "docx", "xlsx", "pptx", "odt", "ods", "odp" or "" for no document.
// OOXML: `[Content_Types].xml` plus the main part (word/document.xml,
// xl/workbook.xml, ppt/presentation.xml) or at least its folder. ODF:
// `content.xml` plus `META-INF/manifest.xml` or `mimetype`; which of the
// three needs the content of the `mimetype` entry: pass it as `mimetype`
// when you have it (it is the first entry, stored, some 40 bytes). Without
// it an ODF package is called "odt"; the ODF extractor reads all three
// kinds alike, so the routing is right either way.
std::string DocumentTypeOfZipEntries(const std::vector<std::string>& entry_names,
                                     std::string_view mimetype = {});

// For the sniffer, from the first bytes of a zip (its local headers): the
// document type when they show it, else "". ODF: a stored `mimetype` first
// entry (as the spec requires). OOXML: a package part as the first entry
// (`[Content_Types].xml`, `_rels/.rels`, `docProps/...`, as libmagic
// requires) and local headers of `[Content_Types].xml` and the main part
// (word/document.xml, xl/workbook.xml, ppt/presentation.xml) within
// `head`. Zips in another order stay "zip" for the sniffer; the zip
// extractor, which sees every entry name, hands them on. Cheap: a few
// substring searches, no decompression.
std::string DocumentTypeOfZipHead(std::string_view head);

// The ODF type for a `mimetype` entry's content ("" when not ODF text,
// spreadsheet or presentation; templates count as their kind).
std::string OdfTypeOfMimetype(std::string_view mimetype);

}  // namespace piiscan::formats
