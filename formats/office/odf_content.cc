#include "formats/office/odf_content.h"

#include <algorithm>
#include <charconv>

#include "formats/office/cell_format.h"

namespace piiscan::formats::office {
namespace {

// A repeat count attribute: 1 when absent or bad, capped (hostile values).
int64_t Repeat(XmlReader& xml, std::string_view attribute) {
  std::string v = xml.Attribute(attribute);
  int64_t n = 1;
  auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc() || n < 1) return 1;
  return std::min<int64_t>(n, int64_t{1} << 31);
}

// ODF collapses white space in text content (spaces come as text:s).
void AddCollapsed(std::string_view text, std::string& out) {
  for (char c : text) {
    bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
    if (!space) {
      out.push_back(c);
    } else if (out.empty() || out.back() != ' ') {
      out.push_back(' ');
    }
  }
}

bool IsSpaceOnly(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// The text of a spreadsheet cell (the reader is on its start): paragraphs
// joined by newlines; comments (office:annotation) left out.
std::string CellText(XmlReader& xml) {
  std::string text;
  int depth = 1, in_p = 0;
  while (depth > 0 && xml.Next()) {
    if (xml.IsStart()) {
      ++depth;
      std::string_view name = xml.LocalName();
      if (name == "annotation") {
        xml.Skip();
        --depth;
      } else if (name == "p" || name == "h") {
        if (!text.empty()) text.push_back('\n');
        ++in_p;
      } else if (name == "s") {
        text.append(static_cast<size_t>(std::min<int64_t>(Repeat(xml, "c"), 64)), ' ');
      } else if (name == "tab") {
        text.push_back('\t');
      } else if (name == "line-break") {
        text.push_back('\n');
      }
    } else if (xml.IsEnd()) {
      --depth;
      if (xml.LocalName() == "p" || xml.LocalName() == "h") in_p = std::max(0, in_p - 1);
    } else if (xml.IsText() && in_p > 0) {
      AddCollapsed(xml.Value(), text);
    }
  }
  return text;
}

}  // namespace

void OdfText::Handle(XmlReader& xml, TextCollector& out) {
  if (xml.IsStart()) {
    std::string_view name = xml.LocalName();
    if (name == "p" || name == "h") {
      ++in_paragraph_;
    } else if (name == "s") {
      for (int64_t i = std::min<int64_t>(Repeat(xml, "c"), 64); i > 0; --i) out.Add(' ');
    } else if (name == "tab") {
      out.Add('\t');
    } else if (name == "line-break") {
      out.EndLine();
    } else if (name == "note-citation" || (xml.Prefix() == "dc" && name == "date")) {
      xml.Skip();  // a footnote's number; a comment's time stamp
    } else if (name == "table-cell" || name == "covered-table-cell") {
      ++in_cell_;
    }
  } else if (xml.IsEnd()) {
    std::string_view name = xml.LocalName();
    if (name == "p" || name == "h") {
      in_paragraph_ = std::max(0, in_paragraph_ - 1);
      if (in_cell_ > 0) {
        out.Add(' ');
      } else {
        out.EndLine();
      }
    } else if (name == "table-cell" || name == "covered-table-cell") {
      in_cell_ = std::max(0, in_cell_ - 1);
      out.EndCell();
    } else if (name == "table-row") {
      out.EndLine();
    } else if (name == "creator") {
      out.Add(": ");  // a comment's author, before its text
    }
  } else if (xml.IsText() && in_paragraph_ > 0) {
    std::string collapsed;
    AddCollapsed(xml.Value(), collapsed);
    out.Add(collapsed);
  }
}

OdfContentReader::OdfContentReader(ExtractContext& ctx, Location where)
    : ctx_(ctx), where_(std::move(where)), body_(ctx, where_) {}

void OdfContentReader::Read(XmlReader& xml) {
  uint64_t nodes = 0;
  while (xml.Next()) {
    if (++nodes % 65536 == 0 && ctx_.ShouldStop()) break;
    if (xml.IsStart()) {
      std::string_view name = xml.LocalName();
      if (name == "spreadsheet") spreadsheet_ = true;
      if (spreadsheet_ && name == "table") {
        StartSheet(xml);
        continue;
      }
      if (spreadsheet_ && name == "table-row") {
        rows_repeated_ = Repeat(xml, "number-rows-repeated");
        col_ = 0;
        row_has_content_ = false;
        continue;
      }
      if (spreadsheet_ && (name == "table-cell" || name == "covered-table-cell")) {
        ReadCell(xml);
        continue;
      }
      if (name == "page" && xml.Prefix() == "draw") StartSlide(xml);
      if (name == "notes" && slide_text_) ++in_notes_;
    } else if (xml.IsEnd()) {
      std::string_view name = xml.LocalName();
      if (spreadsheet_ && name == "table-row") {
        if (row_has_content_ && header_row_ < 0) {
          header_row_ = row_;
          headers_ = std::move(row_cells_);
        }
        row_cells_.clear();
        row_ += rows_repeated_;
        continue;
      }
      if (name == "notes" && in_notes_ > 0) --in_notes_;
      if (name == "page" && slide_text_) {
        slide_text_->Flush();
        notes_text_->Flush();
        slide_text_.reset();
        notes_text_.reset();
        continue;
      }
    }
    if (in_notes_ > 0 && notes_text_) {
      notes_parser_.Handle(xml, *notes_text_);
    } else if (slide_text_) {
      slide_parser_.Handle(xml, *slide_text_);
    } else {
      text_.Handle(xml, body_);
    }
  }
  if (slide_text_) slide_text_->Flush();
  if (notes_text_) notes_text_->Flush();
  body_.Flush();
}

void OdfContentReader::StartSheet(XmlReader& xml) {
  sheet_ = Append(where_, "sheet " + xml.Attribute("name"));
  row_ = 0;
  header_row_ = -1;
  headers_.clear();
  row_cells_.clear();
}

void OdfContentReader::ReadCell(XmlReader& xml) {
  const int64_t repeat = Repeat(xml, "number-columns-repeated");
  const std::string type = xml.Attribute("value-type");
  const std::string value = xml.Attribute("value");
  const std::string date = xml.Attribute("date-value");
  std::string text = CellText(xml);
  std::string display;
  if ((type == "float" || type == "currency" || type == "percentage") && !value.empty()) {
    display = FormatNumber(value);  // 111222333, not the shown "111.222.333"
  } else if (type == "date" && !date.empty()) {
    display = date.substr(0, 10);
  } else {
    display = std::move(text);
  }
  const int64_t col = col_;
  col_ += repeat;
  if (IsSpaceOnly(display)) return;
  row_has_content_ = true;
  SegmentInfo info;
  info.kind = SegmentKind::kCell;
  info.has_offsets = info.has_lines = false;
  if (header_row_ >= 0) {
    auto it = headers_.find(col);
    if (it != headers_.end()) info.label = it->second;
  } else if (row_cells_.size() < 16384) {
    row_cells_[col] = display;
  }
  ctx_.Text(display, Append(sheet_, "cell " + CellName(col, row_ + 1)), info);
}

void OdfContentReader::StartSlide(XmlReader&) {
  if (slide_text_) slide_text_->Flush();
  if (notes_text_) notes_text_->Flush();
  const std::string n = std::to_string(++slide_);
  slide_text_ = std::make_unique<TextCollector>(ctx_, Append(where_, "slide " + n));
  notes_text_ = std::make_unique<TextCollector>(ctx_, Append(where_, "notes " + n));
  slide_parser_ = OdfText();
  notes_parser_ = OdfText();
  in_notes_ = 0;
}

}  // namespace piiscan::formats::office
