#include "formats/html/html_extractor.h"

#include <gtest/gtest.h>

#include <string>

#include "formats/dispatch.h"
#include "formats/recording_context.h"
#include "formats/sniff.h"

namespace piiscan::formats {
namespace {

const Location kPage = {"page.html"};

RecordingContext Extract(std::string_view html, Limits limits = {}) {
  RecordingContext ctx(limits);
  HtmlExtractor().Extract(html, kPage, ctx);
  return ctx;
}

// The body text (all kBody segments joined).
std::string Body(const RecordingContext& ctx) {
  std::string out;
  for (const auto& t : ctx.texts) {
    if (t.info.kind == SegmentKind::kBody) out += t.text.substr(t.info.report_from);
  }
  return out;
}

// The attribute segments as "label=value" lines.
std::string Attributes(const RecordingContext& ctx) {
  std::string out;
  for (const auto& t : ctx.texts) {
    if (t.info.kind == SegmentKind::kAttribute) out += t.label + "=" + t.text + "\n";
  }
  return out;
}

TEST(HtmlExtractor, TableCellsAndBlocksDoNotGlueWords) {
  auto ctx = Extract(
      "<html><body><h1>Klant</h1><table><tr><td>Naam:</td><td>Jan de Vries</td></tr>"
      "<tr><th>BSN</th><td>111222333</td></tr></table><p>Einde</p><div>van</div>de<br>tekst"
      "</body></html>");
  EXPECT_EQ(Body(ctx), "Klant\nNaam:\tJan de Vries\nBSN\t111222333\nEinde\nvan\nde\ntekst");
  ASSERT_FALSE(ctx.texts.empty());
  EXPECT_EQ(ctx.texts[0].where, kPage);
  EXPECT_TRUE(ctx.problems.empty());
}

TEST(HtmlExtractor, CollapsesWhitespaceAndDecodesEntities) {
  auto ctx = Extract("<p>  Caf&eacute;\n   &amp;   Zo&#235;\t<b>Janssen</b>&nbsp;x </p>");
  EXPECT_EQ(Body(ctx), "Caf\xC3\xA9 & Zo\xC3\xAB Janssen\xC2\xA0x");
}

TEST(HtmlExtractor, PreKeepsLayout) {
  auto ctx = Extract("<pre>IBAN:   NL91ABNA0417164300\n  BSN: 111222333</pre>");
  EXPECT_EQ(Body(ctx), "IBAN:   NL91ABNA0417164300\n  BSN: 111222333");
}

TEST(HtmlExtractor, ScriptIsReadStyleAndCommentsAreNot) {
  auto ctx = Extract(
      "<html><head><style>.a{content:'stijlgeheim'}</style>"
      "<script type=\"application/json\">{\"bsn\": \"111222333\"}</script></head>"
      "<body><!-- commentaargeheim --><p>zichtbaar</p></body></html>");
  std::string body = Body(ctx);
  EXPECT_NE(body.find("{\"bsn\": \"111222333\"}"), std::string::npos) << body;
  EXPECT_NE(body.find("zichtbaar"), std::string::npos);
  EXPECT_EQ(ctx.AllText().find("stijlgeheim"), std::string::npos);
  EXPECT_EQ(ctx.AllText().find("commentaargeheim"), std::string::npos);
}

TEST(HtmlExtractor, DataCarryingAttributesAreSegments) {
  auto ctx = Extract(
      "<html><head><meta name=\"author\" content=\"Jan de Vries\">"
      "<meta charset=\"utf-8\"></head><body>"
      "<a href=\"mailto:jan.devries%40example.nl?subject=Hallo\">mail</a>"
      "<a href=\"TEL:+31612345678\">bel</a>"
      "<a href=\"https://example.nl/\" title=\"Profiel van Piet\">web</a>"
      "<img src=\"x.png\" alt=\"Pasfoto Jan\">"
      "<input name=\"bsn\" value=\"111222333\"><input id=\"iban\" value=\"NL91ABNA0417164300\">"
      "<option value=\"  \">leeg</option>"
      "</body></html>");
  EXPECT_EQ(Attributes(ctx),
            "author=Jan de Vries\n"
            "mailto=jan.devries@example.nl\n"
            "tel=+31612345678\n"
            "title=Profiel van Piet\n"
            "alt=Pasfoto Jan\n"
            "bsn=111222333\n"
            "iban=NL91ABNA0417164300\n");
  // The https link itself is not an attribute segment.
  EXPECT_EQ(ctx.AllText().find("https://"), std::string::npos);
}

TEST(HtmlExtractor, HonoursMetaCharset) {
  std::string html =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
      "</head><body><p>Zo\xEB M\xFCller \x80 12</p></body></html>";
  EXPECT_NE(Body(Extract(html)).find("Zo\xC3\xAB M\xC3\xBCller \xE2\x82\xAC 12"), std::string::npos);
}

TEST(HtmlExtractor, GuessesUndeclaredLegacyCharset) {
  std::string html =
      "<p>Geachte mevrouw Zo\xEB Janssen, wij hebben uw gegevens ontvangen en \xE9\xE9n "
      "wijziging verwerkt. Met vriendelijke groet, Jurgen</p>";
  EXPECT_NE(Body(Extract(html)).find("Zo\xC3\xAB Janssen"), std::string::npos) << Body(Extract(html));
}

TEST(HtmlExtractor, ReadsUtf16WithBom) {
  std::string utf8 = "<p>Zo\xC3\xAB 06-12345678</p>";
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("<p>Zo")) utf16 += std::string{c, '\0'};
  utf16 += std::string("\xEB\0", 2);
  for (char c : std::string(" 06-12345678</p>")) utf16 += std::string{c, '\0'};
  EXPECT_EQ(Body(Extract(utf16)), "Zo\xC3\xAB 06-12345678");
}

TEST(HtmlExtractor, ExplicitCharsetBeatsMeta) {
  // A mail part declared ISO-8859-1 whose HTML claims UTF-8: the MIME label
  // describes the bytes as sent.
  std::string html = "<html><head><meta charset=\"utf-8\"></head><body>M\xFCller</body></html>";
  RecordingContext ctx;
  ExtractHtml(html, "ISO-8859-1", kPage, ctx);
  EXPECT_EQ(Body(ctx), "M\xC3\xBCller");
}

TEST(HtmlExtractor, BrokenMarkupIsRecoveredSilently) {
  ::testing::internal::CaptureStderr();
  auto ctx = Extract("<html><body><p>Jan <b>de <i>Vries</b></p><td>NL91ABNA0417164300<</tr>"
                     "<x:y z=>&bogus; &#xZZ; <p");
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(err, "");
  EXPECT_NE(Body(ctx).find("Jan de Vries"), std::string::npos) << Body(ctx);
  EXPECT_NE(Body(ctx).find("NL91ABNA0417164300"), std::string::npos);
}

TEST(HtmlExtractor, BinaryGarbageAndEmptyInputDoNotCrash) {
  std::string junk;
  for (int i = 0; i < 20000; ++i) junk += static_cast<char>((i * 7919) % 256);
  ::testing::internal::CaptureStderr();
  Extract(junk);
  Extract("");
  Extract("<");
  Extract(std::string(100000, '<'));
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
}

TEST(HtmlExtractor, LargePageIsHandedOverInOverlappingWindows) {
  Limits limits;
  limits.text_window = 64 * 1024;
  limits.text_overlap = 1024;
  std::string html = "<html><body>";
  for (int i = 0; i < 20000; ++i) html += "<p>regel " + std::to_string(i) + " van Jan</p>\n";
  html += "<p>EINDE NL91ABNA0417164300</p></body></html>";
  auto ctx = Extract(html, limits);
  ASSERT_GT(ctx.texts.size(), 5u);
  for (const auto& t : ctx.texts) EXPECT_LE(t.text.size(), limits.text_window + 1024);
  // Every line exactly once when the overlaps are skipped.
  std::string body = Body(ctx);
  EXPECT_NE(body.find("regel 0 van Jan\nregel 1 van Jan\n"), std::string::npos);
  EXPECT_NE(body.find("regel 12345 van Jan\nregel 12346 van Jan\n"), std::string::npos);
  EXPECT_NE(body.find("EINDE NL91ABNA0417164300"), std::string::npos);
  size_t count = 0;
  for (size_t p = body.find("regel 777 "); p != std::string::npos; p = body.find("regel 777 ", p + 1)) ++count;
  EXPECT_EQ(count, 1u);
  // Each window after the first starts with the tail of the one before.
  EXPECT_GT(ctx.texts[1].info.report_from, 0u);
}

TEST(HtmlExtractor, SniffedAndDispatchedAsHtml) {
  std::string html = "<!DOCTYPE html>\n<html><head><title>Lijst</title></head><body>"
                     "<p>Jan de Vries, 06-12345678</p></body></html>\n";
  EXPECT_EQ(Sniff(html, "export").type, "html");
  EXPECT_EQ(Sniff(html, "export.htm").type, "html");
  RecordingContext ctx;
  EXPECT_EQ(DispatchItem(html, {}, {"export.dat", ""}, ctx), "html");
  EXPECT_EQ(Body(ctx), "Lijst\nJan de Vries, 06-12345678");
}

}  // namespace
}  // namespace piiscan::formats
