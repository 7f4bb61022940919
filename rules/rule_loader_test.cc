// The embedded rules are the files of rules/data, with the detector specs
// rewritten as JSON at build time (rules/tools/rules_to_json.cc): loading
// them must give exactly what loading the YAML sources gives.
#include "rules/rule_loader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/support/test_support.h"

namespace piiscan::rules {
namespace {

TEST(RuleLoader, EmbeddedRulesAreTheSourceRulesReadFromJson) {
  auto embedded = LoadEmbeddedRules();
  ASSERT_TRUE(embedded) << embedded.error().message;
  auto source = LoadRulesFromDirectory(testing::SourceDir() + "/rules/data");
  ASSERT_TRUE(source) << source.error().message;
  ASSERT_EQ(embedded->detectors.size(), source->detectors.size());
  for (size_t i = 0; i < source->detectors.size(); ++i) {
    EXPECT_TRUE(embedded->detectors[i] == source->detectors[i]) << source->detectors[i].id;
  }
  EXPECT_EQ(embedded->lexicons, source->lexicons);
  EXPECT_EQ(embedded->case_sensitive_lexicons, source->case_sensitive_lexicons);
  EXPECT_EQ(embedded->version, source->version);
  int json_specs = 0;
  for (const auto& [rel, content] : EmbeddedRuleFiles()) {
    if (rel.starts_with("detectors/")) {
      EXPECT_EQ(content.substr(0, 1), "[") << rel << " is not embedded in its JSON form";
      ++json_specs;
    }
  }
  EXPECT_GT(json_specs, 10);
}

// The rule-set version is computed twice: by CMake when it embeds the rules,
// and at run time for a --rules directory. Both must agree, and any change
// of any rule file must change it (a scan store reuses findings only while
// it is equal).
TEST(RuleLoader, RulesVersionIsTheSameEmbeddedOrFromTheSourcesAndFollowsEveryFile) {
  auto embedded = LoadEmbeddedRules();
  ASSERT_TRUE(embedded) << embedded.error().message;
  std::string src = testing::SourceDir() + "/rules/data";
  auto source = LoadRulesFromDirectory(src);
  ASSERT_TRUE(source) << source.error().message;
  EXPECT_EQ(embedded->digest.size(), 64u);
  EXPECT_EQ(RulesVersion(*embedded), RulesVersion(*source));
  EXPECT_TRUE(RulesVersion(*embedded).starts_with(embedded->version + "+"));

  namespace fs = std::filesystem;
  testing::TempDir tmp;
  fs::copy(src, tmp.path() + "/data", fs::copy_options::recursive);
  {
    std::ofstream out(tmp.path() + "/data/lexicons/name_prefixes.txt", std::ios::app);
    out << "# one more comment line changes nothing a detector does, but the file\n";
  }
  auto changed = LoadRulesFromDirectory(tmp.path() + "/data");
  ASSERT_TRUE(changed) << changed.error().message;
  EXPECT_EQ(changed->version, source->version);
  EXPECT_NE(RulesVersion(*changed), RulesVersion(*source));
}

TEST(RuleLoader, JsonAndYamlNotationsOfASpecReadAlike) {
  const std::string yaml = R"yaml(- id: demo
  category: phone
  description: demo
  trigger: numeric
  digits: [8, 13]
  pattern: '([0-9]{8})'
  caseless: true
  score: {base: 0.6, context: 0.9, negative: 0.05}
  context:
    positive: [tel]
    negative: ["€"]
  examples:
    match: ["tel 12345678"]
)yaml";
  // Numbers and booleans unquoted, as a person writes JSON.
  const std::string json = R"json([{"id":"demo","category":"phone","description":"demo","trigger":"numeric",
    "digits":[8,13],"pattern":"([0-9]{8})","caseless":true,
    "score":{"base":0.6,"context":0.9,"negative":0.05},
    "context":{"positive":["tel"],"negative":["€"]},"examples":{"match":["tel 12345678"]}}])json";
  auto a = ParseDetectorSpecs(yaml, "a.yaml");
  auto b = ParseDetectorSpecs(json, "b.yaml");
  ASSERT_TRUE(a) << a.error().message;
  ASSERT_TRUE(b) << b.error().message;
  ASSERT_EQ(a->size(), 1u);
  ASSERT_EQ(b->size(), 1u);
  EXPECT_TRUE((*a)[0] == (*b)[0]);
  EXPECT_EQ((*b)[0].min_digits, 8);
  EXPECT_TRUE((*b)[0].caseless);
  EXPECT_DOUBLE_EQ((*b)[0].negative_score, 0.05);
}

TEST(RuleLoader, MistakesGiveTheSameVerdictInBothNotations) {
  // A map where a string or number belongs falls back to the default, in
  // both; an unknown key and a missing id are errors in both.
  auto fallback_yaml = ParseDetectorSpecs("- {id: d, category: c, trigger: custom, finder: f, masker: {a: b}}", "a");
  auto fallback_json = ParseDetectorSpecs(R"([{"id":"d","category":"c","trigger":"custom","finder":"f","masker":{"a":"b"}}])", "b");
  ASSERT_TRUE(fallback_yaml && fallback_json);
  EXPECT_EQ((*fallback_yaml)[0].masker, (*fallback_json)[0].masker);
  for (auto [yaml, json] : {std::pair{"- {id: d, category: c, trigger: custom, finder: f, priority: {a: 1}}",
                                      R"([{"id":"d","category":"c","trigger":"custom","finder":"f","priority":{"a":1}}])"},
                            std::pair{"- {id: d, category: c, trigger: custom, finder: f, colour: red}",
                                      R"([{"id":"d","category":"c","trigger":"custom","finder":"f","colour":"red"}])"},
                            std::pair{"- {category: c, trigger: custom, finder: f}",
                                      R"([{"category":"c","trigger":"custom","finder":"f"}])"}}) {
    auto a = ParseDetectorSpecs(yaml, "a.yaml");
    auto b = ParseDetectorSpecs(json, "b.yaml");
    ASSERT_EQ(a.has_value(), b.has_value()) << yaml;
    if (a) {
      EXPECT_TRUE((*a)[0] == (*b)[0]) << yaml;
    }
  }
  EXPECT_FALSE(ParseDetectorSpecs(R"([{"id":"d","category":"c","trigger":"custom","finder":"f","colour":"red"}])", "b"));
  EXPECT_FALSE(ParseDetectorSpecs(R"([{"category":"c","trigger":"custom","finder":"f"}])", "b"));
}

TEST(RuleLoader, FlowYamlThatIsNotJsonIsStillYaml) {
  auto specs = ParseDetectorSpecs("[{id: demo, category: email, description: d, trigger: regex, hs: '@', "
                                  "pattern: '(x@y)'}]",
                                  "flow.yaml");
  ASSERT_TRUE(specs) << specs.error().message;
  ASSERT_EQ(specs->size(), 1u);
  EXPECT_EQ((*specs)[0].hs, "@");
}

// How a detector is made fast lives in its `engine:` block; an engine hint
// among the spec's own keys (where specs had them before) is refused with
// the key and the block it moved to named, in both notations.
TEST(RuleLoader, EngineHintsLiveInTheEngineBlock) {
  const std::string base = "- id: x\n  category: c\n  trigger: numeric\n  pattern: '([0-9]{9})'\n  before: 2\n";
  auto ok = ParseDetectorSpecs(base + "  engine:\n    lead: '[A-Z]{2}'\n    separators: ' .'\n", "x.yaml");
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ((*ok)[0].engine.lead, "[A-Z]{2}");
  EXPECT_EQ((*ok)[0].engine.separators, " .");
  EXPECT_TRUE((*ok)[0].engine.has_separators);
  auto json = ParseDetectorSpecs(R"json([{"id":"x","category":"c","trigger":"numeric","pattern":"([0-9]{9})",
    "before":2,"engine":{"lead":"[A-Z]{2}","separators":" ."}}])json", "x.yaml");
  ASSERT_TRUE(json) << json.error().message;
  EXPECT_TRUE((*ok)[0] == (*json)[0]);

  auto flat = ParseDetectorSpecs(base + "  separators: ' .'\n", "x.yaml");
  ASSERT_FALSE(flat);
  EXPECT_NE(flat.error().message.find("x.yaml:6: 'separators' is an engine hint"), std::string::npos)
      << flat.error().message;
  EXPECT_NE(flat.error().message.find("'engine:' block"), std::string::npos) << flat.error().message;
  auto flat_json = ParseDetectorSpecs(
      R"json([{"id":"x","category":"c","trigger":"numeric","pattern":"(1)","lead":"N"}])json", "x");
  ASSERT_FALSE(flat_json);
  EXPECT_NE(flat_json.error().message.find("'lead' is an engine hint"), std::string::npos) << flat_json.error().message;

  auto unknown = ParseDetectorSpecs(base + "  engine:\n    colour: red\n", "x.yaml");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().message.find("unknown key 'colour' in 'engine:'"), std::string::npos)
      << unknown.error().message;
  auto not_a_map = ParseDetectorSpecs(base + "  engine: fast\n", "x.yaml");
  ASSERT_FALSE(not_a_map);
}

}  // namespace
}  // namespace piiscan::rules
