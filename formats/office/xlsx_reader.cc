// XLSX (SpreadsheetML): every non-empty cell is one segment at
// "sheet NAME" > "cell B7", labelled with the text of the first row's cell
// in its column (the column header), so a column headed "BSN" lifts its
// cells' confidence. Shared strings, inline strings, formula results,
// numbers (written as integers when they are: a BSN stored as the number
// 111222333 must read "111222333", not "1.11222333E8") and dates (a number
// with a date format, written as ISO YYYY-MM-DD) are read. Cell comments
// are read at "sheet NAME" > "comment B7".
//
// Sheets are streamed: a sheet of any size needs memory only for its
// column headers; the shared-string table is held whole.

#include <charconv>
#include <cmath>
#include <map>

#include "formats/office/cell_format.h"
#include "formats/office/ooxml_parts.h"

namespace piiscan::formats::office {
namespace {

struct Sheet {
  std::string name;
  std::string part;
};

struct Workbook {
  std::vector<Sheet> sheets;
  std::vector<std::string> shared;  // shared strings
  std::vector<bool> date_styles;    // cellXfs index -> is a date format
  bool date1904 = false;
};

// The text of <si> or <is>: its <t> elements, without phonetic runs (rPh).
std::string ReadRichText(XmlReader& xml) {
  std::string text;
  bool in_t = false;
  int depth = 1;
  while (depth > 0 && xml.Next()) {
    if (xml.IsStart()) {
      ++depth;
      if (xml.LocalName() == "rPh") {
        xml.Skip();
        --depth;
      } else if (xml.LocalName() == "t") {
        in_t = true;
      }
    } else if (xml.IsEnd()) {
      --depth;
      if (xml.LocalName() == "t") in_t = false;
    } else if (xml.IsText() && in_t) {
      text += xml.Value();
    }
  }
  return text;
}

void ReadWorkbook(OoxmlDoc& doc, const std::string& main_part, Workbook& wb) {
  auto rels = ReadRelationships(doc, main_part);
  std::map<std::string, std::string> target_of;
  for (const auto& r : rels) target_of[r.id] = r.target;
  ParsePart(doc, main_part, "workbook part", [&](XmlReader& xml) {
    while (xml.Next()) {
      if (xml.IsStart("workbookPr")) {
        std::string v = xml.Attribute("date1904");
        wb.date1904 = v == "1" || v == "true";
      } else if (xml.IsStart("sheet")) {
        auto it = target_of.find(xml.Attribute("id", "/relationships"));
        if (it != target_of.end()) wb.sheets.push_back({xml.Attribute("name"), it->second});
      }
    }
  });
  std::string shared = TargetOfType(rels, "sharedStrings");
  if (shared.empty() && doc.pkg.Find("xl/sharedStrings.xml")) shared = "xl/sharedStrings.xml";
  if (!shared.empty()) {
    ParsePart(doc, shared, "shared strings part", [&](XmlReader& xml) {
      while (xml.Next() && !doc.ctx.ShouldStop()) {
        if (xml.IsStart("si")) wb.shared.push_back(ReadRichText(xml));
      }
    });
  }
  std::string styles = TargetOfType(rels, "styles");
  if (!styles.empty() && doc.pkg.Find(styles)) {
    ParsePart(doc, styles, "styles part", [&](XmlReader& xml) { wb.date_styles = ReadDateStyles(xml); });
  }
}

// Column index (0-based) of a reference like "AB12"; -1 when none.
int64_t ColumnOf(std::string_view ref) {
  int64_t col = 0;
  size_t i = 0;
  for (; i < ref.size() && i < 4 && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) col = col * 26 + (ref[i] - 'A' + 1);
  return i == 0 ? -1 : col - 1;
}

struct CellState {
  std::string ref, type, value;
  int64_t col = 0;
  size_t style = 0;
};

class SheetReader {
 public:
  SheetReader(OoxmlDoc& doc, const Workbook& wb, Location where)
      : doc_(doc), wb_(wb), where_(std::move(where)) {}

  void Read(XmlReader& xml) {
    uint64_t nodes = 0;
    while (xml.Next()) {
      if (xml.IsStart("row")) {
        FlushRow();
        StartRow(xml);
      } else if (xml.IsEnd("row")) {
        FlushRow();
        if (header_row_ == 0 && !row_headers_.empty()) {
          header_row_ = row_;
          headers_ = std::move(row_headers_);
        }
        row_headers_.clear();
      } else if (xml.IsStart("c")) {
        ReadCell(xml);
      }
      if (++nodes % 65536 == 0 && doc_.ctx.ShouldStop()) return;
    }
    FlushRow();
  }

 private:
  void StartRow(XmlReader& xml) {
    std::string r = xml.Attribute("r");
    int64_t n = 0;
    auto [p, ec] = std::from_chars(r.data(), r.data() + r.size(), n);
    row_ = (ec == std::errc() && n > 0) ? n : row_ + 1;
    next_col_ = 0;
  }

  void ReadCell(XmlReader& xml) {
    CellState cell;
    cell.ref = xml.Attribute("r");
    cell.type = xml.Attribute("t");
    std::string s = xml.Attribute("s");
    std::from_chars(s.data(), s.data() + s.size(), cell.style);
    int64_t col = ColumnOf(cell.ref);
    cell.col = col >= 0 ? col : next_col_;
    next_col_ = cell.col + 1;
    bool in_v = false;
    int depth = 1;
    while (depth > 0 && xml.Next()) {
      if (xml.IsStart()) {
        ++depth;
        if (xml.LocalName() == "v") in_v = true;
        if (xml.LocalName() == "is") {
          cell.value = ReadRichText(xml);
          --depth;
        }
      } else if (xml.IsEnd()) {
        --depth;
        if (xml.LocalName() == "v") in_v = false;
      } else if (xml.IsText() && in_v) {
        cell.value += xml.Value();
      }
    }
    Emit(cell);
  }

  std::string Display(const CellState& cell) const {
    const std::string& t = cell.type;
    if (t == "s") {
      size_t index = 0;
      auto [p, ec] = std::from_chars(cell.value.data(), cell.value.data() + cell.value.size(), index);
      return ec == std::errc() && index < wb_.shared.size() ? wb_.shared[index] : std::string();
    }
    if (t == "inlineStr" || t == "str" || t == "d") return cell.value;
    if (t == "b" || t == "e") return {};  // booleans and errors carry no personal data
    bool is_date = cell.style < wb_.date_styles.size() && wb_.date_styles[cell.style];
    return is_date ? FormatDateSerial(cell.value, wb_.date1904) : FormatNumber(cell.value);
  }

  void Emit(const CellState& cell) {
    std::string text = Display(cell);
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return;
    std::string ref = cell.ref.empty() ? CellName(cell.col, row_) : cell.ref;
    SegmentInfo info;
    info.kind = SegmentKind::kCell;
    info.has_offsets = info.has_lines = false;
    if (header_row_ != 0 && row_ != header_row_) {
      auto it = headers_.find(cell.col);
      if (it != headers_.end()) info.label = it->second;
    }
    if (header_row_ == 0 && row_headers_.size() < 16384) row_headers_[cell.col] = text;
    // Held until the row ends, so that each cell goes with its row's texts
    // (a number's neighbours are its context: detectors/row_context.h); a
    // very wide row goes out as it comes, without.
    pending_row_bytes_ += text.size() + 1;
    pending_.push_back({std::move(text), Append(where_, "cell " + ref), info.label});
    if (pending_.size() > kMaxRowCells || pending_row_bytes_ > kMaxRowBytes) FlushRow(/*with_row=*/false);
  }

  struct PendingCell {
    std::string text;
    Location where;
    std::string_view label;  // into headers_, which does not change while a row is read
  };
  static constexpr size_t kMaxRowCells = 256;
  static constexpr size_t kMaxRowBytes = 64 << 10;

  void FlushRow(bool with_row = true) {
    if (pending_.empty()) return;
    row_text_.clear();
    if (with_row) {
      for (const auto& c : pending_) {
        if (!row_text_.empty()) row_text_ += '\t';
        row_text_ += c.text;
      }
    }
    for (const auto& c : pending_) {
      SegmentInfo info;
      info.kind = SegmentKind::kCell;
      info.has_offsets = info.has_lines = false;
      info.label = c.label;
      info.row = row_text_;
      doc_.ctx.Text(c.text, c.where, info);
    }
    pending_.clear();
    pending_row_bytes_ = 0;
  }

  OoxmlDoc& doc_;
  const Workbook& wb_;
  Location where_;
  int64_t row_ = 0;
  int64_t next_col_ = 0;
  int64_t header_row_ = 0;
  std::map<int64_t, std::string> headers_;      // column -> header text
  std::map<int64_t, std::string> row_headers_;  // the first row, while it is read
  std::vector<PendingCell> pending_;             // this row's cells, until it ends
  size_t pending_row_bytes_ = 0;
  std::string row_text_;
};

// Cell comments (notes): each at "sheet NAME" > "comment B2", its author
// as metadata there. (Excel mirrors threaded comments into these too.)
void ReadComments(OoxmlDoc& doc, const std::string& part, const Location& sheet) {
  std::vector<std::string> authors;
  ParsePart(doc, part, "comments part", [&](XmlReader& xml) {
    while (xml.Next() && !doc.ctx.ShouldStop()) {
      if (xml.IsStart("author")) {  // plain text, no <t>
        std::string name;
        for (int depth = 1; depth > 0 && xml.Next();) {
          if (xml.IsStart()) ++depth;
          if (xml.IsEnd()) --depth;
          if (xml.IsText() && name.size() < 4096) name += xml.Value();
        }
        authors.push_back(std::move(name));
        continue;
      }
      if (!xml.IsStart("comment")) continue;
      Location at = Append(sheet, "comment " + xml.Attribute("ref"));
      size_t author = authors.size();
      std::string id = xml.Attribute("authorId");
      std::from_chars(id.data(), id.data() + id.size(), author);
      SegmentInfo info;
      info.has_offsets = info.has_lines = false;
      std::string text = ReadRichText(xml);
      if (text.find_first_not_of(" \t\r\n") != std::string::npos) doc.ctx.Text(text, at, info);
      if (author < authors.size() && !authors[author].empty()) {
        info.kind = SegmentKind::kMetadata;
        info.label = "author";
        doc.ctx.Text(authors[author], at, info);
      }
    }
  });
}

}  // namespace

void ReadXlsx(OoxmlDoc& doc, const std::string& main_part) {
  Workbook wb;
  ReadWorkbook(doc, main_part, wb);
  for (const auto& sheet : wb.sheets) {
    if (doc.ctx.ShouldStop()) return;
    if (doc.pkg.Find(sheet.part) == nullptr) continue;  // a chartsheet elsewhere, or missing
    Location at = Append(doc.where, "sheet " + sheet.name);
    SheetReader reader(doc, wb, at);
    ParsePart(doc, sheet.part, "sheet", [&](XmlReader& xml) { reader.Read(xml); });
    for (const auto& rel : ReadRelationships(doc, sheet.part)) {
      if (rel.type == "comments" && !rel.external && doc.pkg.Find(rel.target)) ReadComments(doc, rel.target, at);
    }
  }
}

}  // namespace piiscan::formats::office
