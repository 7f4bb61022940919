// Outputs on hostile paths (issue 17): a symbolic link, a FIFO or a folder at
// an output path is refused without being followed, opened or changed; a
// regular file is written 0600.
#include "reports/output_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "reports/xlsx_sheet.h"
#include "tests/support/test_support.h"

namespace piiscan::reports {
namespace {

mode_t ModeOf(const std::string& path) {
  struct stat st;
  EXPECT_EQ(::stat(path.c_str(), &st), 0) << path;
  return st.st_mode & 07777;
}

TEST(OutputFile, ASymlinkAtTheOutputPathIsRefusedAndItsTargetUntouched) {
  testing::TempDir dir;
  std::string target = dir.Write("precious.txt", "not to be overwritten\n");
  ASSERT_EQ(::chmod(target.c_str(), 0644), 0);
  std::string link = dir.path() + "/out.jsonl";
  std::filesystem::create_symlink(target, link);
  auto out = OutputFile::Open(link);
  ASSERT_FALSE(out);
  EXPECT_NE(out.error().message.find("symbolic link"), std::string::npos) << out.error().message;
  EXPECT_EQ(testing::ReadFile(target), "not to be overwritten\n");
  EXPECT_EQ(ModeOf(target), 0644u);  // not chmod-ed through the link either
  // A dangling link too: it would create its target.
  std::string dangling = dir.path() + "/dangling.jsonl";
  std::filesystem::create_symlink(dir.path() + "/created_through_link", dangling);
  EXPECT_FALSE(OutputFile::Open(dangling));
  EXPECT_FALSE(std::filesystem::exists(dir.path() + "/created_through_link"));
}

TEST(OutputFile, AFifoOrAFolderIsRefusedWithoutBlocking) {
  testing::TempDir dir;
  std::string fifo = dir.path() + "/out.fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto out = OutputFile::Open(fifo);  // no reader: opening it would block
  ASSERT_FALSE(out);
  EXPECT_NE(out.error().message.find("FIFO"), std::string::npos) << out.error().message;
  auto folder = OutputFile::Open(dir.path());
  ASSERT_FALSE(folder);
  EXPECT_NE(folder.error().message.find("directory"), std::string::npos) << folder.error().message;
}

TEST(OutputFile, ARegularFileIsWrittenWithMode0600) {
  testing::TempDir dir;
  std::string fresh = dir.path() + "/new.jsonl";
  std::string existing = dir.Write("old.jsonl", "old content that is longer\n");
  ASSERT_EQ(::chmod(existing.c_str(), 0644), 0);
  for (const auto& path : {fresh, existing}) {
    auto out = OutputFile::Open(path);
    ASSERT_TRUE(out) << out.error().message;
    out->Write("{}\n");
    ASSERT_TRUE(out->Flush());
    EXPECT_EQ(testing::ReadFile(path), "{}\n");
    EXPECT_EQ(ModeOf(path), 0600u) << path;
  }
}

// --xlsx is written by libxlsxwriter, after the same checks.
TEST(OutputFile, TheAuditWorkbookIsNotWrittenThroughASymlink) {
  testing::TempDir dir;
  std::string target = dir.Write("precious.txt", "keep\n");
  std::string link = dir.path() + "/audit.xlsx";
  std::filesystem::create_symlink(target, link);
  auto written = OpenXlsx(link);
  ASSERT_FALSE(written);
  EXPECT_NE(written.error().message.find("symbolic link"), std::string::npos) << written.error().message;
  EXPECT_EQ(testing::ReadFile(target), "keep\n");
  std::string plain = dir.path() + "/plain.xlsx";
  auto book = OpenXlsx(plain);
  ASSERT_TRUE(book) << book.error().message;
  ASSERT_TRUE(CloseXlsx(*book, plain));
  EXPECT_EQ(ModeOf(plain), 0600u);
}

// Benchmarks discard findings into /dev/null: allowed, and never chmod-ed
// (as root, a chmod 0600 would take /dev/null from every other user).
TEST(OutputFile, DevNullIsAllowedAndKeepsItsMode) {
  mode_t before = ModeOf("/dev/null");
  auto out = OutputFile::Open("/dev/null");
  ASSERT_TRUE(out) << out.error().message;
  out->Write("discarded\n");
  EXPECT_TRUE(out->Flush());
  EXPECT_EQ(ModeOf("/dev/null"), before);
}

}  // namespace
}  // namespace piiscan::reports
