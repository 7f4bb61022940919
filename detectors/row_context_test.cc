// Row context of a spreadsheet or CSV cell: the shapes a row's other cells
// must have (row_context.h), and the engine lifting a BSN that passed only
// the 11-proef when its cell comes with such a row.
#include "detectors/row_context.h"

#include <gtest/gtest.h>

#include "detectors/embedded_engine_for_tests.h"
#include "detectors/engine.h"

namespace piiscan::detectors {
namespace {

TEST(RowContext, NameShapedCells) {
  EXPECT_TRUE(NameShapedCell("Jan de Vries"));
  EXPECT_TRUE(NameShapedCell("J.P. van den Berg"));
  EXPECT_TRUE(NameShapedCell("De Vries, J."));
  EXPECT_TRUE(NameShapedCell("Ayşe Yılmaz"));
  EXPECT_FALSE(NameShapedCell("Inkoop"));
  EXPECT_FALSE(NameShapedCell("NL91ABNA0417164300"));
  EXPECT_FALSE(NameShapedCell("12 stuks"));
  EXPECT_FALSE(NameShapedCell("de van"));
  EXPECT_FALSE(NameShapedCell("Levering volgt morgen"));
}

TEST(RowContext, NeedsANameAndAValidIban) {
  EXPECT_TRUE(RowHasNameAndIban("Jan de Vries\t111222333\tNL91ABNA0417164300"));
  EXPECT_TRUE(RowHasNameAndIban("NL91 ABNA 0417 1643 00\t111222333\tSanne Bakker"));
  EXPECT_FALSE(RowHasNameAndIban("111222333\tNL91ABNA0417164300\t12,00"));  // no name
  EXPECT_FALSE(RowHasNameAndIban("Jan de Vries\t111222333\tInkoop"));       // no IBAN
  EXPECT_FALSE(RowHasNameAndIban("Jan de Vries\t111222333\tNL92ABNA0417164300"));  // fails mod 97
}

double BsnScore(std::string_view cell, std::string_view row, std::string_view label = "Nummer") {
  auto engine = EmbeddedEngineForTests();
  auto scanner = engine->NewScanner();
  SegmentInfo info;
  info.kind = SegmentKind::kCell;
  info.label = label;
  info.row = row;
  std::vector<Detection> found;
  scanner->Scan(cell, info, found);
  for (const auto& d : found) {
    if (engine->specs()[d.spec].id == "bsn") return d.score;
  }
  return 0;
}

TEST(RowContext, ACellsRowLiftsItsBsnToMedium) {
  EXPECT_GE(BsnScore("123456782", "Jan de Vries\t123456782\tNL91ABNA0417164300"), 0.5);
  EXPECT_LT(BsnScore("123456782", "123456782\tNL91ABNA0417164300\t12,00"), 0.5);
  EXPECT_LT(BsnScore("123456782", ""), 0.5);
  // A header that names the numbers says what they are.
  EXPECT_LT(BsnScore("123456782", "Jan de Vries\t123456782\tNL91ABNA0417164300", "Personeelsnummer"), 0.5);
  EXPECT_GE(BsnScore("123456782", "Jan de Vries\t123456782\tNL91ABNA0417164300", ""), 0.5);
  EXPECT_EQ(BsnScore("123456789", "Jan de Vries\t123456789\tNL91ABNA0417164300"), 0);  // fails the 11-proef
}

}  // namespace
}  // namespace piiscan::detectors
