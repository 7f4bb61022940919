// The CSV extractor: one segment per non-empty cell, labelled by its column
// header, at its offset and line in the file; quoted cells keep delimiters
// and line breaks, doubled quotes are one quote, carriage returns outside
// quotes are dropped.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "formats/recording_context.h"
#include "formats/text/text_extractor.h"

namespace piiscan::formats {
namespace {

struct CellSeen {
  std::string text, label;
  uint64_t offset, line;
  bool operator==(const CellSeen&) const = default;
};

std::vector<CellSeen> Cells(std::string_view csv) {
  RecordingContext ctx;
  CsvExtractor().Extract(csv, {}, ctx);
  std::vector<CellSeen> out;
  for (const auto& t : ctx.texts) {
    if (t.info.kind != SegmentKind::kCell) continue;
    out.push_back({t.text, t.label, t.info.base_offset, t.info.base_line});
  }
  return out;
}

TEST(CsvExtractor, CellsWithLabelsOffsetsAndLines) {
  const std::string csv =
      "naam;\"e-mail\";notitie\r\n"
      "Jan de Vries;jan@voorbeeld.nl;\"regel een\r\nregel \"\"twee\"\"\"\r\n"
      "\"Piet; Jansen\";;x\r\n"
      "laat\rste;zon\"der;einde";
  auto at = [&](std::string_view s) { return static_cast<uint64_t>(csv.find(s)); };
  std::vector<CellSeen> want = {
      {"Jan de Vries", "naam", at("Jan de"), 2},
      {"jan@voorbeeld.nl", "e-mail", at("jan@"), 2},
      {"regel een\r\nregel \"twee\"", "notitie", at("regel een"), 2},
      {"Piet; Jansen", "naam", at("Piet"), 4},
      {"x", "notitie", at("x\r"), 4},
      {"laatste", "naam", at("laat"), 5},    // a stray CR is dropped
      {"zon\"der", "e-mail", at("zon"), 5},  // a quote inside a cell is a character
      {"einde", "notitie", at("einde"), 5},  // the last line has no line end
  };
  EXPECT_EQ(Cells(csv), want);
}

TEST(CsvExtractor, DelimiterFromTheHeaderAndATrailingEmptyCell) {
  const std::string csv = "a,b,c\n1,,3\n4,5,\n";
  std::vector<CellSeen> want = {
      {"1", "a", 6, 2},
      {"3", "c", 9, 2},
      {"4", "a", 11, 3},
      {"5", "b", 13, 3},
  };
  EXPECT_EQ(Cells(csv), want);
}

// Cells of every length around the 16-byte steps of the reader's search
// for the next delimiter, with a quote, a carriage return or the line end
// at any position: the same cells as a plain split.
TEST(CsvExtractor, CellsOfEveryLengthAroundTheSearchSteps) {
  std::string csv = "a;b;c\n";
  std::vector<CellSeen> want;
  uint64_t line = 1;
  for (size_t n = 1; n <= 40; ++n) {
    ++line;
    std::string first(n, 'x'), second = std::to_string(n) + std::string(n % 17, 'y');
    std::string third = std::string(n, 'z') + "\"q";  // a quote inside a cell is a character
    const uint64_t at = csv.size();
    csv += first + ";" + second + "\r;" + third + "\n";
    want.push_back({first, "a", at, line});
    want.push_back({second, "b", at + n + 1, line});
    want.push_back({third, "c", at + n + 1 + second.size() + 2, line});
  }
  EXPECT_EQ(Cells(csv), want);
}

}  // namespace
}  // namespace piiscan::formats
