#include "formats/office/zip_document_type.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace piiscan::formats
