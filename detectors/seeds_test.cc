// The real privacy statements (testing::SeedsDir(); not in the repository,
// skipped without them) are test text: every KvK, BTW, IBAN, phone number,
// e-mail address and postcode in them is found (at medium confidence or
// better), and no company name becomes a person.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "detectors/embedded_engine_for_tests.h"
#include "detectors/engine.h"
#include "tests/support/test_support.h"

namespace piiscan::detectors {
namespace {

namespace fs = std::filesystem;
using Found = std::set<std::pair<std::string, std::string>>;

fs::path SeedsDir() { return testing::SeedsDir(); }

Found Scan(const std::string& file) {
  auto engine = EmbeddedEngineForTests();
  if (!engine) {
    ADD_FAILURE() << "embedded rules do not build";
    return {};
  }
  std::ifstream in(SeedsDir() / file, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  auto scanner = engine->NewScanner();
  std::vector<Detection> d;
  scanner->Scan(text, SegmentInfo{}, d);
  Found out;
  for (const auto& x : d) {
    if (x.score >= 0.5) out.emplace(engine->specs()[x.spec].id, x.value);
  }
  return out;
}

class Seeds : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::is_directory(SeedsDir())) GTEST_SKIP() << "no seeds folder at " << SeedsDir();
  }
};

TEST_F(Seeds, QualityNetworksIdentifiersAllFound) {
  Found f = Scan("qualitynetworks-privacyverklaring.txt");
  for (const auto& want : Found{{"kvk", "61637076"},
                                {"btw", "NL854423783B01"},
                                {"iban", "NL78SNSB0903250047"},
                                {"phone_nl", "+31886950500"},
                                {"email", "info@qualitynetworks.nl"},
                                {"email", "support@qualitynetworks.nl"},
                                {"email", "finance@qualitynetworks.nl"},
                                {"postcode_nl", "3531WR"}}) {
    EXPECT_TRUE(f.contains(want)) << want.first << " " << want.second;
  }
  // The btw number's 9 digits are its RSIN, not a BSN.
  for (const auto& [id, value] : f) EXPECT_NE(id, "bsn") << value;
}

TEST_F(Seeds, KoelIctKvkFound) {
  EXPECT_TRUE(Scan("koelict-privacyverklaring.txt").contains({"kvk", "57680701"}));
}

TEST_F(Seeds, NoCompanyBecomesAPerson) {
  for (const auto& entry : fs::directory_iterator(SeedsDir())) {
    if (entry.path().extension() != ".txt") continue;
    for (const auto& [id, value] : Scan(entry.path().filename().string())) {
      EXPECT_NE(id, "person_name") << entry.path().filename() << ": " << value;
      EXPECT_FALSE(id.starts_with("special_")) << entry.path().filename() << ": " << value;
    }
  }
}

}  // namespace
}  // namespace piiscan::detectors
