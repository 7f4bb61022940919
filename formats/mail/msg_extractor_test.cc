#include "formats/mail/msg_extractor.h"

#include <gtest/gtest.h>

#include <random>

#include "formats/dispatch.h"
#include "formats/mail/lzfu.h"
#include "formats/mail/mapi_test_util.h"
#include "formats/mail/msg_storage.h"
#include "formats/registry.h"

namespace piiscan::formats {
namespace {

using testing::LabelledText;
using testing::TextAt;

const Location kTop = {};

bool HasProblem(const RecordingContext& ctx, FileStatus status) {
  for (const auto& p : ctx.problems) {
    if (p.status == status) return true;
  }
  return false;
}

RecordingContext ExtractMsg(std::string_view bytes) {
  RecordingContext ctx;
  MsgExtractor().Extract(bytes, kTop, ctx);
  return ctx;
}

TEST(MsgExtractorTest, MailHasSubjectSenderBodyAndDate) {
  PIISCAN_LOAD_FIXTURE(bytes, "mail/test_Blammo.msg");
  auto ctx = ExtractMsg(bytes);
  EXPECT_EQ(LabelledText(ctx, kTop, "Subject"), "BlammoBlammo");
  EXPECT_EQ(LabelledText(ctx, kTop, "From"), "TripleNickel <TripleNickel@mapi32.net>");
  EXPECT_NE(LabelledText(ctx, kTop, "").find("Blam"), std::string::npos);
  // Named properties (strings the headers do not show) are read as well.
  EXPECT_NE(LabelledText(ctx, kTop, "properties").find("Yippee555"), std::string::npos);
  ASSERT_EQ(ctx.dates.size(), 1u);
  EXPECT_EQ(ctx.dates[0].first, kTop);
  EXPECT_EQ(ctx.dates[0].second, 1191063764);  // 2007-09-29
  EXPECT_TRUE(ctx.problems.empty());
  EXPECT_TRUE(ctx.children.empty());
}

TEST(MsgExtractorTest, UnicodeContactGivesItsAddressAndNumbers) {
  PIISCAN_LOAD_FIXTURE(bytes, "mail/contact-unicode.msg");
  auto ctx = ExtractMsg(bytes);
  EXPECT_EQ(LabelledText(ctx, kTop, "Subject"), "(full name) A completely bogus contact");
  std::string props = LabelledText(ctx, kTop, "properties");
  EXPECT_NE(props.find("email@emailland.com"), std::string::npos);
  EXPECT_NE(props.find("(mobile) 0404 123 456"), std::string::npos);
  EXPECT_NE(props.find("(job title) Manager, bogus division"), std::string::npos);
  // Each value once, though the contact stores the address under two ids.
  EXPECT_EQ(props.find("email@emailland.com\n"), props.rfind("email@emailland.com\n"));
  EXPECT_TRUE(ctx.problems.empty());
}

TEST(MsgExtractorTest, AnsiContactGivesItsAddressAndCompany) {
  PIISCAN_LOAD_FIXTURE(bytes, "mail/Swetlana_Novikova.msg");
  auto ctx = ExtractMsg(bytes);
  EXPECT_EQ(LabelledText(ctx, kTop, "Subject"), "Swetlana Novikova");
  std::string props = LabelledText(ctx, kTop, "properties");
  EXPECT_NE(props.find("support@scalabium.com"), std::string::npos);
  EXPECT_NE(props.find("Scalabium Software"), std::string::npos);
  EXPECT_NE(props.find("Novikova, Swetlana"), std::string::npos);
}

TEST(MsgExtractorTest, NoteGivesItsText) {
  PIISCAN_LOAD_FIXTURE(bytes, "mail/note.msg");
  auto ctx = ExtractMsg(bytes);
  EXPECT_EQ(LabelledText(ctx, kTop, "Subject"), "note sample");
  EXPECT_NE(LabelledText(ctx, kTop, "").find("Just any information to store in Outlook"), std::string::npos);
}

TEST(MsgExtractorTest, AnsiMailGivesRecipientAndSignature) {
  PIISCAN_LOAD_FIXTURE(bytes, "mail/qwerty_1-orig.msg");
  auto ctx = ExtractMsg(bytes);
  EXPECT_EQ(LabelledText(ctx, kTop, "Subject"), "qwerty");
  EXPECT_EQ(LabelledText(ctx, kTop, "To"), "asdf");  // from the recipient table
  std::string body = LabelledText(ctx, kTop, "");
  EXPECT_NE(body.find("Charles Lowe"), std::string::npos);
  EXPECT_NE(body.find("Direct 61 2 9322 4181"), std::string::npos);
  EXPECT_NE(LabelledText(ctx, kTop, "properties").find("sydexmail1.freehills.com.au"), std::string::npos);
}

TEST(MsgExtractorTest, CompressedRtfOfEveryFixtureDecompressesWhole) {
  // Round trip of the LZFu decoder on real Outlook data: the CRC in each
  // header must match and the output must be the declared size of RTF.
  for (const char* name : {"test_Blammo.msg", "note.msg", "qwerty_1-orig.msg", "contact-unicode.msg",
                           "Swetlana_Novikova.msg"}) {
    SCOPED_TRACE(name);
    PIISCAN_LOAD_FIXTURE(bytes, std::string("mail/") + name);
    auto read = ReadMsg(bytes, 1 << 20);
    ASSERT_TRUE(read.has_value());
    const std::string* rtf = read->root.Stream(0x1009, kPtBinary);
    if (rtf == nullptr) continue;  // the contacts keep no RTF body
    auto inflated = DecompressLzfu(*rtf, 1 << 20);
    ASSERT_TRUE(inflated.has_value());
    EXPECT_TRUE(inflated->crc_ok);
    EXPECT_TRUE(inflated->complete);
    EXPECT_TRUE(inflated->rtf.starts_with("{\\rtf1")) << inflated->rtf.substr(0, 20);
  }
}

TEST(MsgExtractorTest, IsRegisteredForTheSniffedType) {
  PIISCAN_LOAD_FIXTURE(bytes, "mail/test_Blammo.msg");
  RecordingContext ctx;
  EXPECT_EQ(DispatchItem(bytes, {"attachment fwd.msg"}, ChildInfo{"fwd.msg", ""}, ctx), "msg");
  EXPECT_EQ(LabelledText(ctx, {"attachment fwd.msg"}, "Subject"), "BlammoBlammo");
}

TEST(MsgExtractorTest, TruncatedFileIsCorruptAndKeepsWhatWasRead) {
  PIISCAN_LOAD_FIXTURE(bytes, "mail/qwerty_1-orig.msg");
  for (size_t keep : {size_t{0}, size_t{8}, size_t{512}, size_t{1024}, bytes.size() / 2, bytes.size() - 512}) {
    SCOPED_TRACE(keep);
    auto ctx = ExtractMsg(std::string_view(bytes).substr(0, keep));
    EXPECT_TRUE(HasProblem(ctx, FileStatus::kCorrupt));
    for (const auto& p : ctx.problems) EXPECT_EQ(p.reason.find("qwerty"), std::string::npos);
  }
}

TEST(MsgExtractorTest, GarbageDoesNotCrash) {
  std::mt19937 rng(3);
  for (int round = 0; round < 20; ++round) {
    std::string junk(1 + rng() % 20000, '\0');
    for (auto& c : junk) c = static_cast<char>(rng());
    if (round % 2 == 0) junk.replace(0, std::min<size_t>(8, junk.size()), "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    auto ctx = ExtractMsg(junk);
    EXPECT_TRUE(HasProblem(ctx, FileStatus::kCorrupt));
  }
}

TEST(MsgExtractorTest, FlippedBytesInARealFileDoNotCrash) {
  PIISCAN_LOAD_FIXTURE(bytes, "mail/test_Blammo.msg");
  std::mt19937 rng(11);
  for (int round = 0; round < 50; ++round) {
    std::string damaged = bytes;
    for (int k = 0; k < 20; ++k) damaged[rng() % damaged.size()] = static_cast<char>(rng());
    ExtractMsg(damaged);  // must return; what it finds varies
  }
  SUCCEED();
}

// --- generated fixtures (corpus/fixtures/outlook_msg.py) -----------------

std::string Generated(const std::string& name) {
  return piiscan::testing::ReadFile(piiscan::testing::GeneratedFixturesDir() + "/outlook_msg/" + name);
}

TEST(MsgExtractorTest, RecipientsOfEachKindWithTheirAddresses) {
  std::string bytes = Generated("with_attachments.msg");
  ASSERT_FALSE(bytes.empty());
  auto ctx = ExtractMsg(bytes);
  EXPECT_EQ(LabelledText(ctx, kTop, "Subject"), "Offerte voor Jan de Vries");
  EXPECT_EQ(LabelledText(ctx, kTop, "From"), "Jan de Vries <jan.devries@example.nl>");
  EXPECT_EQ(LabelledText(ctx, kTop, "To"), "Piet Jansen <piet.jansen@example.nl>");
  EXPECT_EQ(LabelledText(ctx, kTop, "Cc"), "Klaas Bakker <klaas.bakker@example.nl>");
  ASSERT_EQ(ctx.dates.size(), 1u);
  EXPECT_EQ(ctx.dates[0].second, 1709285400);  // 2024-03-01 09:30 UTC
}

TEST(MsgExtractorTest, HtmlOnlyBodyGoesThroughTheHtmlExtractor) {
  std::string bytes = Generated("with_attachments.msg");
  ASSERT_FALSE(bytes.empty());
  auto ctx = ExtractMsg(bytes);
  std::string text = TextAt(ctx, kTop);
  EXPECT_NE(text.find("NL91ABNA0417164300"), std::string::npos);
  EXPECT_EQ(text.find("<p>"), std::string::npos) << "markup reached the detectors";
}

TEST(MsgExtractorTest, FileAttachmentIsAChildExtractedThroughTheRegistry) {
  std::string bytes = Generated("with_attachments.msg");
  ASSERT_FALSE(bytes.empty());
  auto ctx = ExtractMsg(bytes);
  ASSERT_GE(ctx.children.size(), 1u);
  EXPECT_EQ(ctx.children[0].where, Location{"attachment klanten.csv"});
  EXPECT_EQ(ctx.children[0].name, "klanten.csv");
  EXPECT_EQ(ctx.children[0].mime_type, "text/csv");
  EXPECT_EQ(ctx.children[0].size, 53u);
  EXPECT_TRUE(ctx.HasTextAt("attachment klanten.csv", "111222333"));
}

TEST(MsgExtractorTest, AttachedMessageIsReadInPlaceWithItsOwnAttachment) {
  std::string bytes = Generated("with_attachments.msg");
  ASSERT_FALSE(bytes.empty());
  auto ctx = ExtractMsg(bytes);
  const Location fwd = {"attachment Doorgestuurd bericht"};
  EXPECT_EQ(LabelledText(ctx, fwd, "Subject"), "Doorgestuurd bericht");
  EXPECT_EQ(LabelledText(ctx, fwd, "From"), "Marie Pieters <marie.pieters@example.nl>");
  EXPECT_NE(LabelledText(ctx, fwd, "").find("06-12345678"), std::string::npos);
  const Location note = {"attachment Doorgestuurd bericht", "attachment notitie.txt"};
  bool found = false;
  for (const auto& c : ctx.children) found |= c.where == note && c.name == "notitie.txt";
  EXPECT_TRUE(found);
  EXPECT_NE(TextAt(ctx, note).find("BSN van Jan: 111222333"), std::string::npos);
  EXPECT_TRUE(ctx.problems.empty());
}

TEST(MsgExtractorTest, NestingLimitStopsAttachedMessages) {
  std::string bytes = Generated("with_attachments.msg");
  ASSERT_FALSE(bytes.empty());
  Limits limits;
  limits.max_depth = 0;
  RecordingContext ctx(limits);
  MsgExtractor().Extract(bytes, kTop, ctx);
  EXPECT_EQ(LabelledText(ctx, {"attachment Doorgestuurd bericht"}, "Subject"), "");
  bool limited = false;
  for (const auto& p : ctx.problems) {
    limited |= p.status == FileStatus::kLimit && p.where == Location{"attachment Doorgestuurd bericht"};
  }
  EXPECT_TRUE(limited);
  EXPECT_EQ(LabelledText(ctx, kTop, "Subject"), "Offerte voor Jan de Vries");
}

TEST(MsgExtractorTest, RtfOnlyBodyInAnAnsiCodepage) {
  std::string bytes = Generated("rtf_only_ansi.msg");
  ASSERT_FALSE(bytes.empty());
  auto ctx = ExtractMsg(bytes);
  EXPECT_EQ(LabelledText(ctx, kTop, "Subject"), "Caf\u00e9 De Vries: factuur");
  EXPECT_EQ(LabelledText(ctx, kTop, "From"), "Ren\u00e9e Smit <renee.smit@example.nl>");
  std::string text = TextAt(ctx, kTop);
  EXPECT_NE(text.find("Beste Jan de Vries, uw IBAN is NL91ABNA0417164300."), std::string::npos);
  if (const FormatEntry* rtf = FindFormat("rtf"); rtf != nullptr && rtf->extractor != nullptr) {
    EXPECT_EQ(text.find("\\pard"), std::string::npos) << "RTF control words reached the detectors";
  }
  for (const auto& p : ctx.problems) EXPECT_NE(p.status, FileStatus::kCorrupt) << p.reason;
}

}  // namespace
}  // namespace piiscan::formats
