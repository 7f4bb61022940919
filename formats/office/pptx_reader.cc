// PPTX (PresentationML): the text of each slide at "slide N" and of its
// speaker notes at "notes N", N being the slide's place in the show
// (presentation.xml's slide list), not the number in its part name.
// DrawingML text: a paragraph (a:p) is a line; a table row is a line with
// tab-separated cells.

#include <algorithm>
#include <map>

#include "formats/office/ooxml_parts.h"
#include "formats/text/text_collector.h"

namespace piiscan::formats::office {
namespace {

void ReadDrawingText(OoxmlDoc& doc, const std::string& part, std::string_view what,
                     const Location& where) {
  TextCollector out(doc.ctx, where);
  ParsePart(doc, part, what, [&](XmlReader& xml) {
    bool in_t = false;
    uint64_t nodes = 0;
    while (xml.Next()) {
      if (xml.IsStart()) {
        std::string_view name = xml.LocalName();
        if (name == "t") {
          in_t = true;
        } else if (name == "br") {
          out.EndLine();
        } else if (name == "pPr" || name == "rPr" || name == "Fallback") {
          xml.Skip();  // properties (a:tabLst is no tab); mc:Fallback repeats mc:Choice
        }
      } else if (xml.IsEnd()) {
        std::string_view name = xml.LocalName();
        if (name == "t") {
          in_t = false;
        } else if (name == "p" || name == "tr") {
          out.EndLine();
        } else if (name == "tc") {
          out.EndCell();
        }
      } else if (xml.IsText() && in_t) {
        out.Add(xml.Value());
      }
      if (++nodes % 65536 == 0 && doc.ctx.ShouldStop()) break;
    }
  });
  out.Flush();
}

// Slide parts in show order: presentation.xml's sldIdLst, resolved through
// its relationships; slides not listed (hidden from the list, hand-made
// files) follow in part-name order.
std::vector<std::string> SlideParts(OoxmlDoc& doc, const std::string& main_part) {
  auto rels = ReadRelationships(doc, main_part);
  std::map<std::string, std::string> target_of;
  for (const auto& r : rels) {
    if (r.type == "slide" && !r.external) target_of[r.id] = r.target;
  }
  std::vector<std::string> slides;
  ParsePart(doc, main_part, "presentation part", [&](XmlReader& xml) {
    while (xml.Next()) {
      if (!xml.IsStart("sldId")) continue;
      auto it = target_of.find(xml.Attribute("id", "/relationships"));
      if (it != target_of.end()) slides.push_back(it->second);
    }
  });
  std::vector<std::string> unlisted;
  for (const auto& e : doc.pkg.entries()) {
    if (!e.name.starts_with("ppt/slides/slide") || !e.name.ends_with(".xml")) continue;
    if (std::find(slides.begin(), slides.end(), e.name) == slides.end()) unlisted.push_back(e.name);
  }
  std::sort(unlisted.begin(), unlisted.end(), [](const std::string& a, const std::string& b) {
    return a.size() != b.size() ? a.size() < b.size() : a < b;  // slide2 before slide10
  });
  slides.insert(slides.end(), unlisted.begin(), unlisted.end());
  return slides;
}

}  // namespace

void ReadPptx(OoxmlDoc& doc, const std::string& main_part) {
  auto slides = SlideParts(doc, main_part);
  for (size_t i = 0; i < slides.size(); ++i) {
    if (doc.ctx.ShouldStop()) return;
    const std::string n = std::to_string(i + 1);
    if (doc.pkg.Find(slides[i]) == nullptr) continue;
    ReadDrawingText(doc, slides[i], "slide part", Append(doc.where, "slide " + n));
    std::string notes = TargetOfType(ReadRelationships(doc, slides[i]), "notesSlide");
    if (!notes.empty() && doc.pkg.Find(notes)) {
      ReadDrawingText(doc, notes, "notes part", Append(doc.where, "notes " + n));
    }
  }
}

}  // namespace piiscan::formats::office
