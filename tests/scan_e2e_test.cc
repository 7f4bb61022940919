// `piiscan scan` as a user runs it: the built binary on real files, checking
// the output contract (valid JSONL, masked values, mode 0600), exit codes,
// permission problems, and a clean stop on Ctrl-C.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/base64.h"
#include "tests/support/test_support.h"

namespace piiscan {
namespace {

using testing::PiiscanBinary;
testing::CommandResult Sh(const std::string& command) { return testing::Run(command); }
using testing::TempDir;

// Synthetic values; none may appear in output without --show-values.
const char* kRawValues[] = {"NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "111222333",
                            "jan.devries@voorbeeld.nl", "06-12345678", "+31612345678"};

std::vector<nlohmann::json> ParseJsonl(const std::string& text) {
  std::vector<nlohmann::json> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) out.push_back(nlohmann::json::parse(line));  // throws if invalid
  return out;
}

class ScanE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    key_ = dir_.Write("key", "test-key-0123456789abcdef\n");
    chmod(key_.c_str(), 0600);  // a key others can read is refused
    dir_.Write("share/klant.txt",
               "Klant: Jan de Vries\nBSN: 111222333\nIBAN: NL91 ABNA 0417 1643 00\n"
               "Mail jan.devries@voorbeeld.nl, tel 06-12345678\n");
    dir_.Write("share/notes.csv", "naam;bsn;telefoon\nJan de Vries;111222333;06-12345678\n");
  }
  std::string Cmd(const std::string& args) {
    return PiiscanBinary() + " scan -q --no-progress --hash-key-file " + key_ + " " + args;
  }
  TempDir dir_;
  std::string key_;
};

// The stream opens with the scan's identity: what ran, over what, with which
// key (as a fingerprint) and which result-changing options; the config
// fingerprint changes exactly when findings could.
TEST_F(ScanE2e, StreamOpensWithAHeaderRecordThatIdentifiesTheScan) {
  std::string share = dir_.path() + "/share";
  auto header = [&](const std::string& args, const std::string& key = "") {
    auto r = Sh(key.empty() ? Cmd(args + " " + share)
                            : PiiscanBinary() + " scan -q --no-progress --hash-key-file " + key + " " + share);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    auto recs = ParseJsonl(r.out);
    EXPECT_FALSE(recs.empty());
    EXPECT_TRUE(recs.front().contains("header")) << r.out.substr(0, 200);
    return recs.empty() ? nlohmann::json() : recs.front()["header"];
  };
  auto a = header("");
  auto b = header("");
  EXPECT_NE(a["scan_id"], b["scan_id"]);
  EXPECT_EQ(a["config_fingerprint"], b["config_fingerprint"]);
  EXPECT_EQ(a["roots"], nlohmann::json::array({share}));
  EXPECT_EQ(a["command"], "scan");
  std::string version = testing::ReadFile(testing::SourceDir() + "/rules/data/VERSION");
  version = version.substr(0, version.find('\n'));
  EXPECT_TRUE(a["rules_version"].get<std::string>().starts_with(version + "+")) << a.dump();
  EXPECT_EQ(a["key_fingerprint"].get<std::string>().size(), 16u);
  EXPECT_EQ(a["options"]["min_confidence"], "medium");
  EXPECT_EQ(a["options"]["show_values"], "false");
  EXPECT_TRUE(a["options"].contains("detectors"));
  EXPECT_FALSE(a["options"].contains("threads"));
  EXPECT_EQ(a["started"].get<std::string>().size(), 20u);  // 2026-12-07T13:48:01Z
  char host[256] = {0};
  gethostname(host, sizeof host - 1);
  EXPECT_EQ(a["host"], host);
  auto r = Sh(PiiscanBinary() + " --version");
  EXPECT_NE(r.out.find(a["piiscan_version"].get<std::string>()), std::string::npos) << r.out;

  // Threads change nothing found; the threshold, the detectors and the key do.
  EXPECT_EQ(header("-j1")["config_fingerprint"], a["config_fingerprint"]);
  EXPECT_NE(header("--min-confidence high")["config_fingerprint"], a["config_fingerprint"]);
  EXPECT_NE(header("--detectors bsn")["config_fingerprint"], a["config_fingerprint"]);
  std::string other_key = dir_.Write("other.key", "another-key-0123456789abcdef\n");
  chmod(other_key.c_str(), 0600);
  auto c = header("", other_key);
  EXPECT_NE(c["key_fingerprint"], a["key_fingerprint"]);
  EXPECT_NE(c["config_fingerprint"], a["config_fingerprint"]);
  // The fingerprint does not give the key away.
  EXPECT_EQ(a.dump().find("test-key"), std::string::npos);
}

// A file name that is not valid UTF-8 is written losslessly: "file" with
// U+FFFD for people, "file_bytes" (base64) with the exact bytes.
TEST_F(ScanE2e, NonUtf8FileNamesAreWrittenLosslessly) {
  std::string name = dir_.Write("latin1/klant_caf\xe9.txt", "Klant: Jan de Vries\nBSN: 111222333\n");
  auto r = Sh(Cmd(dir_.path() + "/latin1"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto recs = ParseJsonl(r.out);
  ASSERT_GE(recs.size(), 3u);  // header, findings, summary
  const auto& f = recs[1];
  ASSERT_TRUE(f.contains("file_bytes")) << f.dump();
  EXPECT_NE(f["file"].get<std::string>().find("\xef\xbf\xbd"), std::string::npos);  // U+FFFD
  EXPECT_EQ(Base64Decode(f["file_bytes"].get<std::string>()), name);
}

// One record per value, file, location and detector, whose counts are
// exactly the occurrences --each-occurrence lists one by one.
TEST_F(ScanE2e, FindingsAreCountedPerDistinctValueAndAddUpToEveryOccurrence) {
  std::string sample = testing::SourceDir() + "/corpus/sample";
  auto counts = [&](const std::string& args, size_t& records) {
    auto r = Sh(Cmd("--min-confidence low --exclude truth.jsonl " + args + " " + sample));
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::map<std::string, uint64_t> out;
    records = 0;
    for (const auto& rec : ParseJsonl(r.out)) {
      if (!rec.contains("detector")) continue;
      ++records;
      std::string key = rec["file"].get<std::string>() + "|" + rec["location"].dump() + "|" +
                        rec["detector"].get<std::string>() + "|" + rec["value_hash"].get<std::string>();
      out[key] += rec["count"].get<uint64_t>();
    }
    return out;
  };
  size_t aggregated_records = 0, each_records = 0;
  auto aggregated = counts("", aggregated_records);
  auto each = counts("--each-occurrence", each_records);
  EXPECT_EQ(aggregated, each);
  EXPECT_EQ(aggregated_records, aggregated.size());  // no value twice at one place
  EXPECT_LT(aggregated_records, each_records);       // the sample repeats values
}

TEST_F(ScanE2e, DefaultOutputNeverCarriesARawValue) {
  std::string out = dir_.path() + "/findings.jsonl";
  auto r = Sh(Cmd("--min-confidence low -o " + out + " " + dir_.path() + "/share"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string text = testing::ReadFile(out);
  auto records = ParseJsonl(text);
  ASSERT_GE(records.size(), 6u);
  for (const char* raw : kRawValues) EXPECT_EQ(text.find(raw), std::string::npos) << raw;
  EXPECT_EQ(r.err.find("111222333"), std::string::npos);
  ASSERT_TRUE(records.back().contains("summary"));
  EXPECT_EQ(records.back()["summary"]["files_scanned"], 2);
  records.pop_back();
  ASSERT_TRUE(records.front().contains("header"));
  records.erase(records.begin());
  for (const auto& rec : records) {
    EXPECT_FALSE(rec.contains("value"));
    EXPECT_EQ(rec["value_hash"].get<std::string>().size(), 64u);
    EXPECT_TRUE(rec["location"].is_array());
  }
  struct stat st;
  ASSERT_EQ(stat(out.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST_F(ScanE2e, ShowValuesAddsNormalisedValues) {
  auto r = Sh(Cmd("--show-values --min-confidence low " + dir_.path() + "/share"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::set<std::string> values;
  for (const auto& rec : ParseJsonl(r.out)) {
    if (rec.contains("value")) values.insert(rec["detector"].get<std::string>() + "=" + rec["value"].get<std::string>());
  }
  EXPECT_TRUE(values.contains("iban=NL91ABNA0417164300"));
  EXPECT_TRUE(values.contains("bsn=111222333"));
  EXPECT_TRUE(values.contains("phone_nl=+31612345678"));
  EXPECT_TRUE(values.contains("email=jan.devries@voorbeeld.nl"));
}

TEST_F(ScanE2e, SameKeySameHashAcrossRuns) {
  auto a = Sh(Cmd(dir_.path() + "/share/klant.txt"));
  auto b = Sh(Cmd(dir_.path() + "/share/klant.txt"));
  ASSERT_EQ(a.exit_code, 0);
  // Everything between the header (a new scan id and start time each run)
  // and the closing summary record (which holds the elapsed time).
  auto body = [](const std::string& s) {
    size_t begin = s.starts_with("{\"header\"") ? s.find('\n') + 1 : 0;
    return s.substr(begin, s.rfind("{\"summary\"") - begin);
  };
  EXPECT_EQ(body(a.out), body(b.out));
  EXPECT_NE(body(a.out).find("\"detector\":\"iban\""), std::string::npos);
}

TEST_F(ScanE2e, CsvFormatHasTheJsonlColumns) {
  auto r = Sh(Cmd("--format csv --min-confidence low " + dir_.path() + "/share"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
            "file,location,detector,category,confidence,masked,value_hash,offset,page,line,status,reason,count");
  EXPECT_NE(r.out.find(",iban,bank_account,"), std::string::npos);
}

TEST_F(ScanE2e, UsageErrorsExitWithTwo) {
  EXPECT_EQ(Sh(Cmd("--no-such-option " + dir_.path())).exit_code, 2);
  auto missing = Sh(Cmd(dir_.path() + "/does-not-exist"));
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no such file"), std::string::npos);
  EXPECT_EQ(Sh(Cmd("")).exit_code, 2);
  EXPECT_EQ(Sh(PiiscanBinary() + " frobnicate").exit_code, 2);
  EXPECT_EQ(Sh(Cmd("--min-confidence maybe " + dir_.path())).exit_code, 2);
}

TEST_F(ScanE2e, DetectorsNarrowTheScanAndUnknownIdsAreUsageErrors) {
  auto only = Sh(Cmd("--min-confidence low --detectors iban,email " + dir_.path() + "/share"));
  ASSERT_EQ(only.exit_code, 0) << only.err;
  std::set<std::string> seen;
  for (const auto& rec : ParseJsonl(only.out)) {
    if (rec.contains("detector")) seen.insert(rec["detector"].get<std::string>());
  }
  EXPECT_EQ(seen, (std::set<std::string>{"iban", "email"}));
  auto skip = Sh(Cmd("--min-confidence low --skip-detectors bsn " + dir_.path() + "/share"));
  ASSERT_EQ(skip.exit_code, 0) << skip.err;
  EXPECT_EQ(skip.out.find("\"detector\":\"bsn\""), std::string::npos);
  EXPECT_NE(skip.out.find("\"detector\":\"iban\""), std::string::npos);
  auto bad = Sh(Cmd("--detectors ibna " + dir_.path() + "/share"));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("unknown detector 'ibna'"), std::string::npos) << bad.err;
}

TEST_F(ScanE2e, HelpExplainsEveryOption) {
  auto r = Sh(PiiscanBinary() + " scan --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* opt : {"--output", "--format", "--threads", "--show-values", "--min-confidence",
                          "--exclude", "--max-file-size", "--follow-symlinks", "--progress",
                          "--no-progress", "--hash-key-file", "--detectors", "--skip-detectors",
                          "--file-timeout", "--max-member-in-memory"}) {
    EXPECT_NE(r.out.find(opt), std::string::npos) << opt;
  }
}

TEST_F(ScanE2e, LimitOptionsAreCheckedAndStated) {
  auto zero = Sh(Cmd("--file-timeout 0 " + dir_.path()));
  EXPECT_EQ(zero.exit_code, 2);
  EXPECT_NE(zero.err.find("--file-timeout: must be at least 1 second"), std::string::npos) << zero.err;
  auto size = Sh(Cmd("--max-member-in-memory lots " + dir_.path()));
  EXPECT_EQ(size.exit_code, 2);
  EXPECT_NE(size.err.find("--max-member-in-memory: cannot read 'lots'"), std::string::npos) << size.err;
  // Both change what a scan can read: the header states them.
  auto ok = Sh(Cmd("--file-timeout 5 --max-member-in-memory 16M " + dir_.path()));
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find(R"("file_timeout":"5")"), std::string::npos);
  EXPECT_NE(ok.out.find(R"("max_member_in_memory":"16777216")"), std::string::npos);
}

TEST_F(ScanE2e, UnwritableOutputIsARuntimeFailure) {
  auto r = Sh(Cmd("-o /nonexistent-dir/x.jsonl " + dir_.path()));
  EXPECT_EQ(r.exit_code, 3);
}

TEST_F(ScanE2e, PermissionDeniedIsAStatusAndTheScanGoesOn) {
  // Root reads everything: run the scan as an unprivileged user instead.
  std::string share = dir_.path() + "/perm";
  dir_.Write("perm/open.txt", "mail a.b@voorbeeld.nl");
  dir_.Write("perm/secret.txt", "BSN: 111222333");
  dir_.Write("perm/closed/inside.txt", "BSN: 111222333");
  chmod((share + "/secret.txt").c_str(), 0);
  chmod((share + "/closed").c_str(), 0);
  std::string prefix;
  if (geteuid() == 0) {
    chmod(dir_.path().c_str(), 0755);
    chmod(share.c_str(), 0755);
    // The key stays private (0600), owned by the user the scan runs as.
    if (chown(key_.c_str(), 65534, 65534) != 0) GTEST_SKIP() << "cannot chown the key";
    prefix = "setpriv --reuid=65534 --regid=65534 --clear-groups env HOME=/tmp ";
  }
  auto r = Sh(prefix + Cmd(share));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto recs = ParseJsonl(r.out);
  int unreadable = 0, emails = 0;
  for (const auto& rec : recs) {
    if (rec.value("status", "") == "unreadable") ++unreadable;
    if (rec.value("detector", "") == "email") ++emails;
  }
  EXPECT_EQ(unreadable, 2) << r.out;
  EXPECT_EQ(emails, 1);
  if (!prefix.empty()) {
    // Files of another user are read without O_NOATIME (refused): said
    // once, however many files.
    const std::string warning = "access time (atime) will change";
    size_t first = r.err.find(warning);
    EXPECT_NE(first, std::string::npos) << r.err;
    EXPECT_EQ(r.err.find(warning, first + 1), std::string::npos) << r.err;
  }
}

// Issue 17: `-o out.jsonl` where out.jsonl is a symlink overwrote the
// link's target and chmod-ed it 0600 (as root, any file). Refused: exit 3,
// a message that says why, the target untouched.
TEST_F(ScanE2e, AnOutputPathThatIsASymlinkIsRefused) {
  std::string target = dir_.Write("precious.conf", "setting=1\n");
  chmod(target.c_str(), 0644);
  std::string link = dir_.path() + "/out.jsonl";
  std::filesystem::create_symlink(target, link);
  auto r = Sh(Cmd("-o " + link + " " + dir_.path() + "/share"));
  EXPECT_EQ(r.exit_code, 3);
  EXPECT_NE(r.err.find("refusing to write " + link + ": it is a symbolic link"), std::string::npos) << r.err;
  EXPECT_EQ(testing::ReadFile(target), "setting=1\n");
  struct stat st;
  ASSERT_EQ(stat(target.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);
}

// A key file others can read is refused before anything is scanned.
TEST_F(ScanE2e, AHashKeyFileReadableByOthersIsRefused) {
  chmod(key_.c_str(), 0644);
  auto r = Sh(Cmd(dir_.path() + "/share"));
  EXPECT_EQ(r.exit_code, 3) << r.err;
  EXPECT_NE(r.err.find("chmod 600 " + key_), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("detector"), std::string::npos);
}

// The extractors that need big libraries are in piiscan-formats.so, loaded
// on first use (formats/format_module.h).
TEST_F(ScanE2e, FormatModuleIsLoadedOnlyWhenAFileNeedsIt) {
  // The dynamic loader names every library it loads on stderr.
  auto text_only = Sh("LD_DEBUG=libs " + Cmd(dir_.path() + "/share"));
  ASSERT_EQ(text_only.exit_code, 0) << text_only.err;
  EXPECT_NE(text_only.err.find("libre2"), std::string::npos) << "LD_DEBUG printed no library loads";
  for (const char* lib : {"piiscan-formats", "libpoppler", "libgmime", "libxml2", "libarchive", "libpff"}) {
    EXPECT_EQ(text_only.err.find(lib), std::string::npos) << lib << " loaded for plain text";
  }
  std::string pdf = testing::SourceDir() + "/corpus/sample/shares/finance/facturen/factuur_F2024-00001.pdf";
  ASSERT_EQ(Sh("cp " + pdf + " " + dir_.path() + "/share/").exit_code, 0);
  auto with_pdf = Sh("LD_DEBUG=libs " + Cmd(dir_.path() + "/share"));
  EXPECT_NE(with_pdf.err.find("piiscan-formats.so"), std::string::npos);
  EXPECT_NE(with_pdf.err.find("libpoppler"), std::string::npos);

  auto r = Sh(Cmd(dir_.path() + "/share"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  int pdf_findings = 0;
  for (const auto& rec : ParseJsonl(r.out)) {
    if (rec.contains("detector") && rec["file"].get<std::string>().ends_with(".pdf")) ++pdf_findings;
  }
  EXPECT_GT(pdf_findings, 0) << r.out;
  auto formats = Sh(PiiscanBinary() + " formats");
  EXPECT_NE(formats.out.find("piiscan-formats.so"), std::string::npos) << formats.out;
}

TEST_F(ScanE2e, MissingFormatModuleMakesThoseFilesUnsupportedAndTheScanGoesOn) {
  std::string pdf = testing::SourceDir() + "/corpus/sample/shares/finance/facturen/factuur_F2024-00001.pdf";
  ASSERT_EQ(Sh("cp " + pdf + " " + dir_.path() + "/share/").exit_code, 0);
  auto r = Sh("PIISCAN_FORMAT_MODULE=" + dir_.path() + "/none.so " + Cmd(dir_.path() + "/share"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  int unsupported = 0, text_findings = 0;
  for (const auto& rec : ParseJsonl(r.out)) {
    if (rec.value("status", "") == "unsupported") {
      ++unsupported;
      EXPECT_TRUE(rec["file"].get<std::string>().ends_with(".pdf"));
      EXPECT_NE(rec["reason"].get<std::string>().find("format module"), std::string::npos) << rec.dump();
    }
    if (rec.contains("detector") && rec["file"].get<std::string>().ends_with("klant.txt")) ++text_findings;
  }
  EXPECT_EQ(unsupported, 1) << r.out;
  EXPECT_GT(text_findings, 0);
}

// Runs a scan of 2000 files of ordinary business text with a little personal
// data per file (slow enough, seconds, that the signal lands mid-scan) and
// sends SIGINT once the first findings are on disk. Returns the exit code and
// stderr's file.
struct Interrupted {
  int exit_code = -1;
  std::string err_file;
};
Interrupted InterruptScan(const TempDir& dir, const std::string& key, const std::string& out,
                          std::vector<std::string> extra) {
  std::string text;
  for (int i = 0; i < 400; ++i) {
    text += "Het overleg over de planning van het project is verplaatst naar volgende week. ";
    if (i % 40 == 0) text += "Contact: Jan de Vries, jan.devries@voorbeeld.nl, 06-12345678.\n";
  }
  for (int i = 0; i < 2000; ++i) {
    dir.Write("many/d" + std::to_string(i % 30) + "/f" + std::to_string(i) + ".txt", text);
  }
  Interrupted result;
  result.err_file = dir.path() + "/stderr.txt";
  std::vector<std::string> args = {"piiscan", "scan", "-q", "--no-progress", "-j1", "--hash-key-file", key,
                                   "-o", out};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(dir.path() + "/many");
  pid_t pid = fork();
  if (pid == 0) {
    int fd = open(result.err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(fd, 2);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(PiiscanBinary().c_str(), argv.data());
    _exit(127);
  }
  // Wait until findings are on disk (more than the header): the scan is running.
  struct stat st{};
  for (int waited = 0; waited < 20000; waited += 5) {
    if (stat(out.c_str(), &st) == 0 && st.st_size > 2000) break;
    usleep(5 * 1000);
  }
  EXPECT_GT(st.st_size, 0) << "no output appeared";
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

TEST_F(ScanE2e, CtrlCFlushesValidOutputAndExits130) {
  std::string out = dir_.path() + "/partial.jsonl";
  auto r = InterruptScan(dir_, key_, out, {});
  EXPECT_EQ(r.exit_code, 130);
  auto recs = ParseJsonl(testing::ReadFile(out));  // every line complete and valid
  ASSERT_FALSE(recs.empty());
  EXPECT_TRUE(recs.front().contains("header"));
  ASSERT_TRUE(recs.back().contains("summary"));
  EXPECT_TRUE(recs.back()["summary"]["interrupted"].get<bool>());
  EXPECT_LT(recs.back()["summary"]["files_scanned"].get<int>(), 2000);
}

// With --register, an interrupted scan still writes the audit of what it
// read, and says that it covers only part of the files.
TEST_F(ScanE2e, CtrlCWithARegisterWritesTheAuditOfWhatWasReadAndSaysSo) {
  std::string out = dir_.path() + "/partial.jsonl", report = dir_.path() + "/audit.html";
  std::string reg = testing::SourceDir() + "/corpus/register.yaml";
  auto r = InterruptScan(dir_, key_, out, {"--register", reg, "--report", report});
  EXPECT_EQ(r.exit_code, 130);
  std::string err = testing::ReadFile(r.err_file);
  EXPECT_NE(err.find("interrupted"), std::string::npos) << err;
  std::string html = testing::ReadFile(report);
  EXPECT_NE(html.find("<html"), std::string::npos);
}

}  // namespace
}  // namespace piiscan
