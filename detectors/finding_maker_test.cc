// Findings per distinct value: occurrences of one value at one location are
// one Finding with a count, the first position and the best score.
#include "detectors/finding_maker.h"

#include <gtest/gtest.h>

#include "detectors/embedded_engine_for_tests.h"

namespace piiscan::detectors {
namespace {

class FindingMakerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    engine_ = EmbeddedEngineForTests();
    ASSERT_NE(engine_, nullptr);
    scanner_ = engine_->NewScanner();
  }
  // Scans `text` as one segment at `where` and appends its findings to `out`.
  void Make(std::string_view text, const Location& where, bool aggregate, std::vector<Finding>& out) {
    std::vector<Detection> d;
    SegmentInfo info;
    scanner_->Scan(text, info, d);
    FindingOptions options{false, Confidence::kLow, &hasher_, aggregate};
    if (aggregate) aggregator_.BeginSegment(where, out);
    size_t first = out.size();
    MakeFindings(engine_->specs(), text, info, d, options, out, aggregate ? &aggregator_ : nullptr);
    if (aggregate) {
      aggregator_.EndSegment(out);
      aggregator_.Settle(out);
    }
    for (size_t i = first; i < out.size(); ++i) out[i].location = where;
  }
  const Finding* Find(const std::vector<Finding>& out, std::string_view detector, uint64_t offset) {
    for (const auto& f : out) {
      if (f.detector == detector && f.offset == offset) return &f;
    }
    return nullptr;
  }
  std::shared_ptr<const Engine> engine_;
  std::unique_ptr<EngineScanner> scanner_;
  KeyedHasher hasher_{"finding-maker-test-key"};
  FindingAggregator aggregator_;
};

const std::string kText =
    "IBAN: NL91 ABNA 0417 1643 00\n"
    "Nogmaals het rekeningnummer NL91ABNA0417164300 voor de betaling.\n"
    "Ander rekeningnummer: NL20 INGB 0001 2345 67\n"
    "En weer IBAN NL91ABNA0417164300.\n";

TEST_F(FindingMakerTest, OccurrencesOfOneValueAreOneFindingWithACountAndTheFirstPosition) {
  std::vector<Finding> each, one;
  Make(kText, {}, false, each);
  Make(kText, {}, true, one);
  size_t each_iban = 0;
  for (const auto& f : each) each_iban += f.detector == "iban";
  ASSERT_EQ(each_iban, 4u);
  std::vector<const Finding*> ibans;
  uint64_t total = 0;
  for (const auto& f : one) {
    if (f.detector != "iban") continue;
    ibans.push_back(&f);
    total += f.count;
  }
  ASSERT_EQ(ibans.size(), 2u);
  EXPECT_EQ(total, 4u);
  EXPECT_EQ(ibans[0]->count, 3u);
  EXPECT_EQ(ibans[0]->offset, 6u);  // the first occurrence
  EXPECT_EQ(ibans[1]->count, 1u);
  // The best-scoring occurrence sets the confidence.
  double best = 0;
  for (const auto& f : each) {
    if (f.detector == "iban" && f.value_hash == ibans[0]->value_hash) best = std::max(best, f.score);
  }
  EXPECT_EQ(ibans[0]->score, best);
  // Every other detector's findings add up too.
  uint64_t each_all = each.size(), one_all = 0;
  for (const auto& f : one) one_all += f.count;
  EXPECT_EQ(one_all, each_all);
}

TEST_F(FindingMakerTest, OtherLocationsCountApartAndAHandedOnReportStartsAfresh) {
  std::vector<Finding> out;
  Make(kText, {"sheet A"}, true, out);
  size_t after_a = out.size();
  Make(kText, {"sheet A"}, true, out);  // same location: only counts grow
  EXPECT_EQ(out.size(), after_a);
  Make(kText, {"sheet B"}, true, out);  // another location: its own findings
  EXPECT_EQ(out.size(), 2 * after_a);
  out.clear();                          // the report went to the sinks in parts
  Make(kText, {"sheet A"}, true, out);
  EXPECT_EQ(out.size(), after_a);
  for (const auto& f : out) EXPECT_LE(f.count, 3u) << f.detector;
}

// The table grows past its first size, finds every value again at its own
// index, keeps locations apart, and forgets everything at a new file.
TEST(FindingAggregator, ThousandsOfValuesGrowTheTableAndANewFileStartsEmpty) {
  FindingAggregator agg;
  std::vector<Finding> out;
  agg.BeginSegment({}, out);
  for (size_t i = 0; i < 5000; ++i) {
    auto [at, fresh, higher] = agg.Slot(i % 3, "NL" + std::to_string(i), 0.5, out.size());
    ASSERT_TRUE(fresh) << i;
    EXPECT_FALSE(higher);
    EXPECT_EQ(at, out.size());
    out.emplace_back();
  }
  for (size_t i = 0; i < 5000; ++i) {
    auto [at, fresh, higher] = agg.Slot(i % 3, "NL" + std::to_string(i), i % 2 ? 0.9 : 0.5, out.size());
    EXPECT_FALSE(fresh) << i;
    EXPECT_EQ(higher, i % 2 == 1) << i;
    EXPECT_EQ(at, i);
  }
  EXPECT_TRUE(agg.Slot(1, "NL0", 0.5, out.size()).fresh);  // same value, other detector
  out.emplace_back();
  EXPECT_FALSE(agg.Slot(1, "NL0", 0.5, out.size()).fresh);
  agg.EndSegment(out);
  // The second sightings count once settled, not before.
  EXPECT_EQ(out[0].count, 1u);
  agg.Settle(out);
  EXPECT_EQ(out[0].count, 2u);
  EXPECT_EQ(out[5000].count, 2u);
  agg.BeginSegment({"sheet B"}, out);
  EXPECT_TRUE(agg.Slot(0, "NL0", 0.5, out.size()).fresh);  // same value, other location
  agg.Clear();
  agg.BeginSegment({}, out);
  EXPECT_TRUE(agg.Slot(0, "NL0", 0.5, 0).fresh);  // a new file
}

// A caller's tag (the cell memo's) takes an occurrence straight to its
// finding while the location and the report hold, and is only a hint: at
// another location, after the report was handed on, or from another
// aggregator it is not used, and the answer is the table's.
TEST(FindingAggregator, TagsLeadToTheSameFindingOnlyWhileTheyHold) {
  FindingAggregator agg, other;
  std::vector<Finding> out;
  uint64_t tag = 0, tag2 = 0;
  agg.BeginSegment({"A"}, out);
  EXPECT_TRUE(agg.Slot(0, "x", 0.5, out.size()).fresh);
  out.emplace_back();
  EXPECT_TRUE(agg.Slot(0, "y", 0.5, out.size(), &tag).fresh);  // the tag learns index 1
  out.emplace_back();
  EXPECT_NE(tag, 0u);
  // The tagged occurrence counts at its finding, with its best score.
  auto o = agg.Slot(0, "y", 0.9, out.size(), &tag);
  EXPECT_FALSE(o.fresh);
  EXPECT_TRUE(o.higher);
  EXPECT_EQ(o.index, 1u);
  EXPECT_FALSE(agg.Slot(0, "y", 0.5, out.size()).higher);  // the table agrees: 0.9 is the best
  EXPECT_TRUE(agg.CountTagged(tag));                       // the tag alone counts too
  EXPECT_FALSE(agg.CountTagged(0));
  agg.EndSegment(out);
  // Another location: the tag is stale, the value is new there.
  agg.BeginSegment({"B"}, out);
  EXPECT_FALSE(agg.CountTagged(tag));
  o = agg.Slot(0, "y", 0.5, out.size(), &tag);
  EXPECT_TRUE(o.fresh);
  EXPECT_EQ(o.index, 2u);
  out.emplace_back();
  agg.EndSegment(out);
  // Back at A: the table finds index 1 again; the tag learns it.
  agg.BeginSegment({"A"}, out);
  o = agg.Slot(0, "y", 0.5, out.size(), &tag);
  EXPECT_FALSE(o.fresh);
  EXPECT_EQ(o.index, 1u);
  // Another aggregator does not take this one's tag.
  tag2 = tag;
  other.BeginSegment({"A"}, out);
  EXPECT_TRUE(other.Slot(0, "y", 0.5, 0, &tag2).fresh);
  agg.EndSegment(out);
  agg.Settle(out);
  EXPECT_EQ(out[1].count, 5u);  // first sighting + four at A
  EXPECT_EQ(out[2].count, 1u);
  // The report was handed on: everything starts afresh, tag or not.
  out.clear();
  agg.BeginSegment({"A"}, out);
  o = agg.Slot(0, "y", 0.5, out.size(), &tag);
  EXPECT_TRUE(o.fresh);
  EXPECT_EQ(o.index, 0u);
}

}  // namespace
}  // namespace piiscan::detectors
