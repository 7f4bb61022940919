#include "formats/encrypted/encrypted_office_extractor.h"

#include <gtest/gtest.h>

#include "formats/dispatch.h"
#include "formats/office/office_test_util.h"

namespace piiscan::formats {
namespace {

TEST(EncryptedOfficeTest, PasswordProtectedDocxIsReportedEncrypted) {
  RecordingContext ctx;
  std::string type = DispatchItem(testing::DocumentFixture("encrypted.docx"), {"bijlage.docx"},
                                  {"bijlage.docx", ""}, ctx);
  EXPECT_EQ(type, "office_encrypted");
  EXPECT_TRUE(ctx.texts.empty());
  ASSERT_EQ(ctx.problems.size(), 1u);
  EXPECT_EQ(ctx.problems[0].status, FileStatus::kEncrypted);
  EXPECT_EQ(ctx.problems[0].where, Location({"bijlage.docx"}));
}

}  // namespace
}  // namespace piiscan::formats
