#include "formats/zip_document_type.h"

#include <algorithm>
#include <cstdint>

namespace piiscan::formats {
namespace {

bool Has(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool HasUnder(const std::vector<std::string>& names, std::string_view folder) {
  return std::any_of(names.begin(), names.end(),
                     [&](const std::string& n) { return n.starts_with(folder); });
}

uint32_t Le(std::string_view s, size_t at, int bytes) {
  uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
  return v;
}

// True when `head` holds a zip local file header for `name` (the name
// follows the 30-byte fixed header, whose name length must match).
bool HasLocalHeader(std::string_view head, std::string_view name) {
  for (size_t pos = head.find(name); pos != std::string_view::npos; pos = head.find(name, pos + 1)) {
    if (pos >= 30 && head.substr(pos - 30, 4) == std::string_view("PK\x03\x04", 4) &&
        Le(head, pos - 4, 2) == name.size()) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string DocumentTypeOfZipHead(std::string_view head) {
  if (head.size() < 30 || head.substr(0, 4) != std::string_view("PK\x03\x04", 4)) return {};
  const uint32_t name_len = Le(head, 26, 2), extra_len = Le(head, 28, 2);
  if (head.substr(30, name_len) == "mimetype" && Le(head, 8, 2) == 0) {  // stored
    const uint32_t size = Le(head, 18, 4);
    const size_t at = 30 + name_len + extra_len;
    if (size < 256 && at + size <= head.size()) {
      std::string type = OdfTypeOfMimetype(head.substr(at, size));
      if (!type.empty()) return type;
    }
  }
  // As libmagic does: the first entry is a package part ([Content_Types].xml
  // for Office and python-docx, docProps/ for openpyxl). Zips that start
  // otherwise are left to the zip extractor, which sees all entry names.
  std::string_view first = head.substr(30, name_len);
  if (first != "[Content_Types].xml" && first != "_rels/.rels" && !first.starts_with("docProps") &&
      !first.starts_with("customXml")) {
    return {};
  }
  if (!HasLocalHeader(head, "[Content_Types].xml")) return {};
  if (HasLocalHeader(head, "word/document.xml")) return "docx";
  if (HasLocalHeader(head, "xl/workbook.xml")) return "xlsx";
  if (HasLocalHeader(head, "ppt/presentation.xml")) return "pptx";
  return {};
}

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
