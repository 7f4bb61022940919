#include "formats/office/odf_extractor.h"

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

RecordingContext ExtractFile(const std::string& name) {
  RecordingContext ctx;
  OdfExtractor().Extract(DocumentFixture(name), {}, ctx);
  return ctx;
}

const std::string kNs =
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"";

std::string Content(const std::string& body) {
  return "<office:document-content " + kNs + "><office:body>" + body + "</office:body></office:document-content>";
}

TEST(OdtTest, ParagraphsTablesHeaderFooterAndMeta) {
  auto ctx = ExtractFile("brief.odt");
  EXPECT_NE(FindText(ctx, {}, "Klantdossier\nContactpersoon: Jan de Vries, e-mail\tjan.devries@example.nl\n"),
            nullptr);
  EXPECT_NE(FindText(ctx, {}, "Jan de Vries\tNL91ABNA0417164300\t111222333\n"), nullptr);
  EXPECT_NE(FindText(ctx, {"header"}, "Vertrouwelijk - telefoon 06-12345678"), nullptr);
  EXPECT_NE(FindText(ctx, {"footer"}, "Voorbeeld BV"), nullptr);
  const auto* initial = FindMetadata(ctx, {}, "initial-creator");
  const auto* creator = FindMetadata(ctx, {}, "creator");
  ASSERT_NE(initial, nullptr);
  ASSERT_NE(creator, nullptr);
  EXPECT_EQ(initial->text, "Jan de Vries");
  EXPECT_EQ(creator->text, "Piet Jansen");
  EXPECT_TRUE(ctx.problems.empty()) << ctx.problems[0].reason;
}

TEST(OdsTest, CellsWithSheetAddressAndColumnHeader) {
  auto ctx = ExtractFile("klanten.ods");
  // Shown as "111.222.333"; office:value is what counts.
  const auto* bsn = FindText(ctx, {"sheet Klanten", "cell C2"}, "");
  ASSERT_NE(bsn, nullptr);
  EXPECT_EQ(bsn->text, "111222333");
  EXPECT_EQ(bsn->label, "BSN");
  EXPECT_EQ(bsn->info.kind, SegmentKind::kCell);
  // Three empty cells in one repeated element: the next one is E3.
  EXPECT_NE(FindText(ctx, {"sheet Klanten", "cell E3"}, "06-12345678"), nullptr);
  const auto* note = FindText(ctx, {"sheet Notities", "cell A2"}, "Bel Jan de Vries terug");
  ASSERT_NE(note, nullptr);
  EXPECT_EQ(note->label, "Opmerking");
}

TEST(OdsTest, RepeatedEmptyRowsAreCountedNotExpanded) {
  auto ctx = ExtractFile("klanten.ods");
  // 3 rows, then 1048570 empty ones (16384 repeated empty cells each).
  const auto* far = FindText(ctx, {"sheet Klanten", "cell A1048574"}, "jan.devries@example.nl");
  ASSERT_NE(far, nullptr);
  EXPECT_EQ(far->label, "Naam");
  EXPECT_LT(ctx.texts.size(), 40u);
}

TEST(OdsTest, RepeatedCellWithContentIsReportedOnceAtItsFirstPosition) {
  std::string body =
      "<office:spreadsheet><table:table table:name=\"T\">"
      "<table:table-row><table:table-cell table:number-columns-repeated=\"1000000\">"
      "<text:p>Jan de Vries</text:p></table:table-cell>"
      "<table:table-cell><text:p>einde</text:p></table:table-cell></table:table-row>"
      "</table:table></office:spreadsheet>";
  RecordingContext ctx;
  OdfExtractor().Extract(MakeZip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                  {"content.xml", Content(body)}}),
                         {}, ctx);
  EXPECT_NE(FindText(ctx, {"sheet T", "cell A1"}, "Jan de Vries"), nullptr);
  EXPECT_NE(FindText(ctx, {"sheet T", "cell " + std::string("BDWGO1")}, "einde"), nullptr);
  EXPECT_EQ(ctx.texts.size(), 2u);
}

TEST(OdpTest, SlidesAndNotes) {
  auto ctx = ExtractFile("presentatie.odp");
  EXPECT_NE(FindText(ctx, {"slide 1"}, "Contact: Jan de Vries"), nullptr);
  EXPECT_NE(FindText(ctx, {"notes 1"}, "Spreker: bel 06-12345678"), nullptr);
  EXPECT_NE(FindText(ctx, {"slide 2"}, "IBAN NL91ABNA0417164300"), nullptr);
  EXPECT_EQ(FindText(ctx, {"slide 1"}, "Spreker"), nullptr);
}

TEST(OdfTest, SniffedTypesDispatchToTheOdfExtractor) {
  for (const char* name : {"brief.odt", "klanten.ods", "presentatie.odp"}) {
    RecordingContext ctx;
    std::string type = DispatchItem(DocumentFixture(name), {}, {"x.bin", ""}, ctx);
    EXPECT_EQ(type, std::string(name).substr(std::string(name).size() - 3)) << name;
    EXPECT_FALSE(ctx.texts.empty()) << name;
  }
}

TEST(OdfTest, PasswordProtectedPackageIsEncrypted) {
  std::string manifest =
      "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
      "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\">"
      "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\"/></manifest:file-entry>"
      "</manifest:manifest>";
  RecordingContext ctx;
  OdfExtractor().Extract(MakeZip({{"mimetype", "application/vnd.oasis.opendocument.text"},
                                  {"content.xml", std::string(200, '\x8f')},
                                  {"META-INF/manifest.xml", manifest}}),
                         {}, ctx);
  EXPECT_TRUE(ctx.texts.empty());
  EXPECT_TRUE(HasProblem(ctx, FileStatus::kEncrypted, "odt: password protected"));
}

TEST(OdfTest, EmbeddedOdfObjectIsReadInPlace) {
  std::string inner = "<office:text><text:p>IBAN NL91ABNA0417164300</text:p></office:text>";
  RecordingContext ctx;
  OdfExtractor().Extract(MakeZip({{"mimetype", "application/vnd.oasis.opendocument.text"},
                                  {"content.xml", Content("<office:text><text:p>Brief</text:p></office:text>")},
                                  {"Object 1/content.xml", Content(inner)}}),
                         {}, ctx);
  EXPECT_NE(FindText(ctx, {}, "Brief"), nullptr);
  EXPECT_NE(FindText(ctx, {"embedded Object 1"}, "IBAN NL91ABNA0417164300"), nullptr);
}

TEST(OdfTest, HostileInputIsCorruptNotACrash) {
  for (const std::string& bytes : {std::string(), std::string("PK\x03\x04", 4) + std::string(100, 'x'),
                                   DocumentFixture("random.docx")}) {
    RecordingContext ctx;
    OdfExtractor().Extract(bytes, {}, ctx);
    EXPECT_TRUE(ctx.texts.empty());
    EXPECT_TRUE(HasProblem(ctx, FileStatus::kCorrupt));
  }
  // Truncated: the mimetype and content entries survive the cut.
  std::string ods = DocumentFixture("klanten.ods");
  RecordingContext ctx;
  OdfExtractor().Extract(std::string_view(ods).substr(0, ods.size() * 2 / 3), {}, ctx);
  EXPECT_TRUE(HasProblem(ctx, FileStatus::kCorrupt));
}

}  // namespace
}  // namespace piiscan::formats
