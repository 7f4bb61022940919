// The memory handle libpff and libolecf read through (regressions found by
// fuzz/extract_fuzz.cc under ASan).
#include "formats/mail/bfio_memory.h"

#include <gtest/gtest.h>
#include <libbfio.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "formats/recording_context.h"
#include "formats/registry.h"

namespace piiscan::formats {
namespace {

// `bytes` placed flush against a page that cannot be read: a read past the
// end faults in any build, not only under ASan.
class GuardedBytes {
 public:
  explicit GuardedBytes(const std::string& bytes) {
    page_ = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    size_t pages = (bytes.size() + page_ - 1) / page_ + 1;
    size_ = pages * page_;
    void* map = ::mmap(nullptr, size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    EXPECT_NE(map, MAP_FAILED);
    base_ = static_cast<char*>(map);
    ::mprotect(base_ + size_ - page_, page_, PROT_NONE);
    data_ = base_ + size_ - page_ - bytes.size();
    std::memcpy(data_, bytes.data(), bytes.size());
    view_ = std::string_view(data_, bytes.size());
  }
  ~GuardedBytes() { ::munmap(base_, size_); }
  std::string_view view() const { return view_; }

 private:
  size_t page_ = 0, size_ = 0;
  char* base_ = nullptr;
  char* data_ = nullptr;
  std::string_view view_;
};

// Debian 12's libbfio memory range read past its end when asked at the end:
// libpff read the 564-byte header of a 514-byte .pst 50 bytes past the
// buffer. With our handle the read stops at the end and the file is corrupt.
TEST(BfioMemory, APstShorterThanItsHeaderIsNotReadPastItsEnd) {
  std::string pst = "!BDN" + std::string(4, '\0') + "SM" + std::string("\x17\x00\x13\x00\x01\x01", 6);
  pst.resize(514, '\0');
  GuardedBytes bytes(pst);
  RecordingContext ctx;
  FindFormat("pst")->extractor->Extract(bytes.view(), {"short.pst"}, ctx);
  ASSERT_EQ(ctx.problems.size(), 1u);
  EXPECT_EQ(ctx.problems[0].status, FileStatus::kCorrupt);
}

TEST(BfioMemory, ReadsStopAtTheEndAndSeeksPastItReadNothing) {
  GuardedBytes bytes("0123456789");
  auto io = BfioMemory::Open(bytes.view());
  ASSERT_TRUE(io) << io.error().message;
  libbfio_error_t* error = nullptr;
  ASSERT_EQ(libbfio_handle_open(io->get(), LIBBFIO_OPEN_READ, &error), 1);
  uint8_t buffer[64];
  auto read_at = [&](off64_t offset) {
    if (libbfio_handle_seek_offset(io->get(), offset, SEEK_SET, &error) != offset) return ssize_t{-2};
    return libbfio_handle_read_buffer(io->get(), buffer, sizeof buffer, &error);
  };
  EXPECT_EQ(read_at(4), 6);
  EXPECT_EQ(std::string(reinterpret_cast<char*>(buffer), 6), "456789");
  EXPECT_EQ(read_at(10), 0);
  EXPECT_EQ(read_at(4096), 0);
  size64_t size = 0;
  ASSERT_EQ(libbfio_handle_get_size(io->get(), &size, &error), 1);
  EXPECT_EQ(size, 10u);
  libbfio_handle_close(io->get(), &error);
  libbfio_error_free(&error);
}

}  // namespace
}  // namespace piiscan::formats
