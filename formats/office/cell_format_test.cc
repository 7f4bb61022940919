#include "formats/office/cell_format.h"

#include <gtest/gtest.h>

#include <cstdint>

#include "formats/office/xml_reader.h"

namespace piiscan::formats::office {
namespace {

TEST(CellFormatTest, NumbersStayIntegers) {
  EXPECT_EQ(FormatNumber("111222333"), "111222333");
  EXPECT_EQ(FormatNumber("1.11222333E8"), "111222333");
  EXPECT_EQ(FormatNumber("1.11222333E+8"), "111222333");
  EXPECT_EQ(FormatNumber("111222333.0"), "111222333");
  EXPECT_EQ(FormatNumber("23456784"), "23456784");  // a BSN whose leading zero was lost
  EXPECT_EQ(FormatNumber("123456789012345678901"), "123456789012345678901");  // beyond double precision
  EXPECT_EQ(FormatNumber("-42"), "-42");
  EXPECT_EQ(FormatNumber("0.25"), "0.25");
  EXPECT_EQ(FormatNumber("1E+300"), "1e+300");
  EXPECT_EQ(FormatNumber("tekst"), "tekst");
}

TEST(CellFormatTest, DateSerials) {
  EXPECT_EQ(FormatDateSerial("31118", false), "1985-03-12");
  EXPECT_EQ(FormatDateSerial("31118.75", false), "1985-03-12");
  EXPECT_EQ(FormatDateSerial("1", false), "1900-01-01");
  EXPECT_EQ(FormatDateSerial("60", false), "1900-02-29");
  EXPECT_EQ(FormatDateSerial("61", false), "1900-03-01");
  EXPECT_EQ(FormatDateSerial("29656", true), "1985-03-12");
  EXPECT_EQ(FormatDateSerial("-5", false), "-5");
  EXPECT_EQ(FormatDateSerial("x", false), "x");
}

TEST(CellFormatTest, DateFormatCodes) {
  EXPECT_TRUE(IsDateFormatCode("dd-mm-yyyy"));
  EXPECT_TRUE(IsDateFormatCode("[$-413]d mmmm yyyy;@"));
  EXPECT_FALSE(IsDateFormatCode("hh:mm:ss"));
  EXPECT_FALSE(IsDateFormatCode("0.00"));
  EXPECT_FALSE(IsDateFormatCode("\"dag\" 0"));
  EXPECT_FALSE(IsDateFormatCode("[Red]0"));
}

TEST(CellFormatTest, CellNames) {
  EXPECT_EQ(CellName(0, 1), "A1");
  EXPECT_EQ(CellName(25, 7), "Z7");
  EXPECT_EQ(CellName(26, 7), "AA7");
  EXPECT_EQ(CellName(16383, 1048576), "XFD1048576");
  // Fuzzing (cell_format): the largest column overflowed col + 1 (UBSan).
  EXPECT_EQ(CellName(INT64_MAX, 1), "CRPXNLSKVLJFHH1");
  EXPECT_EQ(CellName(-5, 3), "3");
}

TEST(CellFormatTest, DateStylesFromStylesPart) {
  std::string styles =
      "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"dd/mm/yyyy\"/>"
      "<numFmt numFmtId=\"165\" formatCode=\"0.000\"/></numFmts>"
      "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
      "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/><xf numFmtId=\"165\"/>"
      "<xf numFmtId=\"20\"/></cellXfs></styleSheet>";
  XmlReader xml{std::string_view(styles)};
  EXPECT_EQ(ReadDateStyles(xml), (std::vector<bool>{false, true, true, false, false}));
}

}  // namespace
}  // namespace piiscan::formats::office
