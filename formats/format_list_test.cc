// The declarations (format_list.h) and what is derived from them: the
// registry, the module's table and the sniffer's signatures.
#include "formats/format_list.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "formats/format_module.h"
#include "formats/registry.h"
#include "formats/sniff.h"

namespace piiscan::formats {
namespace {

TEST(FormatList, TypesAndTextRanksAreUnique) {
  std::set<std::string_view> types;
  std::set<int> ranks;
  for (const FormatEntry& e : AllFormats()) {
    EXPECT_TRUE(types.insert(e.type).second) << e.type;
    EXPECT_EQ(e.type, e.spec->type);
    if (e.spec->text.rank != 0) {
      EXPECT_TRUE(ranks.insert(e.spec->text.rank).second) << e.type;
    }
  }
  EXPECT_EQ(types.size(), 28u);
}

TEST(FormatList, ReadersFollowTheHome) {
  for (const FormatEntry& e : AllFormats()) {
    EXPECT_EQ(e.extractor == nullptr, e.spec->home == Home::kNotRead) << e.type;
    EXPECT_EQ(FindFormat(e.type), &e);
  }
}

TEST(FormatList, TheModuleHoldsExactlyTheModuleFormats) {
  const FormatModuleTable* table = piiscan_format_module_v1();
  ASSERT_NE(table, nullptr);
  std::set<std::string> in_module;
  for (size_t i = 0; i < table->count; ++i) {
    EXPECT_NE(table->formats[i].extractor, nullptr) << table->formats[i].type;
    in_module.insert(table->formats[i].type);
  }
  std::set<std::string> declared;
  for (const FormatEntry& e : AllFormats()) {
    if (e.spec->home == Home::kModule) declared.insert(std::string(e.type));
  }
  EXPECT_EQ(in_module, declared);
  EXPECT_TRUE(declared.contains("pdf") && declared.contains("eml") && !declared.contains("mbox"));
}

// Bytes that carry a declared signature sniff as that format, whatever
// their name says.
TEST(FormatList, EverySignatureSniffsAsItsFormat) {
  int checked = 0;
  for (const FormatEntry& e : AllFormats()) {
    for (const Signature& sig : e.spec->signatures) {
      std::string head(sig.offset + sig.bytes.size() + 600, 'x');
      head.replace(sig.offset, sig.bytes.size(), sig.bytes);
      SniffResult r = Sniff(head, "misnamed.txt");
      EXPECT_EQ(r.type, e.type) << "signature of " << e.type;
      EXPECT_EQ(r.format, &e);
      ++checked;
    }
  }
  EXPECT_GE(checked, 20);
}

}  // namespace
}  // namespace piiscan::formats
