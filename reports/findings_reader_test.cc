#include "reports/findings_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "reports/jsonl_sink.h"

namespace piiscan::reports {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

struct Collect : FindingsVisitor {
  std::vector<Finding> findings;
  std::vector<StatusRecord> statuses;
  uint64_t scanned = 0;
  void OnFinding(const Finding& f) override { findings.push_back(f); }
  void OnStatus(const StatusRecord& s) override { statuses.push_back(s); }
  void OnFilesScanned(uint64_t n) override { scanned = n; }
};

TEST(FindingsReaderTest, ReadsFindingsStatusesAndSummary) {
  std::istringstream in(
      R"({"file":"shares/sales/klanten.csv","location":["sheet Klanten","cell B7"],"detector":"bsn","category":"national_id","confidence":"high","masked":"*****2333","value_hash":"ab12","value":"111222333","line":7,"mtime":1700000000})"
      "\n\n"
      R"({"file":"x.pdf","location":[],"status":"encrypted","reason":"pdf: encrypted"})"
      "\r\n"
      R"({"summary":{"files_scanned":42}})"
      "\n"
      R"({"file":"m.pst","location":["message 3"],"detector":"email","category":"email","confidence":"medium","masked":"j***@example.nl","value_hash":"cd","item_time":1600000000,"mtime":1700000000,"page":2})"
      "\n");
  Collect c;
  auto stats = ReadFindings(in, "f.jsonl", c);
  ASSERT_TRUE(stats.has_value()) << stats.error().message;
  EXPECT_EQ(stats->findings, 2u);
  EXPECT_EQ(stats->statuses, 1u);
  ASSERT_EQ(c.findings.size(), 2u);
  const Finding& f = c.findings[0];
  EXPECT_EQ(f.file, "shares/sales/klanten.csv");
  EXPECT_THAT(f.location, ElementsAre("sheet Klanten", "cell B7"));
  EXPECT_EQ(f.detector, "bsn");
  EXPECT_EQ(f.category, "national_id");
  EXPECT_EQ(f.confidence, Confidence::kHigh);
  EXPECT_EQ(f.masked, "*****2333");
  EXPECT_FALSE(f.value.has_value());  // never read
  EXPECT_EQ(f.line, 7u);
  EXPECT_EQ(f.item_time, 1700000000);  // falls back to mtime
  EXPECT_EQ(c.findings[1].item_time, 1600000000);  // item_time wins
  EXPECT_EQ(c.findings[1].page, 2);
  ASSERT_EQ(c.statuses.size(), 1u);
  EXPECT_EQ(c.statuses[0].status, FileStatus::kEncrypted);
  EXPECT_EQ(c.statuses[0].reason, "pdf: encrypted");
  EXPECT_EQ(c.scanned, 42u);
}

TEST(FindingsReaderTest, ErrorsNameTheLine) {
  Collect c;
  std::istringstream bad_json("{\"file\":\"a\",\"detector\":\"x\",\"category\":\"y\"}\n{oops\n{}\n");
  auto r = ReadFindings(bad_json, "f.jsonl", c);
  ASSERT_FALSE(r.has_value());
  EXPECT_THAT(r.error().message, HasSubstr("f.jsonl:2: not valid JSON"));

  std::istringstream no_kind("{\"file\":\"a\"}\n");
  r = ReadFindings(no_kind, "f.jsonl", c);
  ASSERT_FALSE(r.has_value());
  EXPECT_THAT(r.error().message, HasSubstr("f.jsonl:1: expected a finding"));

  std::istringstream bad_status("{\"file\":\"a\",\"status\":\"melted\"}\n");
  r = ReadFindings(bad_status, "f.jsonl", c);
  ASSERT_FALSE(r.has_value());
  EXPECT_THAT(r.error().message, HasSubstr("unknown status \"melted\""));

  std::istringstream bad_conf("{\"file\":\"a\",\"detector\":\"x\",\"category\":\"y\",\"confidence\":\"sure\"}\n");
  r = ReadFindings(bad_conf, "f.jsonl", c);
  ASSERT_FALSE(r.has_value());
  EXPECT_THAT(r.error().message, HasSubstr("low, medium or high"));

  std::istringstream bad_loc("{\"file\":\"a\",\"location\":\"x\",\"detector\":\"x\",\"category\":\"y\"}\n");
  r = ReadFindings(bad_loc, "f.jsonl", c);
  ASSERT_FALSE(r.has_value());
  EXPECT_THAT(r.error().message, HasSubstr("array of strings"));
}

TEST(FindingsReaderTest, TruncatedLastLineIsAWarning) {
  Collect c;
  std::istringstream in(
      "{\"file\":\"a\",\"location\":[],\"detector\":\"email\",\"category\":\"email\",\"confidence\":\"high\"}\n"
      "{\"file\":\"b\",\"location\":[],\"detec");
  auto r = ReadFindings(in, "f.jsonl", c);
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_EQ(c.findings.size(), 1u);
  ASSERT_EQ(r->warnings.size(), 1u);
  EXPECT_THAT(r->warnings[0], HasSubstr("f.jsonl:2: last line is incomplete"));
}

TEST(FindingsReaderTest, MissingFile) {
  Collect c;
  auto r = ReadFindingsFile("/nonexistent/f.jsonl", c);
  ASSERT_FALSE(r.has_value());
  EXPECT_THAT(r.error().message, HasSubstr("cannot read"));
}

// A path that is not valid UTF-8 (a Latin-1 file name on an old share)
// survives writing and reading exactly: "file" is lossy for people,
// "file_bytes" exact for programs. The header record is passed over.
TEST(FindingsReaderTest, NonUtf8PathsRoundTripThroughFileBytes) {
  Finding f;
  f.file = "shares/r\xe9sum\xe9.txt";  // Latin-1 é
  f.detector = "bsn";
  f.category = "national_id";
  f.masked = "*******33";
  f.value_hash = "ab";
  StatusRecord st{"shares/caf\xe9.pdf", {}, FileStatus::kEncrypted, "pdf: encrypted"};
  ScanInfo info;
  info.scan_id = "s1";
  std::string finding_line = FindingJson(f);
  EXPECT_NE(finding_line.find("\"file_bytes\""), std::string::npos);
  EXPECT_EQ(FindingJson(Finding{.file = "plain.txt"}).find("file_bytes"), std::string::npos);
  std::istringstream in(HeaderJson(info) + "\n" + finding_line + "\n" + StatusJson(st) + "\n");
  Collect c;
  auto stats = ReadFindings(in, "f.jsonl", c);
  ASSERT_TRUE(stats.has_value()) << stats.error().message;
  ASSERT_EQ(c.findings.size(), 1u);
  EXPECT_EQ(c.findings[0].file, f.file);
  ASSERT_EQ(c.statuses.size(), 1u);
  EXPECT_EQ(c.statuses[0].file, st.file);
}

}  // namespace
}  // namespace piiscan::reports
