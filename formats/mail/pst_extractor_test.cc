#include "formats/mail/pst_extractor.h"

#include <gtest/gtest.h>

#include <random>
#include <set>

#include "formats/dispatch.h"
#include "formats/mail/mapi_test_util.h"

namespace piiscan::formats {
namespace {

using testing::LabelledText;
using testing::TextAt;

const Location kInboxMessage = {"folder Top of Personal Folders/Inbox", "message 1"};
const Location kRecoveredGroupMessage = {"folder Top of Personal Folders/Recovered_Group2", "message 1"};

bool HasProblem(const RecordingContext& ctx, FileStatus status) {
  for (const auto& p : ctx.problems) {
    if (p.status == status) return true;
  }
  return false;
}

TEST(PstExtractorTest, ReadsTheWelcomeMessageWithItsHeaders) {
  PIISCAN_LOAD_FIXTURE(bytes, "mail/outlook.pst");
  RecordingContext ctx;
  PstExtractor().Extract(bytes, {}, ctx);
  EXPECT_EQ(LabelledText(ctx, kInboxMessage, "Subject"), "Welcome to Microsoft Office Outlook 2003");
  EXPECT_EQ(LabelledText(ctx, kInboxMessage, "From"), "Outlook 2003 Team <olteam@microsoft.com>");
  EXPECT_EQ(LabelledText(ctx, kInboxMessage, "To"), "New Outlook User");
  EXPECT_NE(LabelledText(ctx, kInboxMessage, "").find("Thank you for using Microsoft"), std::string::npos);
  // The body is not repeated among the other properties (libpff also lists it as 0x6619).
  EXPECT_EQ(LabelledText(ctx, kInboxMessage, "properties").find("Thank you"), std::string::npos);
  for (const auto& t : ctx.texts) {
    if (t.label == "Subject" || t.label == "From") {
      EXPECT_EQ(t.info.kind, SegmentKind::kHeader);
    }
  }
  // Delivered 2007-04-29 22:27:33 UTC.
  ASSERT_FALSE(ctx.dates.empty());
  EXPECT_EQ(ctx.dates[0].first, kInboxMessage);
  EXPECT_EQ(ctx.dates[0].second, 1177885653);
  EXPECT_FALSE(HasProblem(ctx, FileStatus::kCorrupt));
}

TEST(PstExtractorTest, WalksEveryFolderWithAStablePathPerMessage) {
  PIISCAN_LOAD_FIXTURE(bytes, "mail/outlook.pst");
  RecordingContext ctx;
  PstExtractor().Extract(bytes, {}, ctx);
  std::set<Location> messages;
  for (const auto& t : ctx.texts) {
    if (t.label == "Subject") messages.insert(t.where);
  }
  // The store holds the welcome message twice: in the Inbox and in a folder
  // named Recovered_Group2 (a real folder of this PST, not libpff recovery).
  EXPECT_EQ(messages, (std::set<Location>{kInboxMessage, kRecoveredGroupMessage}));
  EXPECT_EQ(LabelledText(ctx, kRecoveredGroupMessage, "Subject"), "Welcome to Microsoft Office Outlook 2003");
}

TEST(PstExtractorTest, FileAttachmentsAreChildrenWithTheirNamesAndTypes) {
  PIISCAN_LOAD_FIXTURE(bytes, "mail/outlook.pst");
  RecordingContext ctx;
  PstExtractor().Extract(bytes, {}, ctx);
  std::vector<std::string> names;
  for (const auto& c : ctx.children) {
    if (c.where.size() != 3 || Location(c.where.begin(), c.where.begin() + 2) != kInboxMessage) continue;
    EXPECT_EQ(c.where[2], "attachment " + c.name);
    EXPECT_EQ(c.mime_type, "image/jpeg");
    EXPECT_GT(c.size, 1000u);
    names.push_back(c.name);
  }
  // The fixture's README speaks of 12 JPEGs; the message holds 11 (there is no 11.jpg).
  EXPECT_EQ(names, (std::vector<std::string>{"1.jpg", "2.jpg", "3.jpg", "4.jpg", "5.jpg", "6.jpg", "7.jpg", "8.jpg",
                                             "9.jpg", "10.jpg", "12.jpg"}));
  // The bytes handed over are real JPEGs: libmagic, through the registry, says so.
  int jpegs = 0;
  for (const auto& p : ctx.problems) {
    if (p.where.size() == 3 && p.reason.find("image/jpeg") != std::string::npos) ++jpegs;
  }
  EXPECT_EQ(jpegs, 22);  // 11 in each of the two folders
}

TEST(PstExtractorTest, ReadsFromAViewInsideALargerBuffer) {
  // As when the PST is a member of an archive: the bytes do not start a buffer.
  PIISCAN_LOAD_FIXTURE(bytes, "mail/outlook.pst");
  std::string padded = std::string(4093, 'x') + bytes + std::string(100, 'y');
  RecordingContext ctx;
  PstExtractor().Extract(std::string_view(padded).substr(4093, bytes.size()), {"archive.zip", "outlook.pst"}, ctx);
  EXPECT_EQ(LabelledText(ctx, {"archive.zip", "outlook.pst", "folder Top of Personal Folders/Inbox", "message 1"},
                         "Subject"),
            "Welcome to Microsoft Office Outlook 2003");
}

TEST(PstExtractorTest, IsRegisteredForTheSniffedType) {
  PIISCAN_LOAD_FIXTURE(bytes, "mail/outlook.pst");
  RecordingContext ctx;
  EXPECT_EQ(DispatchItem(bytes, {}, ChildInfo{"mailbox.dat", ""}, ctx), "pst");
  EXPECT_EQ(LabelledText(ctx, kInboxMessage, "From"), "Outlook 2003 Team <olteam@microsoft.com>");
}

TEST(PstExtractorTest, ExpandedBytesBudgetStopsAttachments) {
  PIISCAN_LOAD_FIXTURE(bytes, "mail/outlook.pst");
  Limits limits;
  limits.max_expanded_bytes = 5000;  // two or three of the JPEGs
  RecordingContext ctx(limits);
  PstExtractor().Extract(bytes, {}, ctx);
  EXPECT_TRUE(HasProblem(ctx, FileStatus::kLimit));
  EXPECT_LT(ctx.children.size(), 4u);
}

TEST(PstExtractorTest, TruncatedStoreIsCorruptAndDoesNotCrash) {
  PIISCAN_LOAD_FIXTURE(bytes, "mail/outlook.pst");
  for (size_t keep : {size_t{0}, size_t{4}, size_t{512}, size_t{4096}, bytes.size() / 4, bytes.size() / 2,
                      bytes.size() * 3 / 4, bytes.size() - 1000}) {
    SCOPED_TRACE(keep);
    RecordingContext ctx;
    PstExtractor().Extract(std::string_view(bytes).substr(0, keep), {}, ctx);
    if (keep < bytes.size() / 2) {
      EXPECT_TRUE(HasProblem(ctx, FileStatus::kCorrupt));
    } else {
      // The tail holds attachment and index pages: either something is
      // missing and reported, or what was read is whole.
      EXPECT_TRUE(HasProblem(ctx, FileStatus::kCorrupt) || !ctx.texts.empty());
    }
    for (const auto& p : ctx.problems) {
      EXPECT_EQ(p.reason.find("Welcome"), std::string::npos) << "no content in reasons";
    }
  }
}

TEST(PstExtractorTest, GarbageDoesNotCrash) {
  std::mt19937 rng(42);
  for (int round = 0; round < 20; ++round) {
    std::string junk(1 + rng() % 70000, '\0');
    for (auto& c : junk) c = static_cast<char>(rng());
    if (round % 2 == 0) junk.replace(0, std::min<size_t>(4, junk.size()), "!BDN");
    RecordingContext ctx;
    PstExtractor().Extract(junk, {}, ctx);
    EXPECT_TRUE(HasProblem(ctx, FileStatus::kCorrupt));
  }
}

TEST(PstExtractorTest, FlippedBytesInARealStoreDoNotCrash) {
  PIISCAN_LOAD_FIXTURE(bytes, "mail/outlook.pst");
  std::mt19937 rng(7);
  for (int round = 0; round < 30; ++round) {
    std::string damaged = bytes;
    for (int k = 0; k < 40; ++k) damaged[512 + rng() % (damaged.size() - 512)] = static_cast<char>(rng());
    RecordingContext ctx;
    PstExtractor().Extract(damaged, {}, ctx);  // must return; what it finds varies
  }
  SUCCEED();
}

}  // namespace
}  // namespace piiscan::formats
