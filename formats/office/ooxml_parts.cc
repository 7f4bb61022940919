#include "formats/office/ooxml_parts.h"

namespace piiscan::formats::office {

std::string ResolveTarget(std::string_view source_part, std::string_view target) {
  std::string path;
  if (target.starts_with('/')) {
    path = target.substr(1);
  } else {
    size_t slash = source_part.rfind('/');
    path = slash == std::string_view::npos ? std::string()
                                           : std::string(source_part.substr(0, slash + 1));
    path += target;
  }
  // Normalise "a/./b" and "a/x/../b".
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string seg = path.substr(start, end - start);
    if (seg == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!seg.empty() && seg != ".") {
      parts.push_back(std::move(seg));
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += '/';
    out += p;
  }
  return out;
}

std::vector<Relationship> ReadRelationships(OoxmlDoc& doc, std::string_view part) {
  std::string rels_name;
  if (part.empty()) {
    rels_name = "_rels/.rels";
  } else {
    size_t slash = part.rfind('/');
    std::string_view dir = slash == std::string_view::npos ? "" : part.substr(0, slash + 1);
    std::string_view file = slash == std::string_view::npos ? part : part.substr(slash + 1);
    rels_name = std::string(dir) + "_rels/" + std::string(file) + ".rels";
  }
  std::vector<Relationship> rels;
  if (doc.pkg.Find(rels_name) == nullptr) return rels;
  ParsePart(doc, rels_name, "relationships part", [&](XmlReader& xml) {
    while (xml.Next()) {
      if (!xml.IsStart("Relationship")) continue;
      Relationship r;
      r.id = xml.Attribute("Id");
      std::string type = xml.Attribute("Type");
      r.type = type.substr(type.rfind('/') + 1);
      r.external = xml.Attribute("TargetMode") == "External";
      std::string target = xml.Attribute("Target");
      r.target = r.external ? target : ResolveTarget(part, target);
      rels.push_back(std::move(r));
    }
  });
  return rels;
}

std::string TargetOfType(const std::vector<Relationship>& rels, std::string_view type) {
  for (const auto& r : rels) {
    if (r.type == type && !r.external) return r.target;
  }
  return {};
}

void ReportPart(OoxmlDoc& doc, FileStatus status, std::string_view what, std::string_view reason) {
  doc.ctx.Problem(status, doc.type + ": " + std::string(what) + " " + std::string(reason), doc.where);
}

bool ParsePart(OoxmlDoc& doc, std::string_view name, std::string_view what,
               const std::function<void(XmlReader&)>& fn) {
  PartError error = PartError::kNone;
  auto stream = doc.pkg.Open(name, &error);
  if (!stream) {
    if (error != PartError::kBudget) {
      ReportPart(doc, PartErrorStatus(error), what, PartErrorText(error));
    }
    return false;
  }
  XmlReader xml(*stream);
  fn(xml);
  // Drain what the callback left unread, so a damaged tail is noticed.
  while (!doc.ctx.ShouldStop() && !xml.failed() && xml.Next()) {
  }
  if (stream->error() != PartError::kNone) {
    if (stream->error() != PartError::kBudget) {
      ReportPart(doc, PartErrorStatus(stream->error()), what, PartErrorText(stream->error()));
    }
    return false;
  }
  if (xml.failed()) {
    ReportPart(doc, FileStatus::kCorrupt, what, "is not well-formed XML");
    return false;
  }
  return true;
}

}  // namespace piiscan::formats::office
