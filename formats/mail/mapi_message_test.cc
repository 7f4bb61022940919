#include "formats/mail/mapi_message.h"

#include <gtest/gtest.h>

#include "formats/mail/mapi_test_util.h"

namespace piiscan::formats {
namespace {

using testing::LabelledText;
using testing::TextAt;

const Location kAt = {"folder Inbox", "message 1"};

TEST(MapiMessageTest, HeadersAreLabelledAndRecipientsGroupedByKind) {
  MapiMessage msg;
  msg.subject = "Offerte";
  msg.sender_name = "Jan de Vries";
  msg.sender_address = "jan.devries@example.nl";
  msg.recipients = {{MapiRecipient::Kind::kTo, "Piet", "piet@example.nl"},
                    {MapiRecipient::Kind::kCc, "Klaas", ""},
                    {MapiRecipient::Kind::kTo, "", "anna@example.nl"}};
  msg.display_to = "ignored when recipients are known";
  RecordingContext ctx;
  EmitMapiMessage(msg, kAt, ctx);
  EXPECT_EQ(LabelledText(ctx, kAt, "Subject"), "Offerte");
  EXPECT_EQ(LabelledText(ctx, kAt, "From"), "Jan de Vries <jan.devries@example.nl>");
  EXPECT_EQ(LabelledText(ctx, kAt, "To"), "Piet <piet@example.nl>, anna@example.nl");
  EXPECT_EQ(LabelledText(ctx, kAt, "Cc"), "Klaas");
  for (const auto& t : ctx.texts) EXPECT_EQ(t.info.kind, SegmentKind::kHeader);
}

TEST(MapiMessageTest, PlainBodyWinsOverHtmlAndRtf) {
  MapiMessage msg;
  msg.plain_body = "plain 06-12345678";
  msg.html_body = "<p>html</p>";
  msg.rtf_body = "{\\rtf1 rtf}";
  RecordingContext ctx;
  EmitMapiMessage(msg, kAt, ctx);
  std::string text = TextAt(ctx, kAt);
  EXPECT_NE(text.find("plain 06-12345678"), std::string::npos);
  EXPECT_EQ(text.find("html"), std::string::npos);
  EXPECT_EQ(text.find("rtf"), std::string::npos);
}

TEST(MapiMessageTest, HtmlBodyIsUsedWithoutPlainText) {
  MapiMessage msg;
  msg.html_body = "<html><body><b>IBAN</b> NL91ABNA0417164300</body></html>";
  msg.rtf_body = "{\\rtf1 rtf}";
  RecordingContext ctx;
  EmitMapiMessage(msg, kAt, ctx);
  std::string text = TextAt(ctx, kAt);
  EXPECT_NE(text.find("NL91ABNA0417164300"), std::string::npos);
  EXPECT_EQ(text.find("rtf1"), std::string::npos);
}

TEST(MapiMessageTest, RtfBodyIsUsedLast) {
  MapiMessage msg;
  msg.rtf_body = "{\\rtf1\\ansi Bel 06-12345678\\par}";
  RecordingContext ctx;
  EmitMapiMessage(msg, kAt, ctx);
  EXPECT_NE(TextAt(ctx, kAt).find("06-12345678"), std::string::npos);
  EXPECT_TRUE(ctx.problems.empty());
}

TEST(MapiMessageTest, OtherStringsOnceAndNotRepeatingHeadersOrBody) {
  MapiMessage msg;
  msg.subject = "Jan de Vries";
  msg.plain_body = std::string(40, 'x') + " the body";
  msg.other_strings = {"jan@example.nl", "Jan de Vries", "jan@example.nl", "", std::string(40, 'x') + " the body\r\n",
                       "0612345678"};
  RecordingContext ctx;
  EmitMapiMessage(msg, kAt, ctx);
  EXPECT_EQ(LabelledText(ctx, kAt, "properties"), "jan@example.nl\n0612345678\n");
}

TEST(MapiMessageTest, DateIsGivenForTheMessageLocation) {
  MapiMessage msg;
  msg.unix_time = 1709285400;
  RecordingContext ctx;
  EmitMapiMessage(msg, kAt, ctx);
  ASSERT_EQ(ctx.dates.size(), 1u);
  EXPECT_EQ(ctx.dates[0], (std::pair<Location, int64_t>{kAt, 1709285400}));
}

TEST(MapiMessageTest, FiletimeConversion) {
  EXPECT_EQ(FiletimeToUnix(116444736000000000ULL), 0);
  EXPECT_EQ(FiletimeToUnix(128223592535930000ULL), 1177885653);  // the PST fixture's delivery time
  EXPECT_FALSE(FiletimeToUnix(0).has_value());
  EXPECT_FALSE(FiletimeToUnix(1).has_value());  // 1601
  EXPECT_FALSE(FiletimeToUnix(~0ULL).has_value());
}

TEST(MapiMessageTest, CodepageNamesForIconv) {
  EXPECT_EQ(CodepageCharset(1252), "CP1252");
  EXPECT_EQ(CodepageCharset(65001), "UTF-8");
  EXPECT_EQ(CodepageCharset(28591), "ISO-8859-1");
  EXPECT_EQ(CodepageCharset(28605), "ISO-8859-15");
  EXPECT_EQ(CodepageCharset(20127), "ASCII");
}

TEST(MapiMessageTest, AttachmentSteps) {
  EXPECT_EQ(AttachmentStep("cv.pdf", 3), "attachment cv.pdf");
  EXPECT_EQ(AttachmentStep("", 3), "attachment 3");
}

}  // namespace
}  // namespace piiscan::formats
