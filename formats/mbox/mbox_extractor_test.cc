#include "formats/mbox/mbox_extractor.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "formats/dispatch.h"
#include "formats/recording_context.h"
#include "formats/sniff.h"
#include "tests/support/test_support.h"

namespace piiscan::formats {
namespace {

namespace fs = std::filesystem;
using ::piiscan::testing::GeneratedFixturesDir;
using ::piiscan::testing::ReadFile;

std::string MboxFixture() {
  return (fs::path(GeneratedFixturesDir()) / "mail" / "mailbox.mbox").string();
}

// Records DoneWith offsets as well.
class StreamingContext : public RecordingContext {
 public:
  void DoneWith(uint64_t offset) override { done.push_back(offset); }
  std::vector<uint64_t> done;
};

std::string Problems(const RecordingContext& ctx) {
  std::string out;
  for (const auto& p : ctx.problems) out += p.reason + " @" + JoinLocation(p.where) + "\n";
  return out;
}

std::string Message(int n, const std::string& body) {
  return "From jan@example.nl Wed Mar  1 12:00:00 2023\nFrom: Afzender <a@example.nl>\n"
         "Subject: Bericht " + std::to_string(n) + "\n\n" + body + "\n";
}

TEST(MboxExtractor, FixtureYieldsEveryMessageWithAttachments) {
  std::string bytes = ReadFile(MboxFixture());
  ASSERT_FALSE(bytes.empty());
  StreamingContext ctx;
  EXPECT_EQ(DispatchItem(bytes, {}, {"mailbox.mbox", ""}, ctx), "mbox");
  EXPECT_EQ(Problems(ctx), "");

  std::vector<Location> messages;
  for (const auto& c : ctx.children) {
    if (c.where.size() == 1) {
      messages.push_back(c.where);
      EXPECT_EQ(c.mime_type, "message/rfc822");
    }
  }
  EXPECT_EQ(messages, (std::vector<Location>{{"message 1"}, {"message 2"}, {"message 3"}, {"message 4"}}));

  EXPECT_TRUE(ctx.HasTextAt("message 1", "06-12345678"));
  // The escaped ">From here on" line stays inside message 2.
  EXPECT_TRUE(ctx.HasTextAt("message 2", "From here on: IBAN NL91ABNA0417164300."));
  EXPECT_TRUE(ctx.HasTextAt("message 3", ">From een eerdere mail: jan.devries@example.nl"));
  EXPECT_TRUE(ctx.HasTextAt("message 4", "Vierde bericht van Piet Jansen."));
  // The attachment of message 2, read as CSV.
  bool cell = false;
  for (const auto& t : ctx.texts) {
    cell |= t.where == Location{"message 2", "attachment klanten.csv"} && t.label == "bsn" &&
            t.text == "111222333";
  }
  EXPECT_TRUE(cell);
  // Each message carries its own Date header.
  ASSERT_EQ(ctx.dates.size(), 4u);
  EXPECT_EQ(ctx.dates[0], (std::pair<Location, int64_t>{{"message 1"}, 1677672000}));
  EXPECT_EQ(ctx.dates[3], (std::pair<Location, int64_t>{{"message 4"}, 1677672000 + 3 * 86400}));
  // Pages can be dropped message by message, up to the end of the file.
  ASSERT_EQ(ctx.done.size(), 4u);
  EXPECT_TRUE(std::is_sorted(ctx.done.begin(), ctx.done.end()));
  EXPECT_EQ(ctx.done.back(), bytes.size());
}

TEST(MboxExtractor, UnescapedFromInBodySplitsOnlyBeforeAHeader) {
  std::string mbox = Message(1, "Eerste.\n\nFrom here on we talk about NL91ABNA0417164300.\nEinde.") + "\n" +
                     Message(2, "Tweede, BSN 111222333.");
  RecordingContext ctx;
  MboxExtractor().Extract(mbox, {"box"}, ctx);
  ASSERT_EQ(ctx.children.size(), 2u);
  EXPECT_TRUE(ctx.HasTextAt("message 1", "From here on we talk about NL91ABNA0417164300.\nEinde."));
  EXPECT_TRUE(ctx.HasTextAt("message 2", "BSN 111222333"));
  EXPECT_EQ(ctx.children[1].where, (Location{"box", "message 2"}));
}

TEST(MboxExtractor, FromLineWithoutEmptyLineBeforeDoesNotSplit) {
  std::string mbox = Message(1, "Regel.\nFrom x Wed Mar  1 12:00:00 2023\nSubject: nep") + "\n" + Message(2, "twee");
  RecordingContext ctx;
  MboxExtractor().Extract(mbox, {}, ctx);
  EXPECT_EQ(ctx.children.size(), 2u);
}

TEST(MboxExtractor, CrlfMailbox) {
  std::string mbox = "From a Wed Mar  1 12:00:00 2023\r\nFrom: a@example.nl\r\nSubject: een\r\n\r\nIBAN NL91ABNA0417164300\r\n\r\n"
                     "From b Wed Mar  1 12:00:00 2023\r\nFrom: b@example.nl\r\nSubject: twee\r\n\r\nBSN 111222333\r\n";
  RecordingContext ctx;
  MboxExtractor().Extract(mbox, {}, ctx);
  ASSERT_EQ(ctx.children.size(), 2u);
  EXPECT_TRUE(ctx.HasTextAt("message 1", "NL91ABNA0417164300"));
  EXPECT_TRUE(ctx.HasTextAt("message 2", "BSN 111222333"));
}

TEST(MboxExtractor, TruncatedMailboxReadsWhatIsThere) {
  std::string bytes = ReadFile(MboxFixture());
  size_t third = bytes.find("Subject: Bericht 3");
  ASSERT_NE(third, std::string::npos);
  std::string cut = bytes.substr(0, third + 12);  // inside message 3's header block
  RecordingContext ctx;
  EXPECT_EQ(DispatchItem(cut, {}, {"mailbox.mbox", ""}, ctx), "mbox");
  EXPECT_EQ(ctx.children.back().where, (Location{"message 3"}));
  EXPECT_TRUE(ctx.HasTextAt("message 2", "NL91ABNA0417164300"));
  // A header cut in the middle of a line is still a (partial) header.
  bool partial_subject = false;
  for (const auto& t : ctx.texts) partial_subject |= t.where == Location{"message 3"} && t.label == "Subject";
  EXPECT_TRUE(partial_subject);
}

TEST(MboxExtractor, TextThatStartsWithFromIsReadAsText) {
  std::string text = "From the desk of Jan de Vries\nBel 06-12345678.\n";
  RecordingContext ctx;
  MboxExtractor().Extract(text, {}, ctx);
  EXPECT_TRUE(ctx.children.empty());
  EXPECT_NE(ctx.AllText().find("Bel 06-12345678."), std::string::npos);
}

TEST(MboxExtractor, EmptyAndTinyInputs) {
  for (std::string input : {std::string(), std::string("From "), std::string("From x\n"),
                            std::string("From x\nA:"), std::string("From x\nA: b\n\nFrom ")}) {
    RecordingContext ctx;
    MboxExtractor().Extract(input, {}, ctx);
    EXPECT_LE(ctx.children.size(), 1u);
  }
}

// Counts instead of keeping every text: a 50 MB mailbox has ~50,000 messages.
class CountingContext : public RecordingContext {
 public:
  void Text(std::string_view utf8, const Location& where, const SegmentInfo& info) override {
    if (info.label == "Subject") ++subjects;
    if (utf8.find("SLOT") != std::string_view::npos) RecordingContext::Text(utf8, where, info);
  }
  void Child(std::string_view bytes, const Location& where, const ChildInfo& info) override {
    ++messages;
    last = where;
    RecordingContext::Child(bytes, where, info);
    children.clear();
  }
  void DoneWith(uint64_t offset) override {
    monotonic &= offset >= done;
    done = offset;
  }
  uint64_t subjects = 0, messages = 0, done = 0;
  bool monotonic = true;
  Location last;
};

TEST(MboxExtractor, FiftyMegabyteMailboxExtractsEveryMessage) {
  std::string body(900, 'x');
  for (size_t i = 80; i < body.size(); i += 81) body[i] = '\n';
  std::string mbox;
  mbox.reserve(52u << 20);
  int n = 0;
  while (mbox.size() < (50u << 20)) {
    ++n;
    mbox += "From sender@example.nl Wed Mar  1 12:00:00 2023\n"
            "From: Afzender <afzender@example.nl>\nTo: jan.devries@example.nl\n"
            "Subject: Bericht " + std::to_string(n) + "\nDate: Wed, 01 Mar 2023 12:00:00 +0000\n\n" +
            body + "\n\nFrom the team: bye\n\n";
  }
  mbox += "From sender@example.nl Wed Mar  1 12:00:00 2023\nSubject: laatste\n\nSLOT NL91ABNA0417164300\n";
  ++n;
  CountingContext ctx;
  MboxExtractor().Extract(mbox, {"big.mbox"}, ctx);
  EXPECT_EQ(ctx.messages, static_cast<uint64_t>(n));
  EXPECT_EQ(ctx.subjects, static_cast<uint64_t>(n));
  EXPECT_EQ(ctx.last, (Location{"big.mbox", "message " + std::to_string(n)}));
  EXPECT_TRUE(ctx.HasTextAt("message " + std::to_string(n), "SLOT NL91ABNA0417164300"));
  EXPECT_TRUE(ctx.monotonic);
  EXPECT_EQ(ctx.done, mbox.size());
  EXPECT_TRUE(ctx.problems.empty()) << Problems(ctx);
}

}  // namespace
}  // namespace piiscan::formats
