// The replay copy of a file's findings and statuses: what goes in comes out,
// and a truncated or foreign value is refused whole (the reader then falls
// back to the rows).

#include "store/sqlite/replay_blob.h"

#include <gtest/gtest.h>

#include <deque>

#include "store/location_json.h"
#include "store/sqlite/store_test_util.h"

namespace piiscan::store::sqlite {
namespace {

using testing::MakeFile;
using testing::MakeFinding;

struct Contents {
  std::deque<Finding> kept;      // what findings point at
  std::deque<std::string> json;  // their locations
  std::vector<BufferedFinding> findings;
  std::vector<BufferedStatus> statuses;
};

Contents Sample() {
  FileState file = MakeFile("crm/klanten.xlsx");
  Contents c;
  Finding full =
      MakeFinding(file, "email", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                  {"sheet Klanten", "cell B7"});
  full.page = 3;
  full.count = 300;
  full.confidence = Confidence::kHigh;
  full.item_time = -5;                                             // before 1970: the sign survives
  Finding bare = MakeFinding(file, "iban", std::string(64, 'B'));  // not lower-case: as text
  bare.value.reset();
  bare.offset.reset();
  bare.line.reset();
  bare.item_time.reset();
  bare.note.clear();
  bare.confidence = Confidence::kLow;
  bare.score = 0.25;
  Finding odd = MakeFinding(file, "person_name", "h", {std::string("\xff\x00x", 3), ""});
  odd.offset = UINT64_MAX;
  for (const Finding& f : {full, bare, odd}) {
    const Finding& kept = c.kept.emplace_back(f);
    c.findings.push_back(
        BufferedFinding{&kept, kept.count, &c.json.emplace_back(LocationToJson(f.location)), 0});
  }
  c.statuses.push_back(BufferedStatus{{}, "[]", "limit", "too many pages"});
  c.statuses.push_back(BufferedStatus{{"attachment a.zip"}, "", "encrypted", ""});
  return c;
}

void ExpectSame(const Finding& a, const Finding& b, bool with_value) {
  EXPECT_EQ(a.location, b.location);
  EXPECT_EQ(a.detector, b.detector);
  EXPECT_EQ(a.category, b.category);
  EXPECT_EQ(a.confidence, b.confidence);
  EXPECT_EQ(a.score, b.score);
  EXPECT_EQ(a.masked, b.masked);
  EXPECT_EQ(a.value_hash, b.value_hash);
  EXPECT_EQ(a.count, b.count);
  EXPECT_EQ(with_value ? a.value : std::nullopt, b.value);
  EXPECT_EQ(a.offset, b.offset);
  EXPECT_EQ(a.line, b.line);
  EXPECT_EQ(a.page, b.page);
  EXPECT_EQ(a.item_time, b.item_time);
  EXPECT_EQ(a.note, b.note);
}

TEST(ReplayBlob, WhatIsWrittenIsReadBackWithTheFileGiven) {
  Contents c = Sample();
  for (bool with_values : {false, true}) {
    std::string blob = EncodeReplay(c.findings, c.statuses, with_values);
    std::vector<Finding> findings;
    std::vector<StatusRecord> statuses;
    ASSERT_TRUE(DecodeReplay(blob, "/srv/x.xlsx", findings, statuses));
    ASSERT_EQ(findings.size(), c.findings.size());
    for (size_t i = 0; i < findings.size(); ++i) {
      ExpectSame(*c.findings[i].finding, findings[i], with_values);
      EXPECT_EQ(findings[i].file, "/srv/x.xlsx");
    }
    ASSERT_EQ(statuses.size(), 2u);
    EXPECT_EQ(statuses[0].status, FileStatus::kLimit);
    EXPECT_EQ(statuses[0].reason, "too many pages");
    EXPECT_TRUE(statuses[0].location.empty());
    EXPECT_EQ(statuses[1].status, FileStatus::kEncrypted);
    EXPECT_EQ(statuses[1].location, Location{"attachment a.zip"});
    EXPECT_EQ(statuses[1].file, "/srv/x.xlsx");
  }
}

TEST(ReplayBlob, AnyTruncationOrAnotherFormatIsRefusedWhole) {
  Contents c = Sample();
  std::string blob = EncodeReplay(c.findings, c.statuses, true);
  std::vector<Finding> findings(1);  // what was there stays, nothing is added
  std::vector<StatusRecord> statuses;
  for (size_t n = 0; n < blob.size(); ++n) {
    EXPECT_FALSE(DecodeReplay(std::string_view(blob).substr(0, n), "f", findings, statuses)) << n;
    EXPECT_EQ(findings.size(), 1u);
    EXPECT_TRUE(statuses.empty());
  }
  EXPECT_FALSE(DecodeReplay(blob + "x", "f", findings, statuses));  // trailing bytes
  std::string other = blob;
  other[0] = 2;
  EXPECT_FALSE(DecodeReplay(other, "f", findings, statuses));
  EXPECT_TRUE(DecodeReplay(EncodeReplay({}, {}, false), "f", findings, statuses));
  EXPECT_EQ(findings.size(), 1u);
}

}  // namespace
}  // namespace piiscan::store::sqlite
