#include "formats/office/zip_document_type.h"

#include <algorithm>

namespace piiscan::formats {
namespace {

bool Has(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool HasUnder(const std::vector<std::string>& names, std::string_view folder) {
  return std::any_of(names.begin(), names.end(),
                     [&](const std::string& n) { return n.starts_with(folder); });
}

}  // namespace

std::string OdfTypeOfMimetype(std::string_view mimetype) {
  while (!mimetype.empty() && (mimetype.back() == '\n' || mimetype.back() == '\r' ||
                               mimetype.back() == ' ')) {
    mimetype.remove_suffix(1);
  }
  constexpr std::string_view kPrefix = "application/vnd.oasis.opendocument.";
  if (!mimetype.starts_with(kPrefix)) return {};
  std::string_view kind = mimetype.substr(kPrefix.size());
  if (kind == "text" || kind == "text-template" || kind == "text-master") return "odt";
  if (kind == "spreadsheet" || kind == "spreadsheet-template") return "ods";
  if (kind == "presentation" || kind == "presentation-template") return "odp";
  return {};
}

std::string DocumentTypeOfZipEntries(const std::vector<std::string>& names,
                                     std::string_view mimetype) {
  if (Has(names, "[Content_Types].xml")) {
    if (Has(names, "word/document.xml")) return "docx";
    if (Has(names, "xl/workbook.xml")) return "xlsx";
    if (Has(names, "ppt/presentation.xml")) return "pptx";
    // Main parts may be named otherwise (the package rels say where).
    if (HasUnder(names, "word/")) return "docx";
    if (HasUnder(names, "xl/")) return "xlsx";
    if (HasUnder(names, "ppt/")) return "pptx";
    return {};
  }
  if (Has(names, "content.xml") && (Has(names, "META-INF/manifest.xml") || Has(names, "mimetype"))) {
    if (!mimetype.empty()) return OdfTypeOfMimetype(mimetype);
    return "odt";
  }
  return {};
}

}  // namespace piiscan::formats
