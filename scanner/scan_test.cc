// The scanner on real trees: what reaches the sinks for ordinary files,
// vanished files, FIFOs, symlink loops, overlapping text windows, charsets,
// and non-UTF-8 file names.
#include "scanner/scan.h"

#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <tuple>

#include "core/keyed_hash.h"
#include "core/utf8.h"
#include "detectors/engine.h"
#include "reports/jsonl_sink.h"
#include "rules/rule_loader.h"
#include "scanner/detector_consumer.h"
#include "scanner/scan_test_util.h"
#include "tests/support/test_support.h"

namespace piiscan::scanner {
namespace {

using testing::CollectingSink;

class ScanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    engine_ = testing::EmbeddedEngine();
    ASSERT_TRUE(engine_);
  }
  reports::ScanSummary Scan(ScanOptions options, CollectingSink& sink,
                            TextConsumerFactory factory = nullptr) {
    options.progress = false;
    if (!options.threads) options.threads = 2;
    std::atomic<bool> stop{false};
    if (!factory) {
      detectors::FindingOptions fo{true, Confidence::kLow, &hasher_, aggregate_};
      factory = DetectorConsumerFactory(engine_, fo);
    }
    return RunScan(options, ScanInfo{}, factory, {&sink}, stop);
  }
  bool aggregate_ = true;  // findings per distinct value (the default), or per occurrence
  std::shared_ptr<const detectors::Engine> engine_;
  KeyedHasher hasher_{"0123456789abcdef0123456789abcdef"};
  testing::TempDir dir_;
};

TEST_F(ScanTest, FindsPiiInATreeAndGroupsByFile) {
  dir_.Write("a/klant.txt", "IBAN: NL91 ABNA 0417 1643 00\nmail jan.devries@voorbeeld.nl\n");
  dir_.Write("b/notes.txt", "Tel: 06-12345678\n");
  dir_.Write("b/empty.txt", "");
  CollectingSink sink;
  ScanOptions o;
  o.paths = {dir_.path()};
  auto summary = Scan(o, sink);
  EXPECT_EQ(sink.Values("iban"), std::vector<std::string>{"NL91ABNA0417164300"});
  EXPECT_EQ(sink.Values("phone_nl"), std::vector<std::string>{"+31612345678"});
  EXPECT_EQ(summary.findings, 3u);
  EXPECT_EQ(summary.files, 3u);
  for (const auto& item : sink.items)
    for (const auto& f : item.findings) EXPECT_EQ(f.file, item.file);
}

TEST_F(ScanTest, ExcludesSkipMatchingPaths) {
  dir_.Write("keep.txt", "mail a.b@voorbeeld.nl");
  dir_.Write("skip/x.txt", "mail c.d@voorbeeld.nl");
  dir_.Write("y.log", "mail e.f@voorbeeld.nl");
  CollectingSink sink;
  ScanOptions o;
  o.paths = {dir_.path()};
  o.excludes = {"skip/**", "*.log"};
  Scan(o, sink);
  EXPECT_EQ(sink.Values("email"), std::vector<std::string>{"a.b@voorbeeld.nl"});
}

TEST_F(ScanTest, FifosSocketsAndSymlinkLoopsAreSafe) {
  dir_.Write("d/real.txt", "mail a.b@voorbeeld.nl");
  ASSERT_EQ(::mkfifo((dir_.path() + "/d/pipe").c_str(), 0600), 0);
  std::filesystem::create_directory_symlink(dir_.path() + "/d", dir_.path() + "/d/loop");
  for (bool follow : {false, true}) {
    CollectingSink sink;
    ScanOptions o;
    o.paths = {dir_.path()};
    o.follow_symlinks = follow;
    Scan(o, sink);  // must return: no block on the FIFO, no endless loop
    EXPECT_EQ(sink.Values("email"), std::vector<std::string>{"a.b@voorbeeld.nl"}) << follow;
  }
}

// Issue 17: nothing the walk reaches is dropped silently. A FIFO (and a
// socket or device) is never opened but becomes a `skipped` record naming
// what it is, and the summary counts it, whether reached by the walk or
// named on the command line.
TEST_F(ScanTest, AFifoIsASkippedStatusRecordCountedInTheSummary) {
  dir_.Write("d/real.txt", "mail a.b@voorbeeld.nl");
  std::string fifo = dir_.path() + "/d/pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  for (const auto& path : {dir_.path(), fifo}) {
    CollectingSink sink;
    ScanOptions o;
    o.paths = {path};
    auto summary = Scan(o, sink);
    auto statuses = sink.Statuses();
    ASSERT_EQ(statuses.size(), 1u) << path;
    EXPECT_EQ(statuses[0].file, fifo);
    EXPECT_EQ(statuses[0].status, FileStatus::kSkipped);
    EXPECT_NE(statuses[0].reason.find("FIFO"), std::string::npos) << statuses[0].reason;
    EXPECT_EQ(summary.by_status["skipped"], 1u);
  }
}

// Following a link must not change the link's own atime: the kernel sets
// it whenever a link is followed, so the walker resolves it once, puts the
// atime back, and the worker opens the resolved path.
TEST_F(ScanTest, FollowingASymlinkKeepsItsAtime) {
  std::string target = dir_.Write("data/real.txt", "mail a.b@voorbeeld.nl");
  std::string file_link = dir_.path() + "/tree/file_link.txt";
  std::string dir_link = dir_.path() + "/tree/dir_link";
  std::filesystem::create_directories(dir_.path() + "/tree");
  std::filesystem::create_symlink(target, file_link);
  std::filesystem::create_directory_symlink(dir_.path() + "/data", dir_link);
  struct timespec old_times[2] = {{946684800, 0}, {946684800, 0}};  // 2000-01-01
  for (const auto& link : {file_link, dir_link}) {
    ASSERT_EQ(::utimensat(AT_FDCWD, link.c_str(), old_times, AT_SYMLINK_NOFOLLOW), 0);
  }
  CollectingSink sink;
  ScanOptions o;
  o.paths = {dir_.path() + "/tree"};
  o.follow_symlinks = true;
  Scan(o, sink);
  // Found through both links, reported under the paths as walked.
  EXPECT_EQ(sink.Values("email").size(), 2u);
  std::vector<std::string> files;
  for (const auto& i : sink.items) files.push_back(i.file);
  std::sort(files.begin(), files.end());
  EXPECT_EQ(files, (std::vector<std::string>{dir_link + "/real.txt", file_link}));
  for (const auto& link : {file_link, dir_link}) {
    struct stat st;
    ASSERT_EQ(::lstat(link.c_str(), &st), 0);
    EXPECT_EQ(st.st_atim.tv_sec, 946684800) << link << ": the link's atime changed";
  }
}

// Deletes `victim` when it sees the first text: the walker has listed it,
// the worker has not opened it yet (one thread, sorted order).
class DeletingConsumer : public TextConsumer {
 public:
  explicit DeletingConsumer(std::string victim) : victim_(std::move(victim)) {}
  void Consume(std::string_view, const SegmentInfo&, const Location&, int64_t, ItemReport&) override {
    std::filesystem::remove(victim_);
  }
  std::string victim_;
};

TEST_F(ScanTest, AFileVanishingMidScanIsUnreadableAndTheScanGoesOn) {
  dir_.Write("a.txt", "eerste bestand");
  std::string victim = dir_.Write("b.txt", "tweede bestand");
  dir_.Write("c.txt", "derde bestand");
  CollectingSink sink;
  ScanOptions o;
  o.paths = {dir_.path()};
  o.threads = 1;
  auto summary = Scan(o, sink, [victim] { return std::make_unique<DeletingConsumer>(victim); });
  auto statuses = sink.Statuses();
  ASSERT_EQ(statuses.size(), 1u);
  EXPECT_EQ(statuses[0].status, FileStatus::kUnreadable);
  EXPECT_EQ(statuses[0].file, victim);
  EXPECT_EQ(summary.by_status["unreadable"], 1u);
  EXPECT_EQ(sink.items.size(), 3u);
}

TEST_F(ScanTest, MatchAcrossATextWindowBoundaryIsFoundOnce) {
  ScanOptions o;
  o.limits.text_window = 4096;
  o.limits.text_overlap = 256;
  std::string text(4096 - 10, 'x');
  text += " NL91 ABNA 0417 1643 00 ";  // straddles byte 4096
  text += std::string(5000, 'y');
  text += " NL91 ABNA 0417 1643 00\n";  // and one in the overlap of the next window edge region
  o.paths = {dir_.Write("big.txt", text)};
  CollectingSink sink;
  Scan(o, sink);
  // One value twice: one finding, counted twice (a match seen by two
  // overlapping windows would count three), at the first position.
  EXPECT_EQ(sink.Values("iban").size(), 1u);
  ASSERT_FALSE(sink.items.empty());
  auto& f = sink.items[0].findings;
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].count, 2u);
  EXPECT_EQ(*f[0].offset, 4096 - 10 + 1);
}

TEST_F(ScanTest, IbanAtTheVeryEndOfA100MbFile) {
  // Sanitizer builds (scripts/test --sanitize) detect 10-50 times slower:
  // there the file is 20 MiB, still mapped and split between the workers
  // (file_parts.h kMinSplitSize, 16 MiB).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  constexpr size_t kSize = 20u << 20;
#else
  constexpr size_t kSize = 100u << 20;
#endif
  std::string path = dir_.path() + "/large.txt";
  {
    std::ofstream out(path, std::ios::binary);
    std::string line = "Regel met gewone tekst zonder persoonsgegevens, versie 2.3, order 4471.\n";
    for (size_t written = 0; written < kSize; written += line.size()) out << line;
    out << "IBAN NL91ABNA0417164300";
  }
  CollectingSink sink;
  ScanOptions o;
  o.paths = {path};
  Scan(o, sink);
  EXPECT_EQ(sink.Values("iban"), std::vector<std::string>{"NL91ABNA0417164300"});
}

// Scans one big file with 1 and with 2 threads: the findings, comparable
// across runs, and how many reports the file arrived in.
class SplitScanTest : public ScanTest {
 protected:
  // Every occurrence (--each-occurrence), with its position.
  auto Findings(const std::string& path, unsigned threads, size_t& reports) {
    aggregate_ = false;
    CollectingSink sink;
    ScanOptions o;
    o.paths = {path};
    o.threads = threads;
    auto summary = Scan(o, sink);
    EXPECT_EQ(summary.files, 1u);
    EXPECT_EQ(summary.bytes, std::filesystem::file_size(path));
    reports = sink.items.size();
    std::vector<std::tuple<std::string, std::string, uint64_t, uint64_t, std::string, int>> all;
    for (const auto& item : sink.items) {
      for (const auto& f : item.findings) {
        std::string where;
        for (const auto& l : f.location) where += l + "/";
        all.emplace_back(f.detector, where, f.offset.value_or(0), f.line.value_or(0), *f.value,
                         static_cast<int>(f.confidence));
      }
    }
    std::sort(all.begin(), all.end());
    return all;
  }
};

TEST_F(SplitScanTest, ABigTextFileSplitBetweenThreadsYieldsWhatOneThreadFinds) {
  // ~40 MB of text with personal data every few hundred lines, some of it
  // with its context keyword on the line before (a part's first window must
  // look back for it), and a BOM in front (offsets stay file offsets).
  std::string path = dir_.path() + "/export.txt";
  {
    std::ofstream out(path, std::ios::binary);
    out << "\xEF\xBB\xBF";
    std::string filler = "Regel met gewone tekst over de levering van order 4471 en versie 2.3.\n";
    for (int i = 0; i < 600000; ++i) {
      if (i % 397 == 0) out << "Burgerservicenummer:\n111222333\n";
      else if (i % 211 == 0) out << "IBAN NL91 ABNA 0417 1643 00, mail k" << i << "@voorbeeld.nl\n";
      else out << filler;
    }
  }
  size_t one_reports = 0, two_reports = 0;
  auto one = Findings(path, 1, one_reports);
  auto two = Findings(path, 2, two_reports);
  EXPECT_GT(two_reports, one_reports);  // it was split
  ASSERT_EQ(one.size(), two.size());
  EXPECT_EQ(one, two);
  size_t bsn = std::count_if(one.begin(), one.end(), [](const auto& f) { return std::get<0>(f) == "bsn"; });
  EXPECT_EQ(bsn, 600000u / 397 + 1);
}

// Aggregated, a split file lists a value once per part; the counts add up to
// what one thread counts.
TEST_F(SplitScanTest, SplitFilesCountEveryOccurrenceOnceWhenAggregated) {
  std::string path = dir_.path() + "/export.txt";
  {
    std::ofstream out(path, std::ios::binary);
    std::string filler = "Regel met gewone tekst over de levering van order 4471 en versie 2.3.\n";
    for (int i = 0; i < 600000; ++i) {
      if (i % 211 == 0) out << "IBAN NL91 ABNA 0417 1643 00, mail k" << i % 7 << "@voorbeeld.nl\n";
      else out << filler;
    }
  }
  size_t reports = 0;
  auto counts = [&](unsigned threads, size_t& records) {
    CollectingSink sink;
    ScanOptions o;
    o.paths = {path};
    o.threads = threads;
    Scan(o, sink);
    reports = sink.items.size();
    std::map<std::string, uint64_t> out;
    records = 0;
    for (const auto& item : sink.items) {
      for (const auto& f : item.findings) {
        out[f.detector + ":" + *f.value] += f.count;
        ++records;
      }
    }
    return out;
  };
  size_t one_records = 0, two_records = 0;
  auto one = counts(1, one_records);
  auto two = counts(2, two_records);
  EXPECT_EQ(one, two);
  EXPECT_EQ(one["iban:NL91ABNA0417164300"], 600000u / 211 + 1);
  EXPECT_EQ(one_records, one.size());  // one thread: each value once
  EXPECT_GT(reports, 1u);  // it was split
  EXPECT_LE(two_records, reports * two.size());  // each value at most once per part
}

TEST_F(SplitScanTest, ABigMboxSplitBetweenThreadsKeepsMessageNumbers) {
  // 70,000 messages took over 10 minutes under TSan: the sanitizers' memmem
  // made the mbox splitter quadratic (scripts/test now sets
  // intercept_memmem=0), and each message goes to GMime in a helper process.
  // Sanitizer builds write fewer, longer messages, still over 16 MiB
  // (file_parts.h kMinSplitSize) so that the file is split.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  constexpr int kMessages = 6000;
  constexpr size_t kRule = 3000;
#else
  constexpr int kMessages = 70000;
  constexpr size_t kRule = 400;
#endif
  std::string path = dir_.path() + "/archief.mbox";
  {
    std::ofstream out(path, std::ios::binary);
    for (int i = 0; i < kMessages; ++i) {
      out << "From afzender@voorbeeld.nl Mon Jan  1 00:00:00 2024\nFrom: Klantenservice <service@voorbeeld.nl>\n"
          << "Subject: bericht " << i << "\nDate: Mon, 1 Jan 2024 10:00:00 +0100\n\n"
          << "Beste klant,\n\nUw bestelling " << i << " is onderweg. Bel ons op 088 - 695 05 00.\n"
          << "Met vriendelijke groet,\nhet team\n" << std::string(kRule, '-') << "\n";
      if (i % 1000 == 7) out << "IBAN: NL91 ABNA 0417 1643 00\n";
      out << "\n";
    }
  }
  size_t one_reports = 0, two_reports = 0;
  auto one = Findings(path, 1, one_reports);
  auto two = Findings(path, 2, two_reports);
  EXPECT_GT(two_reports, one_reports);
  ASSERT_EQ(one.size(), two.size());
  EXPECT_EQ(one, two);
  // The last message is still "message <kMessages>".
  const std::string last = "message " + std::to_string(kMessages) + "/";
  EXPECT_TRUE(std::any_of(one.begin(), one.end(), [&](const auto& f) { return std::get<1>(f) == last; }));
}

TEST_F(ScanTest, AFileWithVeryManyFindingsArrivesInPartsWithNothingLost) {
  // More distinct values than one part holds (detector_consumer.cc), and
  // one recurring on every line: each part counts its own occurrences.
  std::string text;
  for (int i = 0; i < 70000; ++i)
    text += "mail p" + std::to_string(i) + "@voorbeeld.nl, IBAN NL91 ABNA 0417 1643 00\n";
  dir_.Write("many.txt", text);
  CollectingSink sink;
  ScanOptions o;
  o.paths = {dir_.path()};
  auto summary = Scan(o, sink);
  EXPECT_EQ(sink.Values("email").size(), 70000u);
  EXPECT_GT(sink.items.size(), 1u);
  EXPECT_FALSE(sink.items.front().continued);
  EXPECT_TRUE(sink.items.back().continued);
  uint64_t iban_records = 0, iban_count = 0;
  for (const auto& i : sink.items)
    for (const auto& f : i.findings)
      if (f.detector == "iban") ++iban_records, iban_count += f.count;
  EXPECT_EQ(iban_records, sink.items.size());
  EXPECT_EQ(iban_count, 70000u);
  EXPECT_EQ(summary.files, 1u);
  EXPECT_EQ(summary.findings, 70000u + iban_records);
}

TEST_F(ScanTest, AValueRecurringThroughABigFileIsOneFindingWithItsCount) {
  // 10,000 findings used to be handed on in parts of 4,096, each with its
  // own record of the recurring IBAN; the store and a re-scan kept one.
  std::string text;
  for (int i = 0; i < 10000; ++i)
    text += "mail p" + std::to_string(i) + "@voorbeeld.nl, IBAN NL91 ABNA 0417 1643 00\n";
  dir_.Write("many.txt", text);
  CollectingSink sink;
  ScanOptions o;
  o.paths = {dir_.path()};
  Scan(o, sink);
  EXPECT_EQ(sink.Values("email").size(), 10000u);
  std::vector<const Finding*> iban;
  for (const auto& i : sink.items)
    for (const auto& f : i.findings)
      if (f.detector == "iban") iban.push_back(&f);
  ASSERT_EQ(iban.size(), 1u);
  EXPECT_EQ(iban[0]->count, 10000u);
  EXPECT_EQ(iban[0]->line, 1u);
}

TEST_F(ScanTest, Windows1252AndUtf16FilesAreFound) {
  // cp1252: "Één" and a euro sign around an e-mail address.
  dir_.Write("cp1252.txt", std::string("\xC9\xE9n klant: \x80 10, mail j.m\xFCller@voorbeeld.nl\n"
                                       "Geachte heer M\xFCller, uw IBAN NL91 ABNA 0417 1643 00.\n"));
  std::string u16 = "\xFF\xFE";
  for (char c : std::string("Telefoon: 06-12345678\r\n")) {
    u16 += c;
    u16 += '\0';
  }
  dir_.Write("utf16.txt", u16);
  std::string u16be;  // no BOM, big-endian
  for (char c : std::string("BSN: 111222333 van de klant\n")) {
    u16be += '\0';
    u16be += c;
  }
  dir_.Write("utf16be.txt", u16be);
  CollectingSink sink;
  ScanOptions o;
  o.paths = {dir_.path()};
  Scan(o, sink);
  EXPECT_EQ(sink.Values("iban"), std::vector<std::string>{"NL91ABNA0417164300"});
  EXPECT_EQ(sink.Values("phone_nl"), std::vector<std::string>{"+31612345678"});
  EXPECT_EQ(sink.Values("bsn"), std::vector<std::string>{"111222333"});
}

TEST_F(ScanTest, NonUtf8FileNamesStayValidJson) {
  std::string name = dir_.path() + "/naam met spatie \xE9\xFF.txt";
  std::ofstream(name) << "mail a.b@voorbeeld.nl";
  CollectingSink sink;
  ScanOptions o;
  o.paths = {dir_.path()};
  Scan(o, sink);
  ASSERT_EQ(sink.items.size(), 1u);
  ASSERT_EQ(sink.items[0].findings.size(), 1u);
  std::string json = reports::FindingJson(sink.items[0].findings[0]);
  EXPECT_TRUE(IsValidUtf8(json));
  EXPECT_NE(json.find("naam met spatie \xEF\xBF\xBD\xEF\xBF\xBD.txt"), std::string::npos) << json;
}

TEST_F(ScanTest, UnsupportedBinaryIsAStatusNotSilence) {
  std::string bin;
  for (int i = 0; i < 4096; ++i) bin += static_cast<char>((i * 7919) & 0xFF);
  dir_.Write("blob.bin", bin);
  CollectingSink sink;
  ScanOptions o;
  o.paths = {dir_.path()};
  auto summary = Scan(o, sink);
  auto st = sink.Statuses();
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(st[0].status, FileStatus::kUnsupported);
  EXPECT_EQ(summary.by_status["unsupported"], 1u);
}

TEST_F(ScanTest, TooLargeFilesAreReportedNotRead) {
  dir_.Write("big.txt", std::string(2048, 'a'));
  CollectingSink sink;
  ScanOptions o;
  o.paths = {dir_.path()};
  o.limits.max_file_size = 1024;
  Scan(o, sink);
  auto st = sink.Statuses();
  ASSERT_EQ(st.size(), 1u);
  EXPECT_EQ(st[0].status, FileStatus::kTooLarge);
}

TEST_F(ScanTest, StopFlagEndsTheScanWithValidPartialOutput) {
  for (int i = 0; i < 200; ++i) dir_.Write("f" + std::to_string(i) + ".txt", "mail a.b@voorbeeld.nl");
  CollectingSink sink;
  ScanOptions o;
  o.paths = {dir_.path()};
  o.progress = false;
  o.threads = 2;
  std::atomic<bool> stop{true};  // as if Ctrl-C came at once
  detectors::FindingOptions fo{false, Confidence::kLow, &hasher_};
  auto summary = RunScan(o, ScanInfo{}, DetectorConsumerFactory(engine_, fo), {&sink}, stop);
  EXPECT_TRUE(summary.interrupted);
  EXPECT_LT(sink.items.size(), 200u);
}

}  // namespace
}  // namespace piiscan::scanner

namespace piiscan::scanner {
namespace {

TEST_F(ScanTest, ANestedZipBombEndsInFewLimitRecords) {
  // 6 levels x 8 members of zips, the innermost a text: 8^6 leaves.
  std::string dir = dir_.path() + "/bomb";
  std::string cmd = "cd " + dir_.path() + " && mkdir bomb && cd bomb && echo 'mail a.b@voorbeeld.nl' > leaf.txt && "
                    "cur=leaf.txt; for level in 1 2 3 4 5 6; do n=''; for i in 1 2 3 4 5 6 7 8; do "
                    "cp $cur m$i.${cur##*.}; n=\"$n m$i.${cur##*.}\"; done; zip -q -0 l$level.zip $n; "
                    "rm -f $n; cur=l$level.zip; done";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  CollectingSink sink;
  ScanOptions o;
  o.paths = {dir + "/l6.zip"};
  o.limits.max_depth = 4;
  o.limits.max_members = 2000;
  Scan(o, sink);
  auto st = sink.Statuses();
  ASSERT_FALSE(st.empty());
  EXPECT_LE(st.size(), 3u);
  for (const auto& s : st) EXPECT_EQ(s.status, FileStatus::kLimit);
}

}  // namespace
}  // namespace piiscan::scanner

namespace piiscan::scanner {
namespace {

// Regression: dates of finished messages were kept and searched for every
// text, which made a 400k-message mbox quadratic. Each message's findings
// must still carry its own Date.
TEST_F(ScanTest, EachMessageOfAnMboxCarriesItsOwnDate) {
  std::string mbox;
  const char* dates[] = {"Mon, 01 Jan 2024 10:00:00 +0000", "Sat, 01 Jun 2019 10:00:00 +0000",
                         "Fri, 01 Mar 2013 10:00:00 +0000"};
  for (int i = 0; i < 3; ++i) {
    mbox += "From a@b.nl Mon Jan  1 10:00:00 2024\nFrom: a@b.nl\nTo: c@d.nl\nSubject: x\nDate: " +
            std::string(dates[i]) + "\n\nBel 06-1234567" + std::to_string(i) + " graag.\n\n";
  }
  dir_.Write("inbox.mbox", mbox);
  CollectingSink sink;
  ScanOptions o;
  o.paths = {dir_.path()};
  Scan(o, sink);
  std::map<std::string, int64_t> time_of;
  for (const auto& item : sink.items)
    for (const auto& f : item.findings)
      if (f.detector == "phone_nl" && f.item_time) time_of[f.location.at(0)] = *f.item_time;
  EXPECT_EQ(time_of["message 1"], 1704103200);
  EXPECT_EQ(time_of["message 2"], 1559383200);
  EXPECT_EQ(time_of["message 3"], 1362132000);
}

}  // namespace
}  // namespace piiscan::scanner
