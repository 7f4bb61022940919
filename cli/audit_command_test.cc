// `piiscan audit` and `piiscan register draft` through their entry points:
// options, exit codes, the JSON shape, and the spreadsheet read back.
#include <archive.h>
#include <archive_entry.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <sys/stat.h>

#include <map>
#include <nlohmann/json.hpp>

#include "audit/audit_test_data.h"
#include "cli/audit_options.h"
#include "cli/commands.h"
#include "cli/subcommands.h"
#include "tests/support/test_support.h"

namespace piiscan::cli {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

int Call(int (*run)(int, char**), std::vector<std::string> args) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  return run(static_cast<int>(argv.size()), argv.data());
}

struct Fixture {
  testing::TempDir dir;
  std::string reg = dir.Write("register.yaml", audit::testdata::RegisterYaml());
  std::string findings = dir.Write("findings.jsonl", audit::testdata::FindingsJsonl());
  std::string Path(const std::string& name) const { return dir.path() + "/" + name; }
  int Audit(std::vector<std::string> extra) const {
    std::vector<std::string> args = {"audit", "--register", reg, "--findings", findings, "--now", audit::testdata::kNow};
    args.insert(args.end(), extra.begin(), extra.end());
    return Call(RunAudit, args);
  }
};

TEST(AuditCommandTest, JsonOutputShape) {
  Fixture f;
  ASSERT_EQ(f.Audit({"--format", "json", "--output", f.Path("gaps.json")}), kExitOk);
  auto j = nlohmann::json::parse(testing::ReadFile(f.Path("gaps.json")));
  EXPECT_EQ(j["organisation"], "Voorbeeld BV");
  EXPECT_EQ(j["now"], "2024-06-01");
  EXPECT_EQ(j["summary"]["findings"], 18);
  EXPECT_EQ(j["summary"]["gaps_by_severity"]["critical"], 3);
  ASSERT_TRUE(j["gaps"].is_array());
  const auto& first = j["gaps"][0];
  EXPECT_EQ(first["kind"], "bsn_without_basis");
  EXPECT_EQ(first["system"], "sales-share");
  EXPECT_EQ(first["category"], "national_id");
  EXPECT_EQ(first["severity"], "critical");
  EXPECT_EQ(first["count"], 2);
  EXPECT_EQ(first["locations"], nlohmann::json::array({"shares/sales/klanten.xlsx"}));
  EXPECT_EQ(first["samples"][0]["masked"], "*****2333");
  for (const auto& g : j["gaps"]) {
    for (const char* key : {"kind", "system", "category", "severity", "count", "locations"}) {
      EXPECT_TRUE(g.contains(key)) << key << " missing in " << g.dump();
    }
  }
  bool nowhere = false;
  for (const auto& g : j["gaps"]) {
    if (g["kind"] == "undeclared_location") {
      nowhere = true;
      EXPECT_TRUE(g["system"].is_null());
    }
  }
  EXPECT_TRUE(nowhere);
  EXPECT_THAT(testing::ReadFile(f.Path("gaps.json")), Not(HasSubstr("111222333")));
  struct stat st;
  ASSERT_EQ(::stat(f.Path("gaps.json").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST(AuditCommandTest, FailOnAndExitCodes) {
  Fixture f;
  EXPECT_EQ(f.Audit({"--output", f.Path("a.txt")}), kExitOk);
  EXPECT_EQ(f.Audit({"--output", f.Path("a.txt"), "--fail-on", "gaps"}), kExitFindings);
  EXPECT_EQ(f.Audit({"--output", f.Path("a.txt"), "--fail-on", "critical"}), kExitFindings);
  std::string text = testing::ReadFile(f.Path("a.txt"));
  EXPECT_THAT(text, HasSubstr("CRITICAL  bsn_without_basis  system sales-share  national_id"));
  EXPECT_THAT(text, HasSubstr("gaps: 3 critical, 0 high, 5 medium, 1 low, 5 info"));

  // A clean register for clean findings: no gaps above info, exit 0 even with --fail-on.
  testing::TempDir d;
  std::string reg = d.Write("r.yaml", "organisation: X\nsystems:\n  - id: all\n    locations: ['**']\n    categories: [email]\n");
  std::string fin = d.Write("f.jsonl",
                            R"({"file":"a.txt","location":[],"detector":"email","category":"email","confidence":"high","masked":"x","value_hash":"1"})"
                            "\n");
  EXPECT_EQ(Call(RunAudit, {"audit", "--register", reg, "--findings", fin, "--fail-on", "gaps", "-o", d.path() + "/o"}),
            kExitOk);

  // Usage errors and a bad register: exit 2, with the line in the message.
  EXPECT_EQ(f.Audit({"--format", "xml"}), kExitUsage);
  EXPECT_EQ(f.Audit({"--fail-on", "sometimes"}), kExitUsage);
  EXPECT_EQ(Call(RunAudit, {"audit", "--register", f.reg, "--findings", f.findings, "--now", "01-06-2024"}), kExitUsage);
  EXPECT_EQ(Call(RunAudit, {"audit", "--findings", f.findings}), kExitUsage);
  std::string bad = d.Write("bad.yaml", "organisation: X\nsystems:\n  - id: a\n    categories: [nam]\n");
  ::testing::internal::CaptureStderr();
  EXPECT_EQ(Call(RunAudit, {"audit", "--register", bad, "--findings", fin}), kExitUsage);
  std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_THAT(err, HasSubstr("bad.yaml:4:"));
  EXPECT_THAT(err, HasSubstr("unknown category 'nam'"));
  std::string broken = d.Write("broken.jsonl", "{\"file\":\"a\"}\n");
  EXPECT_EQ(Call(RunAudit, {"audit", "--register", reg, "--findings", broken}), kExitUsage);
  EXPECT_EQ(f.Audit({"--output", "/nonexistent/dir/out.txt"}), kExitFailure);
}

// --- XLSX read back with libarchive (zip) and libxml2 ---

std::map<std::string, std::string> Unzip(const std::string& path) {
  std::map<std::string, std::string> out;
  archive* a = archive_read_new();
  archive_read_support_format_zip(a);
  EXPECT_EQ(archive_read_open_filename(a, path.c_str(), 1 << 16), ARCHIVE_OK);
  archive_entry* e;
  while (archive_read_next_header(a, &e) == ARCHIVE_OK) {
    std::string data;
    char buf[1 << 15];
    la_ssize_t n;
    while ((n = archive_read_data(a, buf, sizeof buf)) > 0) data.append(buf, n);
    out[archive_entry_pathname(e)] = std::move(data);
  }
  archive_read_free(a);
  return out;
}

std::vector<xmlNode*> Elements(xmlNode* root, const char* name) {
  std::vector<xmlNode*> out;
  std::vector<xmlNode*> stack = {root};
  while (!stack.empty()) {
    xmlNode* n = stack.back();
    stack.pop_back();
    for (; n; n = n->next) {
      if (n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST name) == 0) out.push_back(n);
      if (n->children) stack.push_back(n->children);
    }
  }
  return out;
}

std::string Attr(xmlNode* n, const char* name) {
  xmlChar* v = xmlGetProp(n, BAD_CAST name);
  std::string s = v ? reinterpret_cast<char*>(v) : "";
  xmlFree(v);
  return s;
}

std::string Text(xmlNode* n) {
  xmlChar* v = xmlNodeGetContent(n);
  std::string s = v ? reinterpret_cast<char*>(v) : "";
  xmlFree(v);
  return s;
}

struct Workbook {
  std::vector<std::string> sheets;
  std::map<std::string, std::map<std::string, std::string>> cells;  // sheet -> A1 -> value
  std::map<std::string, std::string> xml;                           // sheet -> raw XML
};

Workbook ReadXlsx(const std::string& path) {
  Workbook wb;
  auto files = Unzip(path);
  auto parse = [](const std::string& s) { return xmlReadMemory(s.data(), static_cast<int>(s.size()), nullptr, nullptr, XML_PARSE_NONET); };
  xmlDoc* book = parse(files["xl/workbook.xml"]);
  for (xmlNode* s : Elements(xmlDocGetRootElement(book), "sheet")) wb.sheets.push_back(Attr(s, "name"));
  xmlFreeDoc(book);
  std::vector<std::string> shared;
  xmlDoc* ss = parse(files["xl/sharedStrings.xml"]);
  if (ss) {
    for (xmlNode* si : Elements(xmlDocGetRootElement(ss), "si")) shared.push_back(Text(si));
    xmlFreeDoc(ss);
  }
  for (size_t i = 0; i < wb.sheets.size(); ++i) {
    std::string xml = files["xl/worksheets/sheet" + std::to_string(i + 1) + ".xml"];
    wb.xml[wb.sheets[i]] = xml;
    xmlDoc* doc = parse(xml);
    for (xmlNode* c : Elements(xmlDocGetRootElement(doc), "c")) {
      auto v = Elements(c->children, "v");
      if (v.empty()) continue;
      std::string value = Text(v[0]);
      if (Attr(c, "t") == "s") value = shared.at(std::stoul(value));
      wb.cells[wb.sheets[i]][Attr(c, "r")] = value;
    }
    xmlFreeDoc(doc);
  }
  return wb;
}

TEST(AuditCommandTest, XlsxHasFourFilteredSheetsWithTheGaps) {
  Fixture f;
  ASSERT_EQ(f.Audit({"--output", f.Path("a.txt"), "--xlsx", f.Path("audit.xlsx")}), kExitOk);
  struct stat st;
  ASSERT_EQ(::stat(f.Path("audit.xlsx").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  Workbook wb = ReadXlsx(f.Path("audit.xlsx"));
  EXPECT_EQ(wb.sheets, (std::vector<std::string>{"Summary", "Gaps", "Findings", "Unscanned"}));
  for (const auto& name : wb.sheets) {
    EXPECT_THAT(wb.xml[name], HasSubstr("<autoFilter ref=\"A1:")) << name;
    EXPECT_THAT(wb.xml[name], HasSubstr("state=\"frozen\"")) << name;
  }
  auto& summary = wb.cells["Summary"];
  EXPECT_EQ(summary["A2"], "Organisation");
  EXPECT_EQ(summary["B2"], "Voorbeeld BV");
  auto& gaps = wb.cells["Gaps"];
  EXPECT_EQ(gaps["A1"], "Severity");
  EXPECT_EQ(gaps["A2"], "critical");
  EXPECT_EQ(gaps["B2"], "bsn_without_basis");
  EXPECT_EQ(gaps["C2"], "sales-share");
  EXPECT_EQ(gaps["F2"], "2");
  EXPECT_THAT(gaps["L2"], HasSubstr("*****2333"));
  auto& findings = wb.cells["Findings"];
  EXPECT_EQ(findings["A19"].empty(), false);  // 18 findings + header
  EXPECT_TRUE(findings["A20"].empty());
  EXPECT_EQ(findings["A2"], "shares/sales/klanten.xlsx");
  EXPECT_EQ(findings["B2"], "sheet Klanten > cell B7");
  EXPECT_EQ(findings["F2"], "*****2333");
  EXPECT_EQ(findings["H2"], "bsn_without_basis");
  auto& unscanned = wb.cells["Unscanned"];
  EXPECT_EQ(unscanned["A2"], "shares/finance/geheim.zip");
  EXPECT_EQ(unscanned["C2"], "encrypted");
  EXPECT_EQ(unscanned["E2"], "finance");
  for (const auto& [sheet, cells] : wb.cells) {
    for (const auto& [ref, v] : cells) EXPECT_THAT(v, Not(HasSubstr("111222333"))) << sheet << "!" << ref;
  }
}

TEST(AuditCommandTest, HtmlReportWritten) {
  Fixture f;
  ASSERT_EQ(f.Audit({"--output", f.Path("a.txt"), "--report", f.Path("audit.html")}), kExitOk);
  std::string html = testing::ReadFile(f.Path("audit.html"));
  EXPECT_THAT(html, HasSubstr("data-kind=\"id_copy\""));
  EXPECT_THAT(html, Not(HasSubstr("111222333")));
}

TEST(RegisterCommandTest, DraftLoadsAsARegister) {
  testing::TempDir d;
  std::string statement = d.Write("verklaring.txt",
                                  "Privacyverklaring Voorbeeld B.V.\n\nVoorbeeld B.V. slaat uw naam en e-mailadres op in "
                                  "HubSpot. Facturen staan in Moneybird en worden 7 jaar bewaard.\n");
  std::string out = d.path() + "/draft.yaml";
  ASSERT_EQ(Call(RunRegister, {"register", "draft", statement, "--output", out}), kExitOk);
  std::string yaml = testing::ReadFile(out);
  EXPECT_THAT(yaml, HasSubstr("organisation: \"Voorbeeld B.V.\""));
  EXPECT_THAT(yaml, HasSubstr("id: \"hubspot\""));
  EXPECT_THAT(yaml, HasSubstr("retention: 7y"));
  // The draft is a register the audit accepts as it is.
  std::string fin = d.Write("f.jsonl",
                            R"({"file":"a.txt","location":[],"detector":"email","category":"email","confidence":"high","masked":"x","value_hash":"1"})"
                            "\n");
  EXPECT_EQ(Call(RunAudit, {"audit", "--register", out, "--findings", fin, "-o", d.path() + "/o"}), kExitOk);
  EXPECT_THAT(testing::ReadFile(d.path() + "/o"), HasSubstr("no locations"));

  EXPECT_EQ(Call(RunRegister, {"register", "draft", d.path() + "/missing.txt"}), kExitUsage);
  EXPECT_EQ(Call(RunRegister, {"register", "undo", statement}), kExitUsage);
}

}  // namespace
}  // namespace piiscan::cli

namespace piiscan::cli {
namespace {

// `scan --register` adds the audit flags next to scan's own --output,
// --format, --min-confidence and --rules: no option may be defined twice.
TEST(AuditOptionsTest, ScanModeAddsNoClashingOptions) {
  namespace po = boost::program_options;
  std::string out, format, conf, rules;
  po::options_description desc;
  desc.add_options()("output,o", po::value(&out))("format", po::value(&format))(
      "min-confidence", po::value(&conf))("rules", po::value(&rules));
  AuditCliOptions ao;
  AddAuditOptions(desc, ao, /*with_findings=*/false);
  std::vector<std::string> args = {"scan", "-o", "f.jsonl", "--register", "r.yaml", "--report", "a.html",
                                   "--audit-format", "json", "--audit-output", "gaps.json", "--fail-on", "high"};
  std::vector<const char*> argv;
  for (auto& a : args) argv.push_back(a.c_str());
  po::variables_map vm;
  po::store(po::parse_command_line(static_cast<int>(argv.size()), argv.data(), desc), vm);
  po::notify(vm);
  EXPECT_EQ(out, "f.jsonl");
  EXPECT_EQ(ao.register_file, "r.yaml");
  EXPECT_EQ(ao.report, "a.html");
  EXPECT_EQ(ao.format, "json");
  EXPECT_EQ(ao.output, "gaps.json");
  EXPECT_EQ(ao.fail_on, "high");
}

}  // namespace
}  // namespace piiscan::cli
