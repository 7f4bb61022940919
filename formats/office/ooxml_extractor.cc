#include "formats/office/ooxml_extractor.h"

#include <exception>
#include <new>

#include "formats/office/odf_extractor.h"
#include "formats/office/ooxml_parts.h"
#include "formats/zip_document_type.h"

namespace piiscan::formats {
namespace {

using office::OoxmlDoc;
using office::XmlReader;

void EmitMetadata(OoxmlDoc& doc, std::string_view label, const std::string& value) {
  if (value.find_first_not_of(" \t\r\n") == std::string::npos) return;
  SegmentInfo info;
  info.kind = SegmentKind::kMetadata;
  info.label = label;
  info.has_offsets = info.has_lines = false;
  doc.ctx.Text(value, doc.where, info);
}

// docProps/core.xml and app.xml: flat property lists. The label is the
// property's element name (creator, lastModifiedBy, Company ...).
void ReadProperties(OoxmlDoc& doc, const std::string& part, std::string_view what,
                    std::initializer_list<std::string_view> wanted) {
  if (doc.pkg.Find(part) == nullptr) return;
  office::ParsePart(doc, part, what, [&](XmlReader& xml) {
    while (xml.Next()) {
      if (!xml.IsStart()) continue;
      std::string name(xml.LocalName());
      for (auto w : wanted) {
        if (name == w) {
          EmitMetadata(doc, name, xml.ElementText());
          break;
        }
      }
    }
  });
}

// docProps/custom.xml: user-defined properties; the label is their name.
void ReadCustomProperties(OoxmlDoc& doc) {
  const std::string part = "docProps/custom.xml";
  if (doc.pkg.Find(part) == nullptr) return;
  office::ParsePart(doc, part, "custom properties part", [&](XmlReader& xml) {
    while (xml.Next()) {
      if (!xml.IsStart("property")) continue;
      std::string name = xml.Attribute("name");
      EmitMetadata(doc, name, xml.ElementText());
    }
  });
}

// word/embeddings/*, xl/embeddings/*, ppt/embeddings/*: children.
void ReadEmbeddings(OoxmlDoc& doc) {
  std::string data;
  for (const auto& e : doc.pkg.entries()) {
    if (doc.ctx.ShouldStop()) return;
    if (!e.name.starts_with("word/embeddings/") && !e.name.starts_with("xl/embeddings/") &&
        !e.name.starts_with("ppt/embeddings/")) {
      continue;
    }
    if (e.name.ends_with("/")) continue;
    std::string name = e.name.substr(e.name.rfind('/') + 1);
    Location at = Append(doc.where, "embedded " + name);
    office::PartError error = doc.pkg.ReadWhole(e.name, &data);
    if (error != office::PartError::kNone) {
      if (error != office::PartError::kBudget) {
        doc.ctx.Problem(office::PartErrorStatus(error),
                        doc.type + ": embedded object " + std::string(office::PartErrorText(error)), at);
      }
      continue;
    }
    doc.ctx.Child(data, at, ChildInfo{name, ""});
  }
}

std::string DefaultMainPart(std::string_view type) {
  if (type == "docx") return "word/document.xml";
  if (type == "xlsx") return "xl/workbook.xml";
  return "ppt/presentation.xml";
}

void ReadPackage(OoxmlDoc& doc) {
  auto package_rels = office::ReadRelationships(doc, "");
  std::string main = office::TargetOfType(package_rels, "officeDocument");
  if (main.empty() || doc.pkg.Find(main) == nullptr) main = DefaultMainPart(doc.type);
  if (doc.type == "docx") office::ReadDocx(doc, main);
  if (doc.type == "xlsx") office::ReadXlsx(doc, main);
  if (doc.type == "pptx") office::ReadPptx(doc, main);
  if (doc.ctx.ShouldStop()) return;
  ReadProperties(doc, "docProps/core.xml", "core properties part",
                 {"creator", "lastModifiedBy", "title", "subject", "keywords", "description"});
  ReadProperties(doc, "docProps/app.xml", "app properties part", {"Company", "Manager"});
  ReadCustomProperties(doc);
  ReadEmbeddings(doc);
}

class OoxmlExtractorImpl final : public Extractor {
 public:
  std::string_view Name() const override { return "ooxml"; }

  void Extract(std::string_view bytes, const Location& where, ExtractContext& ctx) const override {
    office::ZipPackage pkg(bytes, ctx, where);
    if (!pkg.ok()) {
      ctx.Problem(FileStatus::kCorrupt, "ooxml: not a readable zip package", where);
      return;
    }
    std::vector<std::string> names;
    for (const auto& e : pkg.entries()) names.push_back(e.name);
    std::string type = DocumentTypeOfZipEntries(names);
    if (type != "docx" && type != "xlsx" && type != "pptx") {
      std::string ooxml_type;
      Delegate(type, pkg, bytes, where, ctx, &ooxml_type);
      if (ooxml_type.empty()) return;
      type = ooxml_type;
    }
    OoxmlDoc doc{pkg, ctx, where, type};
    try {
      ReadPackage(doc);
    } catch (const std::bad_alloc&) {
      ctx.Problem(FileStatus::kLimit, type + ": out of memory", where);
    } catch (const std::exception&) {
      ctx.Problem(FileStatus::kCorrupt, type + ": unexpected error while reading", where);
    }
    if (pkg.damaged()) {
      ctx.Problem(FileStatus::kCorrupt,
                  type + ": damaged zip (truncated or bad central directory), " +
                      std::to_string(pkg.entries().size()) + " parts readable",
                  where);
    }
  }

 private:
  // Sniffed (or routed by the archive extractor) as OOXML, but the names
  // do not say which: an ODF package goes to the ODF extractor; a package
  // without [Content_Types].xml but with a main part is still read; anything
  // else is reported. Never handed back to the zip extractor: the two could
  // disagree about a damaged zip and call each other without end.
  static void Delegate(const std::string& type, const office::ZipPackage& pkg, std::string_view bytes,
                       const Location& where, ExtractContext& ctx, std::string* ooxml_type) {
    if (type == "odt" || type == "ods" || type == "odp") {
      OdfExtractor().Extract(bytes, where, ctx);
      return;
    }
    if (pkg.Find("word/document.xml")) *ooxml_type = "docx";
    if (pkg.Find("xl/workbook.xml")) *ooxml_type = "xlsx";
    if (pkg.Find("ppt/presentation.xml")) *ooxml_type = "pptx";
    if (ooxml_type->empty()) {
      ctx.Problem(FileStatus::kCorrupt, "ooxml: zip without the parts of an office document", where);
    }
  }
};

}  // namespace

const Extractor& OoxmlExtractor() {
  static const OoxmlExtractorImpl kInstance;
  return kInstance;
}

}  // namespace piiscan::formats
