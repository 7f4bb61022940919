#pragma once
// Internal to the OOXML extractor: what the DOCX, XLSX and PPTX readers
// share (the open package, relationships, parsing a part with problems
// reported), and the readers themselves. Not for use outside formats/office.
//
// Thread safety: everything here lives for one Extract call on one thread.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/extractor.h"
#include "formats/office/xml_reader.h"
#include "formats/office/zip_package.h"

namespace piiscan::formats::office {

struct OoxmlDoc {
  ZipPackage& pkg;
  ExtractContext& ctx;
  const Location& where;
  std::string type;  // "docx", "xlsx", "pptx": for status reasons
};

struct Relationship {
  std::string id;
  std::string type;    // last segment of the type URI: "officeDocument", "slide" ...
  std::string target;  // part name, resolved against the source part
  bool external = false;
};

// The relationships of `part` ("" for the package: _rels/.rels).
std::vector<Relationship> ReadRelationships(OoxmlDoc& doc, std::string_view part);
// The first target of relationship type `type`, or "".
std::string TargetOfType(const std::vector<Relationship>& rels, std::string_view type);
// Resolves `target` (relative to `source_part`'s folder, or absolute with a
// leading '/') to a part name, with "." and ".." removed.
std::string ResolveTarget(std::string_view source_part, std::string_view target);

// Streams part `name` through `fn`. A part that is missing, too large,
// encrypted, damaged or not well-formed becomes a problem at doc.where
// naming `what` (a fixed description such as "sheet", never content).
// Returns false when the part could not be read completely.
bool ParsePart(OoxmlDoc& doc, std::string_view name, std::string_view what,
               const std::function<void(XmlReader&)>& fn);

// Reporting helper: "TYPE: WHAT REASON".
void ReportPart(OoxmlDoc& doc, FileStatus status, std::string_view what, std::string_view reason);

void ReadDocx(OoxmlDoc& doc, const std::string& main_part);
void ReadXlsx(OoxmlDoc& doc, const std::string& main_part);
void ReadPptx(OoxmlDoc& doc, const std::string& main_part);

}  // namespace piiscan::formats::office
