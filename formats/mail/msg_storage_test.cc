// The .msg storage reader on damaged compound files (regressions found by
// fuzz/msg_storage_fuzz.cc).
#include "formats/mail/msg_storage.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace piiscan::formats {
namespace {

void PutLe(std::string& s, size_t at, uint64_t v, size_t n) {
  for (size_t i = 0; i < n; ++i) s[at + i] = static_cast<char>(v >> (8 * i));
}

// An OLE header (512-byte sectors) and three empty sectors: the counts of
// allocation-table sectors are set by the test.
std::string CompoundFile(uint32_t sat_sectors, uint32_t ssat_sectors) {
  std::string f(512 + 3 * 512, '\0');
  f.replace(0, 8, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1");
  PutLe(f, 0x18, 0x3e, 2);    // minor version
  PutLe(f, 0x1a, 3, 2);       // major version 3: 512-byte sectors
  PutLe(f, 0x1c, 0xfffe, 2);  // little-endian
  PutLe(f, 0x1e, 9, 2);       // sector shift
  PutLe(f, 0x20, 6, 2);       // mini sector shift
  PutLe(f, 0x2c, sat_sectors, 4);
  PutLe(f, 0x30, 1, 4);           // first directory sector
  PutLe(f, 0x38, 4096, 4);        // mini stream cutoff
  PutLe(f, 0x3c, 0xfffffffe, 4);  // first SSAT sector: end of chain
  PutLe(f, 0x40, ssat_sectors, 4);
  PutLe(f, 0x44, 0xfffffffe, 4);  // first MSAT sector: end of chain
  PutLe(f, 0x48, 0, 4);
  for (size_t i = 0x4c; i < 512; i += 4) PutLe(f, i, 0xffffffff, 4);  // MSAT in the header: free
  PutLe(f, 0x4c, 0, 4);                                                  // SAT in sector 0
  return f;
}

// A 2 KB file whose header claims 2^32-1 short allocation sectors kept
// libolecf walking the table for seconds (3.3 s for 3 KB): a bigger file
// would hang a worker. Refused from the header, at once.
TEST(MsgStorage, HeaderClaimingMoreShortAllocationSectorsThanTheFileHasIsDamaged) {
  auto read = ReadMsg(CompoundFile(1, 0xffffffff), 1 << 20);
  ASSERT_FALSE(read);
  EXPECT_NE(read.error().message.find("4294967295 short allocation table sectors"), std::string::npos)
      << read.error().message;
}

TEST(MsgStorage, HeaderClaimingMoreAllocationSectorsThanTheFileHasIsDamaged) {
  auto read = ReadMsg(CompoundFile(4294836224u, 0), 1 << 20);
  ASSERT_FALSE(read);
  EXPECT_NE(read.error().message.find("allocation table sectors"), std::string::npos) << read.error().message;
}

}  // namespace
}  // namespace piiscan::formats
