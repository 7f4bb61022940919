#include "formats/pdf/pdf_extractor.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "formats/dispatch.h"
#include "formats/office/office_test_util.h"

namespace piiscan::formats {
namespace {

using testing::DocumentFixture;
using testing::FindMetadata;
using testing::FindText;
using testing::HasProblem;

RecordingContext ExtractFile(const std::string& name) {
  RecordingContext ctx;
  PdfExtractor().Extract(DocumentFixture(name), {}, ctx);
  return ctx;
}

TEST(PdfTest, TextPerPageWithPageNumber) {
  auto ctx = ExtractFile("invoice.pdf");
  const auto* page1 = FindText(ctx, {"page 1"}, "Factuur 2024-001");
  const auto* page2 = FindText(ctx, {"page 2"}, "jan.devries@example.nl");
  ASSERT_NE(page1, nullptr);
  ASSERT_NE(page2, nullptr);
  EXPECT_EQ(page1->info.page, 1);
  EXPECT_EQ(page2->info.page, 2);
  EXPECT_EQ(page2->info.kind, SegmentKind::kBody);
  EXPECT_EQ(FindText(ctx, {"page 1"}, "111222333"), nullptr);
  EXPECT_TRUE(ctx.problems.empty()) << ctx.problems[0].reason;
}

TEST(PdfTest, TableDrawnColumnByColumnKeepsRowsOnOneLine) {
  // Physical layout; raw order would give "Naam\nJan de Vries\nPiet Jansen\nIBAN...".
  auto ctx = ExtractFile("invoice.pdf");
  const auto* page2 = FindText(ctx, {"page 2"}, "Jan de Vries");
  ASSERT_NE(page2, nullptr);
  size_t start = page2->text.find("Jan de Vries");
  std::string line = page2->text.substr(start, page2->text.find('\n', start) - start);
  EXPECT_NE(line.find("NL91ABNA0417164300"), std::string::npos) << line;
  EXPECT_NE(line.find("111222333"), std::string::npos) << line;
}

TEST(PdfTest, DocumentInfoIsMetadataLabelledByKey) {
  auto ctx = ExtractFile("invoice.pdf");
  const auto* author = FindMetadata(ctx, {}, "Author");
  const auto* title = FindMetadata(ctx, {}, "Title");
  ASSERT_NE(author, nullptr);
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(author->text, "Jan de Vries");
  EXPECT_EQ(title->text, "Factuur 2024-001");
  EXPECT_NE(FindMetadata(ctx, {}, "Creator"), nullptr);
}

TEST(PdfTest, UserPasswordIsEncryptedAndNothingIsRead) {
  auto ctx = ExtractFile("encrypted_user.pdf");
  EXPECT_TRUE(ctx.texts.empty());
  ASSERT_EQ(ctx.problems.size(), 1u);
  EXPECT_EQ(ctx.problems[0].status, FileStatus::kEncrypted);
}

TEST(PdfTest, OwnerPasswordOnlyOpensWithEmptyUserPassword) {
  auto ctx = ExtractFile("encrypted_owner.pdf");
  EXPECT_NE(FindText(ctx, {"page 2"}, "NL91ABNA0417164300"), nullptr);
  EXPECT_TRUE(ctx.problems.empty()) << ctx.problems[0].reason;
}

TEST(PdfTest, DamagedXrefIsReconstructedReadAndReportedCorrupt) {
  auto ctx = ExtractFile("damaged.pdf");
  EXPECT_NE(FindText(ctx, {"page 2"}, "111222333"), nullptr);
  EXPECT_TRUE(HasProblem(ctx, FileStatus::kCorrupt, "2 of 2 pages read"));
}

TEST(PdfTest, TruncatedPdfIsCorruptAndPopplerStaysQuiet) {
  ::testing::internal::CaptureStderr();
  auto ctx = ExtractFile("truncated.pdf");
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_TRUE(HasProblem(ctx, FileStatus::kCorrupt, "pdf:"));
  EXPECT_EQ(err, "");
}

TEST(PdfTest, ZeroBytesAndGarbageAreCorrupt) {
  for (std::string bytes : {std::string(), std::string("%PDF-1.4\n") + std::string(5000, '\x9c')}) {
    RecordingContext ctx;
    PdfExtractor().Extract(bytes, {}, ctx);
    EXPECT_TRUE(ctx.texts.empty());
    EXPECT_TRUE(HasProblem(ctx, FileStatus::kCorrupt, "pdf:"));
  }
}

TEST(PdfTest, EmbeddedFileIsAChildReadThroughTheRegistry) {
  auto ctx = ExtractFile("with_attachment.pdf");
  ASSERT_EQ(ctx.children.size(), 1u);
  // pdfattach writes a UTF-16 name that poppler-cpp cannot return.
  const Location child = {"embedded file 1"};
  EXPECT_EQ(ctx.children[0].where, child);
  const auto* cell = FindText(ctx, {"embedded file 1", "sheet Klanten", "cell C2"}, "111222333");
  ASSERT_NE(cell, nullptr);
  EXPECT_EQ(cell->label, "BSN");
}

TEST(PdfTest, SniffedAndDispatchedAsPdf) {
  RecordingContext ctx;
  EXPECT_EQ(DispatchItem(DocumentFixture("invoice.pdf"), {}, {"factuur.dat", ""}, ctx), "pdf");
  EXPECT_NE(FindText(ctx, {"page 2"}, "111222333"), nullptr);
}

// Everything an extraction produced, as one string.
std::string Summary(const RecordingContext& ctx) {
  std::string out;
  for (const auto& t : ctx.texts) out += JoinLocation(t.where) + "|" + t.label + "|" + t.text + "\n";
  for (const auto& p : ctx.problems) out += std::string(FileStatusName(p.status)) + ":" + p.reason + "\n";
  return out;
}

TEST(PdfTest, TwoThreadsReadingTheirFirstPagesAtOnce) {
  // ctest runs each test in a process of its own, so here no page has been
  // read before: Poppler's static colour profiles are made by whichever
  // thread comes first (pdf_extractor.cc MakePopplersStaticProfiles); under
  // TSan, an unordered making of them would be reported. In any build both
  // threads must read their document fully.
  const std::string bytes = DocumentFixture("invoice.pdf");
  std::atomic<int> ready{0};
  std::vector<std::string> got(2);
  std::vector<std::thread> threads;
  for (int t = 0; t < 2; ++t) {
    threads.emplace_back([&, t] {
      ++ready;
      while (ready.load() < 2) {
      }
      RecordingContext ctx;
      PdfExtractor().Extract(bytes, {}, ctx);
      got[static_cast<size_t>(t)] = Summary(ctx);
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(got[0], got[1]);
  EXPECT_NE(got[0].find("111222333"), std::string::npos);
}

TEST(PdfTest, ConcurrentExtractionsAgreeWithSerialOnes) {
  // One document per call and thread-local error counting: a damaged file
  // read on one thread must not make another thread's file "damaged".
  const std::vector<std::string> names = {"invoice.pdf", "damaged.pdf", "encrypted_owner.pdf",
                                          "truncated.pdf", "encrypted_user.pdf"};
  std::vector<std::string> bytes, expected;
  for (const auto& name : names) {
    bytes.push_back(DocumentFixture(name));
    RecordingContext ctx;
    PdfExtractor().Extract(bytes.back(), {}, ctx);
    expected.push_back(Summary(ctx));
  }
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        size_t k = static_cast<size_t>(i + t) % names.size();
        RecordingContext ctx;
        PdfExtractor().Extract(bytes[k], {}, ctx);
        if (Summary(ctx) != expected[k]) ++mismatches;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace piiscan::formats
