#include "formats/archive/zip_directory.h"

#include <gtest/gtest.h>

#include "formats/zip_document_type.h"
#include "tests/support/test_support.h"

namespace piiscan::formats {
namespace {

std::string Fixture(const std::string& name) {
  return testing::ReadFile(testing::GeneratedFixturesDir() + "/archives/" + name);
}

std::vector<std::string> Names(const ZipDirectory& dir) {
  std::vector<std::string> out;
  for (const auto& e : dir.entries) out.push_back(e.name);
  return out;
}

TEST(ZipDirectoryTest, ListsEntriesWithSizesAndOffsets) {
  std::string zip = Fixture("plain.zip");
  auto dir = ReadZipDirectory(zip, 100);
  ASSERT_TRUE(dir);
  EXPECT_EQ(Names(*dir), (std::vector<std::string>{"klanten/", "klanten/2024.txt", "readme.txt",
                                                   "link.txt"}));
  EXPECT_FALSE(dir->capped);
  const ZipEntryInfo& klanten = dir->entries[1];
  EXPECT_EQ(klanten.uncompressed_size, 113u);
  EXPECT_EQ(klanten.method, 8);
  EXPECT_LT(klanten.compressed_size, 113u);
  EXPECT_EQ(zip.substr(klanten.local_offset, 4), std::string("PK\x03\x04", 4));
  EXPECT_EQ(CountOverlappingEntries(zip, *dir), 0u);
  EXPECT_FALSE(StoredEntryData(zip, klanten));  // deflated
}

TEST(ZipDirectoryTest, StoredEntryDataIsAViewOfTheZip) {
  std::string zip = Fixture("stored.zip");
  auto dir = ReadZipDirectory(zip, 100);
  ASSERT_TRUE(dir);
  ASSERT_EQ(dir->entries.size(), 1u);
  EXPECT_EQ(dir->entries[0].method, 0);
  auto data = StoredEntryData(zip, dir->entries[0]);
  ASSERT_TRUE(data);
  EXPECT_TRUE(data->starts_with("Klant: Jan de Vries"));
  EXPECT_EQ(data->size(), 113u);
  EXPECT_GE(data->data(), zip.data());
}

TEST(ZipDirectoryTest, CapsTheNumberOfEntriesRead) {
  auto dir = ReadZipDirectory(Fixture("plain.zip"), 2);
  ASSERT_TRUE(dir);
  EXPECT_EQ(dir->entries.size(), 2u);
  EXPECT_TRUE(dir->capped);
}

TEST(ZipDirectoryTest, ReadsZip64ExtraFields) {
  std::string zip = Fixture("zip64.zip");
  auto dir = ReadZipDirectory(zip, 100);
  ASSERT_TRUE(dir);
  ASSERT_EQ(dir->entries.size(), 1u);
  EXPECT_EQ(dir->entries[0].name, "klanten/2024.txt");
  EXPECT_EQ(dir->entries[0].uncompressed_size, 113u);
  EXPECT_GT(dir->entries[0].compressed_size, 0u);
  EXPECT_LT(dir->entries[0].compressed_size, 0xFFFFFFFFu);
  EXPECT_EQ(CountOverlappingEntries(zip, *dir), 0u);
}

TEST(ZipDirectoryTest, StreamedEntriesDoNotOverlap) {
  std::string zip = Fixture("streamed.zip");
  auto dir = ReadZipDirectory(zip, 100);
  ASSERT_TRUE(dir);
  ASSERT_EQ(dir->entries.size(), 1u);
  EXPECT_EQ(dir->entries[0].name, "-");
  EXPECT_EQ(CountOverlappingEntries(zip, *dir), 0u);
}

TEST(ZipDirectoryTest, FindsEntriesBehindAPrependedStub) {
  std::string zip = std::string(1000, 'x') + Fixture("plain.zip");
  auto dir = ReadZipDirectory(zip, 100);
  ASSERT_TRUE(dir);
  ASSERT_EQ(dir->entries.size(), 4u);
  EXPECT_EQ(zip.substr(dir->entries[1].local_offset, 4), std::string("PK\x03\x04", 4));
  EXPECT_EQ(CountOverlappingEntries(zip, *dir), 0u);
}

TEST(ZipDirectoryTest, NoDirectoryInATruncatedZip) {
  EXPECT_FALSE(ReadZipDirectory(Fixture("truncated.zip"), 100));
  EXPECT_FALSE(ReadZipDirectory("", 100));
  EXPECT_FALSE(ReadZipDirectory("PK\x05\x06", 100));
}

TEST(ZipDirectoryTest, HostileEndRecordsAreRejected) {
  // Directory size beyond the file, offset beyond the file.
  std::string end("PK\x05\x06\0\0\0\0\x01\0\x01\0\xff\xff\0\0\0\0\0\0\0\0", 22);
  EXPECT_FALSE(ReadZipDirectory(end, 100));
  std::string end2("PK\x05\x06\0\0\0\0\x01\0\x01\0\x10\0\0\0\xff\xff\xff\x7f\0\0", 22);
  auto dir = ReadZipDirectory(std::string(16, 'z') + end2, 100);
  EXPECT_FALSE(dir && !dir->entries.empty());
}

TEST(ZipDirectoryTest, CountsFullyOverlappingEntries) {
  std::string zip = Fixture("bomb_overlap_full.zip");
  auto dir = ReadZipDirectory(zip, 1000);
  ASSERT_TRUE(dir);
  EXPECT_EQ(dir->entries.size(), 100u);
  EXPECT_EQ(CountOverlappingEntries(zip, *dir), 99u);
}

TEST(ZipDirectoryTest, CountsQuotedOverlappingEntries) {
  std::string zip = Fixture("bomb_overlap_quoted.zip");
  auto dir = ReadZipDirectory(zip, 1000);
  ASSERT_TRUE(dir);
  EXPECT_EQ(dir->entries.size(), 50u);
  EXPECT_EQ(CountOverlappingEntries(zip, *dir), 49u);
}

TEST(ZipDirectoryTest, NamesTellAWordDocumentLibmagicCallsZip) {
  auto dir = ReadZipDirectory(Fixture("docx_like.zip"), 100);
  ASSERT_TRUE(dir);
  EXPECT_EQ(DocumentTypeOfZipEntries(Names(*dir)), "docx");
  EXPECT_EQ(DocumentTypeOfZipEntries(Names(*ReadZipDirectory(Fixture("plain.zip"), 100))), "");
}

}  // namespace
}  // namespace piiscan::formats
