// The store answer's own rules, on a real SQLite store written through the
// store interface: which name forms a stored name answers and how strongly,
// the weak-hit rule, blind spots, and coverage that says when a root was
// never scanned completely.
#include "dsar/store_answer.h"

#include <gtest/gtest.h>

#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/store_test_util.h"
#include "tests/support/test_support.h"

namespace piiscan::dsar {
namespace {

using store::testing::MakeFile;
using store::testing::MakeScan;

class StoreAnswerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = store::OpenSqliteStore(dir_.path() + "/piiscan.db");
    ASSERT_TRUE(s.has_value()) << s.error().message;
    store_ = std::move(*s);
  }
  // A person_name finding as a scan with a store records it.
  Finding Name(const store::FileState& file, const std::string& written, Confidence c = Confidence::kHigh) {
    Finding f;
    f.file = file.path;
    f.detector = "person_name";
    f.category = "name";
    f.confidence = c;
    f.masked = "masked";
    f.value_hash = hasher_.Hash("name:" + written);
    auto keys = keyer_.ForName(written);
    f.name_key = keys.key;
    f.name_tokens = keys.tokens;
    return f;
  }
  void Record(bool completed, const std::vector<std::pair<store::FileState, std::vector<Finding>>>& files,
              const std::vector<StatusRecord>& statuses = {}) {
    auto w = store_->OpenWriter({});
    ASSERT_TRUE(w.has_value());
    ASSERT_TRUE((*w)->BeginScan(MakeScan("s1")).has_value());
    for (const auto& [file, findings] : files) {
      ASSERT_TRUE((*w)->BeginFile(file).has_value());
      for (const auto& f : findings) ASSERT_TRUE((*w)->AddFinding(f).has_value());
      for (const auto& s : statuses) {
        if (s.file == file.path) {
          ASSERT_TRUE((*w)->AddStatus(s).has_value());
        }
      }
      ASSERT_TRUE((*w)->EndFile().has_value());
    }
    ASSERT_TRUE((*w)->FinishScan({.completed = completed}).has_value());
  }
  StoreAnswer Ask(const std::string& name, StoreAnswerOptions options = {}) {
    PersonQuery q;
    q.names = {name};
    auto n = NormaliseQuery(q, {"de", "van", "der"});
    EXPECT_TRUE(n.has_value());
    rules::DetectorSpec spec;
    spec.id = "person_name";
    spec.category = "name";
    StoreQuery query(*n, {spec}, hasher_, keyer_);
    auto reader = store_->OpenReader();
    EXPECT_TRUE(reader.has_value());
    auto scans = (*reader)->Scans();
    EXPECT_TRUE(scans.has_value());
    auto a = query.Answer(**reader, *scans, options);
    EXPECT_TRUE(a.has_value()) << a.error().message;
    return a ? std::move(*a) : StoreAnswer{};
  }

  testing::TempDir dir_;
  KeyedHasher hasher_{"store-answer-test-key"};
  detectors::NameKeyer keyer_{{"de", "van", "der"}, hasher_};
  std::unique_ptr<store::Store> store_;
};

TEST_F(StoreAnswerTest, NameFormsAreToldApartAndLonelySurnamesDropped) {
  auto letter = MakeFile("brief.txt", 1), list = MakeFile("lijst.csv", 2), other = MakeFile("ander.txt", 3);
  Record(true, {{letter, {Name(letter, "De Vries"), Name(letter, "J.P. de Vries")}},
                {list, {Name(list, "Vries, Jan de"), Name(list, "Piet de Vries")}},
                {other, {Name(other, "Piet de Vries")}}});
  StoreAnswer a = Ask("Jan Peter de Vries");
  std::map<std::string, std::vector<std::string>> got;  // file -> variant/confidence
  for (const auto& item : a.files)
    for (const auto& f : item.findings)
      got[item.file].push_back(f.matched->variant + "/" + std::string(ConfidenceName(f.confidence)));
  // The salutation's surname stays beside the initials; the namesake's
  // surname alone in another file is dropped (no stronger hit there).
  EXPECT_EQ(got[letter.path], (std::vector<std::string>{"surname/low", "initials + surname/medium"}));
  EXPECT_EQ(got[list.path], (std::vector<std::string>{"full name/high", "surname/low"}));
  EXPECT_FALSE(got.contains(other.path));
  ASSERT_EQ(a.roots.size(), 1u);
  EXPECT_TRUE(a.roots[0].completed_unix_ms.has_value());
  // With --include-weak the namesake's file is there too.
  EXPECT_EQ(Ask("Jan Peter de Vries", {.include_weak = true}).files.size(), 3u);
}

TEST_F(StoreAnswerTest, AStoreWithoutACompletedScanSaysSoAndBlindSpotsAreListed) {
  auto letter = MakeFile("brief.txt", 1), locked = MakeFile("geheim.docx", 2);
  Record(false, {{letter, {Name(letter, "Jan de Vries")}}, {locked, {}}},
         {{locked.path, {}, FileStatus::kEncrypted, "password protected"}});
  StoreAnswer a = Ask("Jan de Vries");
  ASSERT_EQ(a.roots.size(), 1u);
  EXPECT_EQ(a.roots[0].root, "/srv/share");
  EXPECT_FALSE(a.roots[0].completed_unix_ms.has_value());
  EXPECT_EQ(a.hits, 1u);
  EXPECT_EQ(a.blind_spots, 1u);
  bool listed = false;
  for (const auto& item : a.files)
    for (const auto& s : item.statuses) listed = listed || (item.file == locked.path && s.status == FileStatus::kEncrypted);
  EXPECT_TRUE(listed);
}

}  // namespace
}  // namespace piiscan::dsar
