// The cell memo behind EngineScanner::Scan: a repeated cell gets the
// detections a scanner that never saw it would give, whatever its label and
// row, however often it repeats.
#include "detectors/cell_memo.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "detectors/embedded_engine_for_tests.h"

namespace piiscan::detectors {
namespace {

struct Cell {
  std::string text, label, row;
};

std::vector<std::string> Describe(const Engine& engine, const std::vector<Detection>& d) {
  std::vector<std::string> out;
  for (const auto& x : d) {
    out.push_back(engine.specs()[x.spec].id + " " + std::to_string(x.begin) + "-" +
                  std::to_string(x.end) + " " + x.value + " " + std::to_string(x.score) + " " +
                  x.note);
  }
  return out;
}

std::vector<Detection> ScanCell(EngineScanner& s, const Cell& c) {
  SegmentInfo info;
  info.kind = SegmentKind::kCell;
  info.label = c.label;
  info.row = c.row;
  std::vector<Detection> d;
  s.Scan(c.text, info, d);
  return d;
}

TEST(CellMemo, RepeatedCellsGetWhatAFreshScannerGives) {
  auto engine = EmbeddedEngineForTests();
  ASSERT_TRUE(engine);
  const std::string name_iban = "Jan de Vries\t123456782\tNL91ABNA0417164300";
  const std::vector<Cell> cells = {
      {"Jan de Vries", "klant", ""},
      {"jan.devries@voorbeeld.nl", "waarde", ""},
      {"123456782", "BSN", ""},
      {"123456782", "Omschrijving", ""},
      // The same cell and label in two rows: the first row lifts the BSN
      // (a name and a valid IBAN beside it), the second does not.
      {"123456782", "Nummer", name_iban},
      {"123456782", "Nummer", "Utrecht\t123456782\tgeleverd"},
      // The same again without a row (a spreadsheet's very wide row): seen
      // before the lifting row in the next round.
      {"123456782", "Nummer", ""},
      {"verzonden", "status", ""},
      {"06-12345678", "tel", ""},
  };
  auto memo = engine->NewScanner();
  int lifted = 0;
  for (int round = 0; round < 4; ++round) {
    for (const auto& c : cells) {
      auto fresh = engine->NewScanner();
      auto want = Describe(*engine, ScanCell(*fresh, c));
      auto got = Describe(*engine, ScanCell(*memo, c));
      EXPECT_EQ(got, want) << c.text << " / " << c.label << " / round " << round;
      for (const auto& w : want) lifted += w.find("row with a name") != std::string::npos;
    }
  }
  EXPECT_EQ(lifted, 4);  // the lifted BSN, once per round: the row case is real
}

TEST(CellMemo, FindsByColumnAndTextAndLeavesOutColumnsThatDoNotRepeat) {
  CellMemo memo;
  Detection d{0, 0, 9, "123456782", 0.9, "column"};
  CellMemo::Hit hit;
  EXPECT_FALSE(memo.Find("BSN", false, "123456782", hit));
  ASSERT_TRUE(memo.Storable());
  auto stored = memo.Store(std::span<const Detection>(&d, 1));
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0], 0u);
  stored[0] = 76;  // the first sighting's tag
  ASSERT_TRUE(memo.Find("BSN", false, "123456782", hit));
  ASSERT_EQ(hit.detections.size(), 1u);
  EXPECT_EQ(hit.detections[0].note, "column");
  // The caller's tag of a detection is kept with it.
  ASSERT_EQ(hit.tags.size(), 1u);
  EXPECT_EQ(hit.tags[0], 76u);
  hit.tags[0] = 77;
  ASSERT_TRUE(memo.Find("BSN", false, "123456782", hit));
  EXPECT_EQ(hit.tags[0], 77u);
  EXPECT_FALSE(memo.Find("BS", false, "N123456782", hit));  // label and text apart
  EXPECT_FALSE(memo.Find("", false, "123456782", hit));
  EXPECT_FALSE(memo.Find("BSN", true, "123456782", hit));  // with a row: apart
  EXPECT_FALSE(memo.Find("BSN", false, std::string(CellMemo::kMaxCell + 1, '1'), hit));
  EXPECT_FALSE(memo.Storable());  // too long
  // A column of unique numbers is left out after its first review; a
  // column that repeats stays in.
  int unique_storable = 0, status_hits = 0;
  for (int i = 0; i < 4000; ++i) {
    const std::string order = std::to_string(100000 + i);  // Store reads the cell Find saw
    if (!memo.Find("order", false, order, hit) && memo.Storable()) {
      ++unique_storable;
      memo.Store({});
    }
    if (memo.Find("status", false, i % 2 ? "verzonden" : "geleverd", hit)) {
      ++status_hits;
    } else {
      memo.Store({});
    }
  }
  EXPECT_LE(unique_storable, 1100);
  EXPECT_EQ(status_hits, 3998);
}

// A CRM export's value column: 20,000 customers' values, each recurring
// at random some 20,000 cells apart, so that the memo's last thousand
// lookups hardly ever hit. The sample sees the recurrence: the column is
// memoised and most cells after the first sightings are answered.
TEST(CellMemo, MemoisesAColumnWhoseValuesRecurFarApart) {
  CellMemo memo;
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> customer(0, 19999);
  CellMemo::Hit hit;
  int hits = 0;
  const int kCells = 200000;
  for (int i = 0; i < kCells; ++i) {
    std::string value = "NL" + std::to_string(10000000 + customer(rng) * 7919) + "ABNA";
    if (memo.Find("waarde", false, value, hit)) {
      ++hits;
    } else if (memo.Storable()) {
      memo.Store({});
    }
    // Order numbers between them are never stored.
    EXPECT_FALSE(memo.Find("order", false, std::to_string(100000 + i), hit));
    if (i > 2000) {
      EXPECT_FALSE(memo.Storable()) << i;
    }
  }
  // At most 20,000 first sightings; ~1,000 cells per review while off.
  EXPECT_GT(hits, kCells * 8 / 10);
}

TEST(HugeTable, IsZeroFilledAndMoves) {
  struct alignas(64) E {
    uint64_t a;
    char text[56];
  };
  for (size_t n : {size_t{1}, size_t{1000}, size_t{1} << 16}) {  // small, and 4 MiB (huge pages)
    HugeTable<E> t(n);
    ASSERT_EQ(t.size(), n);
    EXPECT_EQ(reinterpret_cast<uintptr_t>(&t[0]) % 64, 0u);
    for (size_t i = 0; i < n; ++i) ASSERT_EQ(t[i].a, 0u) << i;
    t[n - 1].a = 42;
    HugeTable<E> moved = std::move(t);
    EXPECT_TRUE(t.empty());
    EXPECT_EQ(moved[n - 1].a, 42u);
    moved = HugeTable<E>(8);
    EXPECT_EQ(moved.size(), 8u);
    EXPECT_EQ(moved[7].a, 0u);
  }
}

}  // namespace
}  // namespace piiscan::detectors
