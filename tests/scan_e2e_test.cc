// `piiscan scan` as a user runs it: the built binary on real files, checking
// the output contract (valid JSONL, masked values, mode 0600), exit codes,
// permission problems, and a clean stop on Ctrl-C.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

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
  // Everything but the closing summary record (which holds the elapsed time).
  auto body = [](const std::string& s) { return s.substr(0, s.rfind("{\"summary\"")); };
  EXPECT_EQ(body(a.out), body(b.out));
  EXPECT_NE(body(a.out).find("\"detector\":\"iban\""), std::string::npos);
}

TEST_F(ScanE2e, CsvFormatHasTheJsonlColumns) {
  auto r = Sh(Cmd("--format csv --min-confidence low " + dir_.path() + "/share"));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
            "file,location,detector,category,confidence,masked,value_hash,offset,page,line,status,reason");
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
                          "--no-progress", "--hash-key-file", "--detectors", "--skip-detectors"}) {
    EXPECT_NE(r.out.find(opt), std::string::npos) << opt;
  }
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

TEST_F(ScanE2e, CtrlCFlushesValidOutputAndExits130) {
  // Ordinary business text with a little personal data per file: slow enough
  // to scan (seconds for 2000 files) that the signal lands mid-scan.
  std::string text;
  for (int i = 0; i < 400; ++i) {
    text += "Het overleg over de planning van het project is verplaatst naar volgende week. ";
    if (i % 40 == 0) text += "Contact: Jan de Vries, jan.devries@voorbeeld.nl, 06-12345678.\n";
  }
  for (int i = 0; i < 2000; ++i) {
    dir_.Write("many/d" + std::to_string(i % 30) + "/f" + std::to_string(i) + ".txt", text);
  }
  std::string out = dir_.path() + "/partial.jsonl";
  pid_t pid = fork();
  if (pid == 0) {
    execl(PiiscanBinary().c_str(), "piiscan", "scan", "-q", "--no-progress", "-j1", "--hash-key-file",
          key_.c_str(), "-o", out.c_str(), (dir_.path() + "/many").c_str(), nullptr);
    _exit(127);
  }
  // Wait until the first block of findings is on disk: the scan is running.
  struct stat st{};
  for (int waited = 0; waited < 20000; waited += 5) {
    if (stat(out.c_str(), &st) == 0 && st.st_size > 0) break;
    usleep(5 * 1000);
  }
  ASSERT_GT(st.st_size, 0) << "no output appeared";
  kill(pid, SIGINT);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130);
  auto recs = ParseJsonl(testing::ReadFile(out));  // every line complete and valid
  ASSERT_FALSE(recs.empty());
  ASSERT_TRUE(recs.back().contains("summary"));
  EXPECT_TRUE(recs.back()["summary"]["interrupted"].get<bool>());
  EXPECT_LT(recs.back()["summary"]["files_scanned"].get<int>(), 2000);
}

}  // namespace
}  // namespace piiscan
