#include "formats/rtf/rtf_extractor.h"

#include <gtest/gtest.h>

#include "formats/dispatch.h"
#include "formats/office/office_test_util.h"

namespace piiscan::formats {
namespace {

using testing::DocumentFixture;
using testing::FindMetadata;
using testing::FindText;
using testing::HasProblem;

RecordingContext Extract(std::string_view rtf) {
  RecordingContext ctx;
  RtfExtractor().Extract(rtf, {}, ctx);
  return ctx;
}

// The document text (all body segments at the top level).
std::string Body(const RecordingContext& ctx) {
  std::string out;
  for (const auto& t : ctx.texts) {
    if (t.info.kind == SegmentKind::kBody) out += t.text;
  }
  return out;
}

TEST(RtfTest, HandWrittenLetter) {
  auto ctx = Extract(DocumentFixture("brief.rtf"));
  std::string body = Body(ctx);
  EXPECT_NE(body.find("Geachte heer De Vries,\n"), std::string::npos);
  EXPECT_NE(body.find("Uw caf\u00e9 rekening van \u20ac 25,00 is betaald.\n"), std::string::npos);  // \'e9, \u8364?
  EXPECT_NE(body.find("Telefoon:\t06-12345678\nE-mail: jan.devries@example.nl\n"), std::string::npos);
  EXPECT_NE(body.find("Naam enrekening: Jan de Vries\n"), std::string::npos);  // \~ and \-
  EXPECT_NE(body.find("Naam\tIBAN\tBSN\nJan de Vries\tNL91ABNA0417164300\t111222333\n"), std::string::npos);
  EXPECT_NE(body.find("\u041f\u0435\u0442\u0440"), std::string::npos);  // \fcharset204: cp1251
  EXPECT_NE(body.find("dubbel\u20ac einde"), std::string::npos);          // \uc2 skips two \'80
  // Skipped destinations leave nothing behind.
  for (const char* absent : {"Arial", "Normal", "Handgeschreven", "89504e47", "0105000002", "yr2024"}) {
    EXPECT_EQ(body.find(absent), std::string::npos) << absent;
  }
  EXPECT_TRUE(ctx.problems.empty()) << ctx.problems[0].reason;
}

TEST(RtfTest, InfoAuthorAndTitleAreMetadata) {
  auto ctx = Extract(DocumentFixture("brief.rtf"));
  const auto* author = FindMetadata(ctx, {}, "author");
  const auto* title = FindMetadata(ctx, {}, "title");
  const auto* op = FindMetadata(ctx, {}, "operator");
  ASSERT_NE(author, nullptr);
  ASSERT_NE(title, nullptr);
  ASSERT_NE(op, nullptr);
  EXPECT_EQ(author->text, "Jan de Vries");
  EXPECT_EQ(title->text, "Brief aan klant");
  EXPECT_EQ(op->text, "Piet Jansen");
}

TEST(RtfTest, DispatchedBySignature) {
  RecordingContext ctx;
  EXPECT_EQ(DispatchItem(DocumentFixture("brief.rtf"), {}, {"brief.doc", ""}, ctx), "rtf");
  EXPECT_NE(FindText(ctx, {}, "NL91ABNA0417164300"), nullptr);
}

TEST(RtfTest, SurrogatePairsCodepagesAndEscapes) {
  auto ctx = Extract("{\\rtf1\\ansi\\ansicpg1250 a\\u-10179?\\u-8704?b \\'9a \\{x\\} c:\\\\d\\par}");
  EXPECT_EQ(Body(ctx), "a\U0001F600b \u0161 {x} c:\\d\n");
}

TEST(RtfTest, BinaryDataIsSkippedByCount) {
  // The six bytes after "\\bin6 " are data, braces included.
  auto ctx = Extract("{\\rtf1 voor \\bin6 ab}}}}na\\par}");
  EXPECT_EQ(Body(ctx), "voor na\n");
}

TEST(RtfTest, DeepNestingNeitherRecursesNorLosesText) {
  const int depth = 200000;
  std::string rtf = "{\\rtf1 " + std::string(depth, '{') + "IBAN NL91ABNA0417164300" + std::string(depth, '}') +
                    "\\par einde}";
  auto ctx = Extract(rtf);
  std::string body = Body(ctx);
  EXPECT_NE(body.find("IBAN NL91ABNA0417164300\neinde"), std::string::npos);
  EXPECT_TRUE(ctx.problems.empty());
}

TEST(RtfTest, TruncatedAndHostileInput) {
  auto truncated = Extract("{\\rtf1 Jan de Vries\\par {\\b 06-12");
  EXPECT_NE(Body(truncated).find("Jan de Vries\n06-12"), std::string::npos);
  EXPECT_TRUE(HasProblem(truncated, FileStatus::kCorrupt, "rtf: truncated"));
  for (std::string_view hostile :
       {std::string_view(""), std::string_view("\\"), std::string_view("{\\rtf1 \\'"),
        std::string_view("{\\rtf1 \\u"), std::string_view("}}}}{\\rtf1 x}"),
        std::string_view("{\\rtf1 \\bin99999999999 x}"), std::string_view("{\\rtf1 \\uc99999 \\u65 abc}")}) {
    Extract(hostile);  // must not crash or hang
  }
}

}  // namespace
}  // namespace piiscan::formats
