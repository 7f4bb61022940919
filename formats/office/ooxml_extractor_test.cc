#include "formats/office/ooxml_extractor.h"

#include <gtest/gtest.h>

#include "formats/dispatch.h"
#include "formats/office/office_test_util.h"

namespace piiscan::formats {
namespace {

using testing::DocumentFixture;
using testing::FindMetadata;
using testing::FindText;
using testing::HasProblem;
using testing::MakeZip;

RecordingContext ExtractFile(const std::string& name, Limits limits = {}) {
  RecordingContext ctx(limits);
  OoxmlExtractor().Extract(DocumentFixture(name), {}, ctx);
  return ctx;
}

// --- DOCX (python-docx + hand-added comment, footnote, tracked change) ----

TEST(DocxTest, BodyParagraphsAreLines) {
  auto ctx = ExtractFile("report.docx");
  const auto* body = FindText(ctx, {}, "Contactpersoon: Jan de Vries, e-mail jan.devries@example.nl.");
  ASSERT_NE(body, nullptr);
  EXPECT_EQ(body->info.kind, SegmentKind::kBody);
  EXPECT_NE(body->text.find("Klantdossier\n"), std::string::npos);
  EXPECT_TRUE(ctx.problems.empty()) << ctx.problems[0].reason;
}

TEST(DocxTest, TableRowIsOneLineWithTabbedCells) {
  auto ctx = ExtractFile("report.docx");
  EXPECT_NE(FindText(ctx, {}, "Naam\tIBAN\tBSN\n"), nullptr);
  EXPECT_NE(FindText(ctx, {}, "Jan de Vries\tNL91ABNA0417164300\t111222333\n"), nullptr);
}

TEST(DocxTest, HeaderFooterAndFootnotes) {
  auto ctx = ExtractFile("report.docx");
  EXPECT_NE(FindText(ctx, {"header"}, "Vertrouwelijk - telefoon 06-12345678"), nullptr);
  EXPECT_NE(FindText(ctx, {"footer"}, "jan.devries@example.nl"), nullptr);
  EXPECT_NE(FindText(ctx, {"footnotes"}, "Bron: intake met jan.devries@example.nl"), nullptr);
}

TEST(DocxTest, TrackedInsertionsAndDeletionsAreScanned) {
  auto ctx = ExtractFile("report.docx");
  // w:del keeps the old IBAN in w:delText; w:ins adds a phone number.
  EXPECT_NE(FindText(ctx, {}, "Oud rekeningnummer: NL20INGB0001234567 nieuw telefoonnummer 06-87654321"),
            nullptr);
}

TEST(DocxTest, CommentWithAuthor) {
  auto ctx = ExtractFile("report.docx");
  EXPECT_NE(FindText(ctx, {"comment 1"}, "Klant belde vanaf 06-11223344"), nullptr);
  const auto* author = FindMetadata(ctx, {"comment 1"}, "author");
  ASSERT_NE(author, nullptr);
  EXPECT_EQ(author->text, "Kees Bakker");
}

TEST(DocxTest, CoreAndAppProperties) {
  auto ctx = ExtractFile("report.docx");
  const auto* creator = FindMetadata(ctx, {}, "creator");
  const auto* modified = FindMetadata(ctx, {}, "lastModifiedBy");
  const auto* company = FindMetadata(ctx, {}, "Company");
  ASSERT_NE(creator, nullptr);
  ASSERT_NE(modified, nullptr);
  ASSERT_NE(company, nullptr);
  EXPECT_EQ(creator->text, "Jan de Vries");
  EXPECT_EQ(modified->text, "Piet Jansen");
  EXPECT_EQ(company->text, "Voorbeeld BV");
}

TEST(DocxTest, EmbeddedWorkbookIsAChildReadThroughTheRegistry) {
  auto ctx = ExtractFile("report.docx");
  ASSERT_EQ(ctx.children.size(), 1u);
  EXPECT_EQ(ctx.children[0].where, Location({"embedded Microsoft_Excel_Worksheet.xlsx"}));
  const auto* cell = FindText(ctx, {"embedded Microsoft_Excel_Worksheet.xlsx", "sheet Klanten", "cell C2"},
                              "111222333");
  ASSERT_NE(cell, nullptr);
  EXPECT_EQ(cell->label, "BSN");
}

// --- XLSX (openpyxl) --------------------------------------------------------

TEST(XlsxTest, NumericBsnCellWithColumnHeaderLabel) {
  auto ctx = ExtractFile("klanten.xlsx");
  const auto* cell = FindText(ctx, {"sheet Klanten", "cell C2"}, "111222333");
  ASSERT_NE(cell, nullptr);
  EXPECT_EQ(cell->text, "111222333");
  EXPECT_EQ(cell->info.kind, SegmentKind::kCell);
  EXPECT_EQ(cell->label, "BSN");
  EXPECT_TRUE(ctx.problems.empty()) << ctx.problems[0].reason;
}

TEST(XlsxTest, NumbersAreWrittenAsIntegers) {
  auto ctx = ExtractFile("klanten.xlsx");
  // Stored as 23456784 (leading zero lost) and as "1.11222333E8".
  const auto* lost_zero = FindText(ctx, {"sheet Klanten", "cell C3"}, "");
  const auto* exponent = FindText(ctx, {"sheet Klanten", "cell C4"}, "");
  ASSERT_NE(lost_zero, nullptr);
  ASSERT_NE(exponent, nullptr);
  EXPECT_EQ(lost_zero->text, "23456784");
  EXPECT_EQ(exponent->text, "111222333");
}

TEST(XlsxTest, InlineStringsSharedStringsAndDates) {
  auto ctx = ExtractFile("klanten.xlsx");
  const auto* inline_string = FindText(ctx, {"sheet Klanten", "cell E5"}, "0612345678");
  ASSERT_NE(inline_string, nullptr);
  EXPECT_EQ(inline_string->label, "Telefoon");
  const auto* date = FindText(ctx, {"sheet Klanten", "cell F2"}, "");
  ASSERT_NE(date, nullptr);
  EXPECT_EQ(date->text, "1985-03-12");
  EXPECT_EQ(date->label, "Geboortedatum");
  const auto* shared = FindText(ctx, {"sheet Notities", "cell A2"}, "jan.devries@example.nl");
  ASSERT_NE(shared, nullptr);
  EXPECT_EQ(shared->label, "Opmerking");
  // A header cell has no label of its own.
  const auto* header = FindText(ctx, {"sheet Klanten", "cell C1"}, "BSN");
  ASSERT_NE(header, nullptr);
  EXPECT_EQ(header->label, "");
}

TEST(XlsxTest, CellCommentWithAuthor) {
  auto ctx = ExtractFile("klanten.xlsx");
  EXPECT_NE(FindText(ctx, {"sheet Klanten", "comment D2"}, "belde vanaf 06-11223344"), nullptr);
  const auto* author = FindMetadata(ctx, {"sheet Klanten", "comment D2"}, "author");
  ASSERT_NE(author, nullptr);
  EXPECT_EQ(author->text, "Kees Bakker");
}

TEST(XlsxTest, WorkbookProperties) {
  auto ctx = ExtractFile("klanten.xlsx");
  const auto* creator = FindMetadata(ctx, {}, "creator");
  ASSERT_NE(creator, nullptr);
  EXPECT_EQ(creator->text, "Jan de Vries");
}

// --- PPTX (hand-built) ------------------------------------------------------

TEST(PptxTest, SlidesInShowOrderAndNotes) {
  auto ctx = ExtractFile("slides.pptx");
  // slide2.xml is listed first in presentation.xml: it is slide 1.
  EXPECT_NE(FindText(ctx, {"slide 1"}, "Klantoverzicht\nContact: Jan de Vries\n"), nullptr);
  EXPECT_NE(FindText(ctx, {"slide 2"}, "IBAN NL91ABNA0417164300"), nullptr);
  EXPECT_NE(FindText(ctx, {"notes 1"}, "Spreker: bel 06-12345678"), nullptr);
  const auto* modified = FindMetadata(ctx, {}, "lastModifiedBy");
  ASSERT_NE(modified, nullptr);
  EXPECT_EQ(modified->text, "Piet Jansen");
  EXPECT_TRUE(ctx.problems.empty()) << ctx.problems[0].reason;
}

// --- Hostile and damaged input ----------------------------------------------

TEST(OoxmlHostileTest, ZeroBytesAndRandomBytesAreCorruptNotACrash) {
  for (const char* name : {"empty.docx", "random.docx"}) {
    auto ctx = ExtractFile(name);
    EXPECT_TRUE(ctx.texts.empty()) << name;
    EXPECT_TRUE(HasProblem(ctx, FileStatus::kCorrupt, "not a readable zip")) << name;
  }
}

TEST(OoxmlHostileTest, RandomBytesNamedDocxAreNotSniffedAsDocx) {
  RecordingContext ctx;
  std::string type = DispatchItem(DocumentFixture("random.docx"), {}, {"random.docx", ""}, ctx);
  EXPECT_NE(type, "docx");
  EXPECT_TRUE(ctx.texts.empty());
}

TEST(OoxmlHostileTest, TruncatedDocxKeepsWhatWasReadAndSaysCorrupt) {
  auto ctx = ExtractFile("truncated.docx");
  // document.xml comes early in the zip: the body survives the cut.
  EXPECT_NE(FindText(ctx, {}, "Jan de Vries\tNL91ABNA0417164300\t111222333"), nullptr);
  EXPECT_TRUE(HasProblem(ctx, FileStatus::kCorrupt, "docx: damaged zip"));
}

TEST(OoxmlHostileTest, PartOverMemberSizeLimitIsRefused) {
  Limits limits;
  limits.max_member_size = 1000;  // word/document.xml is ~3 KB
  auto ctx = ExtractFile("report.docx", limits);
  EXPECT_EQ(FindText(ctx, {}, "Contactpersoon"), nullptr);
  EXPECT_TRUE(HasProblem(ctx, FileStatus::kLimit, "docx: document part part larger than max_member_size"));
}

TEST(OoxmlHostileTest, ExpandedBytesBudgetStopsReading) {
  Limits limits;
  limits.max_expanded_bytes = 2000;
  auto ctx = ExtractFile("report.docx", limits);
  EXPECT_TRUE(HasProblem(ctx, FileStatus::kLimit, "max_expanded_bytes"));
  EXPECT_TRUE(ctx.children.empty());
}

TEST(OoxmlHostileTest, EntityExpansionIsNotPerformed) {
  // "Billion laughs": ten levels of ten references.
  std::string dtd = "<!DOCTYPE w:document [<!ENTITY a0 \"lol\">";
  for (int i = 1; i < 10; ++i) {
    dtd += "<!ENTITY a" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) dtd += "&a" + std::to_string(i - 1) + ";";
    dtd += "\">";
  }
  dtd += "]>";
  std::string document = "<?xml version=\"1.0\"?>" + dtd +
                         "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                         "<w:body><w:p><w:r><w:t>Jan de Vries &a9;</w:t></w:r></w:p></w:body></w:document>";
  std::string zip = MakeZip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", document}});
  RecordingContext ctx;
  OoxmlExtractor().Extract(zip, {}, ctx);
  size_t total = 0;
  for (const auto& t : ctx.texts) total += t.text.size();
  EXPECT_LT(total, 10000u);
}

TEST(OoxmlHostileTest, MalformedXmlKeepsTextBeforeTheDamage) {
  // libxml2's reader stops at a fatal error; what it parsed before (all but
  // the last chunk) has been delivered.
  std::string body = "<w:p><w:r><w:t>IBAN NL91ABNA0417164300</w:t></w:r></w:p>";
  for (int i = 0; i < 500; ++i) body += "<w:p><w:r><w:t>Opvulling " + std::to_string(i) + "</w:t></w:r></w:p>";
  std::string zip = MakeZip({{"[Content_Types].xml", "<Types/>"},
                             {"word/document.xml",
                              "<w:document xmlns:w=\"urn:w\"><w:body>" + body + "<w:p><w:r><w:t>kapot</w:r>"}});
  RecordingContext ctx;
  OoxmlExtractor().Extract(zip, {}, ctx);
  EXPECT_NE(FindText(ctx, {}, "IBAN NL91ABNA0417164300"), nullptr);
  EXPECT_TRUE(HasProblem(ctx, FileStatus::kCorrupt, "docx: document part is not well-formed XML"));
}

TEST(OoxmlHostileTest, HugeSheetDimensionsCostNothing) {
  // Cells far apart, rows without r attributes: addresses come from the refs.
  std::string sheet =
      "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
      "<row><c t=\"inlineStr\"><is><t>BSN</t></is></c></row>"
      "<row r=\"1048576\"><c r=\"XFD1048576\"><v>111222333</v></c><c><v>7</v></c></row>"
      "</sheetData></worksheet>";
  std::string zip = MakeZip({
      {"[Content_Types].xml", "<Types/>"},
      {"xl/workbook.xml",
       "<workbook xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
       "<sheets><sheet name=\"Groot\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       "<Relationships><Relationship Id=\"rId1\" Type=\"x/worksheet\" Target=\"worksheets/s.xml\"/>"
       "</Relationships>"},
      {"xl/worksheets/s.xml", sheet},
  });
  RecordingContext ctx;
  OoxmlExtractor().Extract(zip, {}, ctx);
  EXPECT_NE(FindText(ctx, {"sheet Groot", "cell A1"}, "BSN"), nullptr);
  EXPECT_NE(FindText(ctx, {"sheet Groot", "cell XFD1048576"}, "111222333"), nullptr);
  // The cell after XFD has no r: it is the next column.
  EXPECT_NE(FindText(ctx, {"sheet Groot", "cell XFE1048576"}, "7"), nullptr);
}

TEST(OoxmlHostileTest, PlainZipCalledDocxIsReportedNotHandedBack) {
  // Not handed to the zip extractor: a zip extractor that routes documents
  // here would call us back without end (found by document_mutation_test).
  std::string zip = MakeZip({{"notes.txt", "Jan de Vries"}});
  RecordingContext ctx;
  OoxmlExtractor().Extract(zip, {}, ctx);
  EXPECT_TRUE(ctx.texts.empty());
  EXPECT_TRUE(HasProblem(ctx, FileStatus::kCorrupt, "ooxml: zip without the parts of an office document"));
}

TEST(OoxmlHostileTest, MainPartWithoutContentTypesIsStillRead) {
  std::string zip = MakeZip({{"word/document.xml",
                              "<w:document xmlns:w=\"urn:w\"><w:body><w:p><w:r><w:t>BSN 111222333</w:t></w:r>"
                              "</w:p></w:body></w:document>"}});
  RecordingContext ctx;
  OoxmlExtractor().Extract(zip, {}, ctx);
  EXPECT_NE(FindText(ctx, {}, "BSN 111222333"), nullptr);
}

}  // namespace
}  // namespace piiscan::formats
