// The triage YAML: what --export writes, --import reads back exactly; times
// keep their milliseconds; malformed entries are named.
#include "cli/triage_yaml.h"

#include <gtest/gtest.h>

namespace piiscan::cli {
namespace {

TEST(TriageYaml, WhatIsWrittenReadsBackTheSame) {
  store::TriageVerdict a;
  a.id = 4;
  a.value_hash = std::string(64, 'c');
  a.file = "docs/faq: \"quoted\" #not a comment.txt";
  a.verdict = store::Verdict::kAccepted;
  a.note = "test IBAN, allowed: see ticket #12\nsecond line";
  a.by = "Ærøskøbing auditor";
  a.created_unix_ms = 1'796'651'682'123;
  a.key_fingerprint = "0011223344556677";
  a.scan_id = "20261207T134801Z-3f9a1c2b";
  store::TriageVerdict b;
  b.id = 5;
  b.glob = "shares/marketing/**";
  b.detector = "person_name";
  b.verdict = store::Verdict::kFalsePositive;
  b.by = "auditor";
  b.created_unix_ms = 1'796'651'700'000;
  b.key_fingerprint = "0011223344556677";
  std::string yaml = TriageYaml({a, b}, {{4, "iban NL91 **** **43 00; 3 current findings"}});
  EXPECT_NE(yaml.find("# iban NL91"), std::string::npos) << yaml;
  auto back = ParseTriageYaml(yaml);
  ASSERT_TRUE(back.has_value()) << back.error().message << "\n" << yaml;
  ASSERT_EQ(back->size(), 2u);
  const auto& x = (*back)[0];
  EXPECT_EQ(x.value_hash, a.value_hash);
  EXPECT_EQ(x.file, a.file);
  EXPECT_EQ(x.verdict, a.verdict);
  EXPECT_EQ(x.note, a.note);
  EXPECT_EQ(x.by, a.by);
  EXPECT_EQ(x.created_unix_ms, a.created_unix_ms);
  EXPECT_EQ(x.key_fingerprint, a.key_fingerprint);
  EXPECT_EQ(x.scan_id, a.scan_id);
  EXPECT_EQ((*back)[1].glob, b.glob);
  EXPECT_EQ((*back)[1].detector, b.detector);
  EXPECT_TRUE((*back)[1].scan_id.empty());
}

TEST(TriageYaml, TimesKeepTheirMilliseconds) {
  EXPECT_EQ(IsoTimeMs(1'796'649'282'007), "2026-12-07T13:14:42.007Z");
  EXPECT_EQ(ParseIsoTimeMs("2026-12-07T13:14:42.007Z"), 1'796'649'282'007);
  EXPECT_EQ(ParseIsoTimeMs("2026-12-07T13:14Z"), 1'796'649'240'000);
  EXPECT_FALSE(ParseIsoTimeMs("2026-12-07").has_value());
  EXPECT_FALSE(ParseIsoTimeMs("2026-13-07T13:14:42Z").has_value());
  EXPECT_FALSE(ParseIsoTimeMs("2026-12-07T13:14:42.7Z").has_value());
}

TEST(TriageYaml, MalformedEntriesAreNamed) {
  auto bad = [](const std::string& text) {
    auto r = ParseTriageYaml(text);
    return r ? std::string("accepted") : r.error().message;
  };
  const std::string head = "piiscan_triage: 1\nverdicts:\n";
  EXPECT_EQ(bad("verdicts: []\n"), "not a piiscan triage file (no 'piiscan_triage: 1' at the top)");
  EXPECT_NE(bad("piiscan_triage: 2\n").find("version 2"), std::string::npos);
  EXPECT_NE(bad(head + "  - glob: a/**\n    detector: email\n    verdict: accepted\n    by: x\n")
                .find("verdict 1: an accepted verdict needs a note"),
            std::string::npos);
  EXPECT_NE(
      bad(head +
          "  - value_hash: abc\n    verdict: false_positive\n    by: x\n    key_fingerprint: k\n")
          .find("verdict 1: a value hash is 64"),
      std::string::npos);
  EXPECT_NE(bad(head + "  - value_hash: " + std::string(64, 'a') +
                "\n    verdict: false_positive\n    by: x\n")
                .find("needs the key_fingerprint"),
            std::string::npos);
  EXPECT_NE(bad(head + "  - glob: a/**\n    detector: email\n    verdict: false_positive\n    by: "
                       "x\n    colour: red\n")
                .find("unknown field 'colour'"),
            std::string::npos);
  EXPECT_NE(bad(head + "  - [1, 2\n").find("not valid YAML"), std::string::npos);
  EXPECT_EQ(
      bad(head + "  - glob: a/**\n    detector: email\n    verdict: false_positive\n    by: x\n"),
      "accepted");
}

}  // namespace
}  // namespace piiscan::cli
