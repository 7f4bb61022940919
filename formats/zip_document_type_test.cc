#include "formats/zip_document_type.h"

#include <gtest/gtest.h>

#include "formats/office/office_test_util.h"
#include "formats/sniff.h"

namespace piiscan::formats {
namespace {

TEST(ZipDocumentTypeTest, OoxmlByMainPartOrFolder) {
  EXPECT_EQ(DocumentTypeOfZipEntries({"[Content_Types].xml", "_rels/.rels", "word/document.xml"}), "docx");
  EXPECT_EQ(DocumentTypeOfZipEntries({"[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"}),
            "xlsx");
  EXPECT_EQ(DocumentTypeOfZipEntries({"[Content_Types].xml", "ppt/presentation.xml"}), "pptx");
  EXPECT_EQ(DocumentTypeOfZipEntries({"[Content_Types].xml", "word/document2.xml"}), "docx");
  EXPECT_EQ(DocumentTypeOfZipEntries({"[Content_Types].xml", "other/thing.xml"}), "");
}

TEST(ZipDocumentTypeTest, OdfByNamesAndMimetype) {
  const std::vector<std::string> odf = {"mimetype", "content.xml", "styles.xml", "META-INF/manifest.xml"};
  EXPECT_EQ(DocumentTypeOfZipEntries(odf, "application/vnd.oasis.opendocument.spreadsheet"), "ods");
  EXPECT_EQ(DocumentTypeOfZipEntries(odf, "application/vnd.oasis.opendocument.presentation"), "odp");
  EXPECT_EQ(DocumentTypeOfZipEntries(odf, "application/vnd.oasis.opendocument.text\n"), "odt");
  EXPECT_EQ(DocumentTypeOfZipEntries(odf), "odt");  // names alone: the ODF extractor reads all kinds
  EXPECT_EQ(DocumentTypeOfZipEntries(odf, "application/vnd.oasis.opendocument.graphics"), "");
}

TEST(ZipDocumentTypeTest, PlainZipsAreNoDocuments) {
  EXPECT_EQ(DocumentTypeOfZipEntries({}), "");
  EXPECT_EQ(DocumentTypeOfZipEntries({"klanten.csv", "word/readme.txt"}), "");
  EXPECT_EQ(DocumentTypeOfZipEntries({"content.xml"}), "");
}

TEST(ZipDocumentTypeTest, SniffTellsDocumentsFromPlainZipsByLocalHeaders) {
  const std::pair<const char*, const char*> kFixtures[] = {
      {"report.docx", "docx"}, {"klanten.xlsx", "xlsx"},   {"slides.pptx", "pptx"},
      {"brief.odt", "odt"},    {"klanten.ods", "ods"},     {"presentatie.odp", "odp"},
      {"truncated.docx", "docx"}};
  for (const auto& [file, type] : kFixtures) {
    std::string bytes = testing::DocumentFixture(file);
    EXPECT_EQ(DocumentTypeOfZipHead(bytes), type) << file;
    EXPECT_EQ(Sniff(bytes, "bijlage.bin").type, type) << file;
  }
  // A zip whose text mentions the part names is still a plain zip.
  std::string zip = testing::MakeZip({{"lees.txt", "[Content_Types].xml word/document.xml"}});
  EXPECT_EQ(DocumentTypeOfZipHead(zip), "");
  EXPECT_EQ(Sniff(zip, "x.docx").type, "zip");
  EXPECT_EQ(DocumentTypeOfZipHead(std::string("PK\x03\x04", 4)), "");
  // Not starting with a package part: left to the zip extractor (as libmagic would).
  std::string unusual = testing::MakeZip({{"word/document.xml", "<w:document/>"}, {"[Content_Types].xml", "<Types/>"}});
  EXPECT_EQ(DocumentTypeOfZipHead(unusual), "");
  EXPECT_EQ(DocumentTypeOfZipEntries({"word/document.xml", "[Content_Types].xml"}), "docx");
}

}  // namespace
}  // namespace piiscan::formats
