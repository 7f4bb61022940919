#include "formats/office/odf_extractor.h"

#include <algorithm>
#include <exception>
#include <functional>
#include <new>

#include "formats/office/odf_content.h"
#include "formats/zip_document_type.h"
#include "formats/office/zip_package.h"

namespace piiscan::formats {
namespace {

using office::PartError;
using office::XmlReader;
using office::ZipPackage;

struct OdfDoc {
  ZipPackage& pkg;
  ExtractContext& ctx;
  const Location& where;
  std::string type;  // "odt", "ods", "odp" or "odf": for status reasons
};

void Report(OdfDoc& doc, FileStatus status, std::string_view what, std::string_view reason,
            const Location& where) {
  doc.ctx.Problem(status, doc.type + ": " + std::string(what) + " " + std::string(reason), where);
}

// Streams part `name` through `fn`; problems are reported at `where`.
void ParsePart(OdfDoc& doc, const std::string& name, std::string_view what, const Location& where,
               const std::function<void(XmlReader&)>& fn) {
  PartError error = PartError::kNone;
  auto stream = doc.pkg.Open(name, &error);
  if (!stream) {
    if (error != PartError::kBudget) {
      Report(doc, office::PartErrorStatus(error), what, office::PartErrorText(error), where);
    }
    return;
  }
  XmlReader xml(*stream);
  fn(xml);
  if (stream->error() != PartError::kNone) {
    if (stream->error() != PartError::kBudget) {
      Report(doc, office::PartErrorStatus(stream->error()), what,
             office::PartErrorText(stream->error()), where);
    }
  } else if (xml.failed()) {
    Report(doc, FileStatus::kCorrupt, what, "is not well-formed XML", where);
  }
}

bool IsEncrypted(OdfDoc& doc) {
  bool encrypted = false;
  if (doc.pkg.Find("META-INF/manifest.xml") == nullptr) return false;
  ParsePart(doc, "META-INF/manifest.xml", "manifest", doc.where, [&](XmlReader& xml) {
    while (!encrypted && xml.Next()) encrypted = xml.IsStart("encryption-data");
  });
  return encrypted;
}

void ReadMeta(OdfDoc& doc) {
  if (doc.pkg.Find("meta.xml") == nullptr) return;
  ParsePart(doc, "meta.xml", "meta part", doc.where, [&](XmlReader& xml) {
    static constexpr std::string_view kWanted[] = {"creator", "initial-creator", "title",
                                                   "subject", "description", "keyword",
                                                   "user-defined"};
    while (xml.Next()) {
      if (!xml.IsStart()) continue;
      std::string name(xml.LocalName());
      if (std::find(std::begin(kWanted), std::end(kWanted), name) == std::end(kWanted)) continue;
      if (name == "user-defined") name = xml.Attribute("name");
      std::string text = xml.ElementText();
      if (text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
      SegmentInfo info;
      info.kind = SegmentKind::kMetadata;
      info.label = name;
      info.has_offsets = info.has_lines = false;
      doc.ctx.Text(text, doc.where, info);
    }
  });
}

// styles.xml: the page headers and footers of the master pages.
void ReadHeadersFooters(OdfDoc& doc) {
  if (doc.pkg.Find("styles.xml") == nullptr) return;
  TextCollector header(doc.ctx, Append(doc.where, "header"));
  TextCollector footer(doc.ctx, Append(doc.where, "footer"));
  ParsePart(doc, "styles.xml", "styles part", doc.where, [&](XmlReader& xml) {
    while (xml.Next()) {
      if (!xml.IsStart()) continue;
      std::string_view name = xml.LocalName();
      // Not header-style, header-footer-properties: formatting.
      TextCollector* out = nullptr;
      if (name == "header" || name == "header-left" || name == "header-first") out = &header;
      if (name == "footer" || name == "footer-left" || name == "footer-first") out = &footer;
      if (out == nullptr) continue;
      office::OdfText text;
      int depth = 1;
      while (depth > 0 && xml.Next()) {
        if (xml.IsStart()) ++depth;
        if (xml.IsEnd()) --depth;
        if (depth > 0) text.Handle(xml, *out);
      }
      out->EndLine();
    }
  });
  header.Flush();
  footer.Flush();
}

void ReadContent(OdfDoc& doc, const std::string& part, const Location& where) {
  office::OdfContentReader reader(doc.ctx, where);
  ParsePart(doc, part, "content part", where, [&](XmlReader& xml) { reader.Read(xml); });
}

// "Object 1/content.xml" is an embedded ODF object, read in place; a file
// "Object 2" (no folder) is a binary embedded object (OLE): a child.
void ReadEmbedded(OdfDoc& doc) {
  std::string data;
  for (const auto& e : doc.pkg.entries()) {
    if (doc.ctx.ShouldStop()) return;
    if (!e.name.starts_with("Object ")) continue;
    size_t slash = e.name.find('/');
    std::string object = e.name.substr(0, slash);
    Location at = Append(doc.where, "embedded " + object);
    if (slash == std::string::npos) {
      PartError error = doc.pkg.ReadWhole(e.name, &data);
      if (error == PartError::kNone) {
        doc.ctx.Child(data, at, ChildInfo{object, ""});
      } else if (error != PartError::kBudget) {
        Report(doc, office::PartErrorStatus(error), "embedded object", office::PartErrorText(error), at);
      }
    } else if (e.name.substr(slash) == "/content.xml") {
      ReadContent(doc, e.name, at);
    }
  }
}

std::string TypeOf(ZipPackage& pkg) {
  std::string mimetype;
  if (pkg.Find("mimetype") && pkg.ReadWhole("mimetype", &mimetype) == PartError::kNone &&
      mimetype.size() < 256) {
    std::string type = OdfTypeOfMimetype(mimetype);
    if (!type.empty()) return type;
  }
  return "odf";
}

class OdfExtractorImpl final : public Extractor {
 public:
  std::string_view Name() const override { return "odf"; }

  void Extract(std::string_view bytes, const Location& where, ExtractContext& ctx) const override {
    ZipPackage pkg(bytes, ctx, where);
    if (!pkg.ok()) {
      ctx.Problem(FileStatus::kCorrupt, "odf: not a readable zip package", where);
      return;
    }
    OdfDoc doc{pkg, ctx, where, TypeOf(pkg)};
    try {
      if (IsEncrypted(doc)) {
        ctx.Problem(FileStatus::kEncrypted, doc.type + ": password protected", where);
        return;
      }
      ReadContent(doc, "content.xml", where);
      if (!ctx.ShouldStop()) ReadHeadersFooters(doc);
      if (!ctx.ShouldStop()) ReadMeta(doc);
      ReadEmbedded(doc);
    } catch (const std::bad_alloc&) {
      ctx.Problem(FileStatus::kLimit, doc.type + ": out of memory", where);
    } catch (const std::exception&) {
      ctx.Problem(FileStatus::kCorrupt, doc.type + ": unexpected error while reading", where);
    }
    if (pkg.damaged()) {
      ctx.Problem(FileStatus::kCorrupt,
                  doc.type + ": damaged zip (truncated or bad central directory), " +
                      std::to_string(pkg.entries().size()) + " parts readable",
                  where);
    }
  }
};

}  // namespace

const Extractor& OdfExtractor() {
  static const OdfExtractorImpl kInstance;
  return kInstance;
}

}  // namespace piiscan::formats
