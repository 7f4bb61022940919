#include "dsar/dsar_report.h"

#include <gtest/gtest.h>

#include "dsar/erasure_list.h"
#include "rules/rule_loader.h"
#include "tests/support/test_support.h"

namespace piiscan::dsar {
namespace {

ItemReport Report() {
  ItemReport r;
  r.file = "shares/hr/personeel.xlsx";
  r.type = "xlsx";
  Finding f;
  f.file = r.file;
  f.location = {"sheet Personeel", "cell B7"};
  f.detector = "person";
  f.category = "name";
  f.confidence = Confidence::kHigh;
  f.masked = "J** d* V****";
  f.matched = Finding::QueryMatch{"name", "full name"};
  f.snippet = "[J** d* V****] <script> [NL91 **** **** **43 00]";
  r.findings.push_back(f);
  f.location = {"sheet Personeel", "cell C7"};
  f.matched = Finding::QueryMatch{"iban", "exact value"};
  r.findings.push_back(f);
  r.statuses.push_back({"shares/hr/oud.zip", {"geheim.docx"}, FileStatus::kEncrypted, "zip: encrypted member"});
  return r;
}

std::string Template() {
  auto rules = rules::LoadEmbeddedRules();
  EXPECT_TRUE(rules);
  return rules->files.at("templates/dsar_report.mustache");
}

TEST(DsarReportTest, RendersHitsFoldersSystemsAndUnread) {
  auto reg = rules::ParseRegister(
      "organisation: Voorbeeld BV\nsystems:\n  - id: hr\n    name: HR-share\n    locations: [\"shares/hr/**\"]\n"
      "    categories: [name, bank_account]\n    retention: 2y\n    purposes: [personeelsadministratie]\n"
      "    legal_basis: contract\n",
      "r.yaml", std::make_shared<rules::CategoryVocabulary>(*rules::CategoryVocabulary::Embedded()));
  DsarReportInfo info{"J** d* V****", {{"name", "J** d* V****"}}, {"shares"}, false, "2026-01-01", nullptr, Template()};
  if (reg) info.register_ = std::make_shared<rules::Register>(*reg);
  reports::ScanSummary s;
  s.files = 3;
  auto html = RenderDsarHtml(info, {Report()}, s);
  ASSERT_TRUE(html) << html.error().message;
  EXPECT_NE(html->find("shares/hr/personeel.xlsx"), std::string::npos);
  EXPECT_NE(html->find("sheet Personeel &gt; cell B7"), std::string::npos);
  EXPECT_NE(html->find("&lt;script&gt;"), std::string::npos);  // escaped
  EXPECT_EQ(html->find("<script>"), std::string::npos);
  EXPECT_NE(html->find("zip: encrypted member"), std::string::npos);
  EXPECT_NE(html->find("name, iban"), std::string::npos);  // fields per folder
  if (reg) {
    EXPECT_NE(html->find("personeelsadministratie"), std::string::npos);
    EXPECT_NE(html->find(">2y<"), std::string::npos);
  } else {
    ADD_FAILURE() << "register did not parse: " << reg.error().message;
  }
}

TEST(ErasureListTest, OneRowPerPlaceWithReasons) {
  testing::TempDir dir;
  std::string path = dir.path() + "/erasure.csv";
  {
    auto out = reports::OutputFile::Open(path);
    ASSERT_TRUE(out);
    auto sink = MakeErasureListSink(std::move(*out));
    auto r = Report();
    r.findings.push_back(r.findings[0]);  // same place twice
    sink->Item(r);
    ASSERT_TRUE(sink->Finish({}));
  }
  EXPECT_EQ(testing::ReadFile(path),
            "file,location,confidence,reason,hits,first_position\n"
            "\"shares/hr/personeel.xlsx\",\"sheet Personeel > cell B7\",high,\"name: full name\",2,\"\"\n"
            "\"shares/hr/personeel.xlsx\",\"sheet Personeel > cell C7\",high,\"iban: exact value\",1,\"\"\n");
}

}  // namespace
}  // namespace piiscan::dsar
