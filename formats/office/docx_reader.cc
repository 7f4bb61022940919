// DOCX (WordprocessingML): the body, headers, footers, footnotes, endnotes
// and comments as lines of text. A paragraph is a line; a table row is a
// line with its cells separated by tabs. Tracked changes are text too:
// inserted runs (w:ins) are ordinary runs, deleted ones (w:del) keep their
// text in w:delText, and both are scanned, because deleted personal data is
// still stored in the file.

#include <memory>

#include "formats/office/ooxml_parts.h"
#include "formats/text/text_collector.h"

namespace piiscan::formats::office {
namespace {

// Turns the nodes of a WordprocessingML part into text, one node at a time
// (so a caller can feed it the nodes of one comment only).
class WordText {
 public:
  void Handle(XmlReader& xml, TextCollector& out) {
    if (xml.IsStart()) {
      Start(xml, out);
    } else if (xml.IsEnd()) {
      End(xml.LocalName(), out);
    } else if (xml.IsText() && in_text_) {
      out.Add(xml.Value());
    }
  }

 private:
  void Start(XmlReader& xml, TextCollector& out) {
    std::string_view name = xml.LocalName();
    if (name == "t" || name == "delText") {
      in_text_ = true;
    } else if (name == "pPr" || name == "rPr" || name == "tblPr" || name == "tcPr" ||
               name == "trPr" || name == "sectPr" || name == "instrText" ||
               name == "delInstrText" || name == "Fallback") {
      // Properties hold no text (and w:tabs in pPr is not a tab); field
      // instructions repeat the field's text; mc:Fallback repeats the
      // mc:Choice content (text boxes would be read twice).
      xml.Skip();
    } else if (name == "tab") {
      out.Add('\t');
    } else if (name == "br" || name == "cr") {
      out.EndLine();
    } else if (name == "noBreakHyphen") {
      out.Add('-');
    } else if (name == "tc") {
      ++cell_depth_;
    }
  }

  void End(std::string_view name, TextCollector& out) {
    if (name == "t" || name == "delText") {
      in_text_ = false;
    } else if (name == "p") {
      // Paragraphs inside a table cell stay on the row's line.
      if (cell_depth_ > 0) {
        out.Add(' ');
      } else {
        out.EndLine();
      }
    } else if (name == "tc") {
      if (cell_depth_ > 0) --cell_depth_;
      out.EndCell();
    } else if (name == "tr") {
      out.EndLine();
    }
  }

  bool in_text_ = false;
  int cell_depth_ = 0;
};

void ReadWordPart(OoxmlDoc& doc, const std::string& part, std::string_view what,
                  const Location& where) {
  TextCollector out(doc.ctx, where);
  WordText text;
  ParsePart(doc, part, what, [&](XmlReader& xml) {
    uint64_t nodes = 0;
    while (xml.Next()) {
      text.Handle(xml, out);
      if (++nodes % 65536 == 0 && doc.ctx.ShouldStop()) break;
    }
  });
  out.Flush();
}

// Each comment becomes its own segment at "comment N", its author metadata
// at the same place.
void ReadComments(OoxmlDoc& doc, const std::string& part) {
  ParsePart(doc, part, "comments part", [&](XmlReader& xml) {
    int n = 0;
    while (xml.Next() && !doc.ctx.ShouldStop()) {
      if (!xml.IsStart("comment")) continue;
      Location at = Append(doc.where, "comment " + std::to_string(++n));
      std::string author = xml.Attribute("author");
      if (!author.empty()) {
        SegmentInfo info;
        info.kind = SegmentKind::kMetadata;
        info.label = "author";
        info.has_offsets = info.has_lines = false;
        doc.ctx.Text(author, at, info);
      }
      TextCollector out(doc.ctx, at);
      WordText text;
      int depth = 1;
      while (depth > 0 && xml.Next()) {
        if (xml.IsStart()) ++depth;
        if (xml.IsEnd()) --depth;
        if (depth > 0) text.Handle(xml, out);
      }
      out.Flush();
    }
  });
}

// Parts of a type listed in the main part's relationships, plus any such
// part that is in the package without a relationship (hand-made files).
std::vector<std::string> PartsOf(OoxmlDoc& doc, const std::vector<Relationship>& rels,
                                 std::string_view type, std::string_view prefix) {
  std::vector<std::string> parts;
  auto add = [&](const std::string& name) {
    if (doc.pkg.Find(name) == nullptr) return;
    for (const auto& p : parts) {
      if (p == name) return;
    }
    parts.push_back(name);
  };
  for (const auto& r : rels) {
    if (r.type == type && !r.external) add(r.target);
  }
  for (const auto& e : doc.pkg.entries()) {
    // "word/header" + digits + ".xml" (not commentsExtended.xml etc.).
    if (!e.name.starts_with(prefix) || !e.name.ends_with(".xml")) continue;
    std::string_view middle = std::string_view(e.name).substr(prefix.size());
    middle.remove_suffix(4);
    if (middle.find_first_not_of("0123456789") == std::string_view::npos) add(e.name);
  }
  return parts;
}

}  // namespace

void ReadDocx(OoxmlDoc& doc, const std::string& main_part) {
  ReadWordPart(doc, main_part, "document part", doc.where);
  auto rels = ReadRelationships(doc, main_part);
  struct Kind {
    std::string_view rel_type, prefix, step;
  };
  static constexpr Kind kKinds[] = {
      {"header", "word/header", "header"},
      {"footer", "word/footer", "footer"},
      {"footnotes", "word/footnotes", "footnotes"},
      {"endnotes", "word/endnotes", "endnotes"},
  };
  for (const auto& kind : kKinds) {
    for (const auto& part : PartsOf(doc, rels, kind.rel_type, kind.prefix)) {
      if (doc.ctx.ShouldStop()) return;
      ReadWordPart(doc, part, std::string(kind.step) + " part", Append(doc.where, std::string(kind.step)));
    }
  }
  for (const auto& part : PartsOf(doc, rels, "comments", "word/comments")) {
    if (doc.ctx.ShouldStop()) return;
    ReadComments(doc, part);
  }
}

}  // namespace piiscan::formats::office
