#pragma once
// Internal to the ODF extractor: turns the XML of an OpenDocument part into
// segments. Text documents give lines (a text:p or text:h is a line, a
// table row a line of tab-separated cells); spreadsheets give one segment
// per non-empty cell at "sheet NAME" > "cell B7" with the column header as
// label, positions computed from table:number-rows-repeated and
// table:number-columns-repeated without expanding the repeats (an empty
// row repeated a million times costs nothing; a repeated non-empty cell or
// row is reported once, at its first position); presentations give
// "slide N" and "notes N".
//
// Thread safety: one reader per part, on one thread.

#include <map>
#include <memory>
#include <string>

#include "formats/extractor.h"
#include "formats/text/text_collector.h"
#include "formats/office/xml_reader.h"

namespace piiscan::formats::office {

// Paragraph-level text (text:p, text:h, text:s, text:tab, text:line-break,
// tables in running text), one node at a time.
class OdfText {
 public:
  void Handle(XmlReader& xml, TextCollector& out);

 private:
  int in_paragraph_ = 0;
  int in_cell_ = 0;
};

class OdfContentReader {
 public:
  OdfContentReader(ExtractContext& ctx, Location where);
  // Reads a whole content.xml (or an embedded object's content.xml).
  void Read(XmlReader& xml);

 private:
  void StartSheet(XmlReader& xml);
  void ReadCell(XmlReader& xml);
  void StartSlide(XmlReader& xml);

  ExtractContext& ctx_;
  Location where_;
  TextCollector body_;  // text outside slides and cells
  OdfText text_;
  // Spreadsheet state.
  bool spreadsheet_ = false;
  Location sheet_;
  int64_t row_ = 0;            // 0-based index of the current row
  int64_t rows_repeated_ = 1;  // repeats of the current row
  int64_t col_ = 0;            // 0-based index of the next cell
  bool row_has_content_ = false;
  int64_t header_row_ = -1;
  std::map<int64_t, std::string> headers_, row_cells_;
  // Presentation state.
  int slide_ = 0;
  std::unique_ptr<TextCollector> slide_text_, notes_text_;
  OdfText slide_parser_, notes_parser_;
  int in_notes_ = 0;
};

}  // namespace piiscan::formats::office
