// Crash and hang isolation (formats/isolation.h) in whole scans: a reader
// that crashes, hangs or runs out of memory on one file costs that file a
// status record and nothing else. Libraries do not crash on demand, so the
// helper is told to (formats::testing::SetIsolatedFault, reachable from
// test programs only) on files that carry a marker; the files are real
// HTML, mail and zip files read by libxml2, GMime and libarchive.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <thread>
#include <tuple>

#include "core/keyed_hash.h"
#include "formats/isolation.h"
#include "scanner/detector_consumer.h"
#include "scanner/scan.h"
#include "scanner/scan_test_util.h"
#include "scanner/store_sink.h"
#include "store/sqlite/sqlite_store.h"
#include "tests/support/test_support.h"

namespace piiscan::scanner {
namespace {

using testing::CollectingSink;
using Clock = std::chrono::steady_clock;

void Fault(std::string_view bytes) {
  if (bytes.find("PIISCAN-TEST-CRASH") != std::string_view::npos) std::abort();
  if (bytes.find("PIISCAN-TEST-SEGV") != std::string_view::npos) {
    volatile int* null = nullptr;
    *null = 1;
  }
  if (bytes.find("PIISCAN-TEST-HANG") != std::string_view::npos) {
    for (volatile bool forever = true; forever;) {
    }
  }
  if (bytes.find("PIISCAN-TEST-HOG") != std::string_view::npos) {
    static std::vector<std::unique_ptr<char[]>> held;
    for (;;) held.emplace_back(new char[16 << 20]);
  }
  if (bytes.find("PIISCAN-TEST-SHRINK") != std::string_view::npos) {
    // The file passed to the helper (its descriptor is open here) is cut
    // short while mapped, as another program might: reading on faults.
    for (const auto& e : std::filesystem::directory_iterator("/proc/self/fd")) {
      std::error_code ec;
      auto target = std::filesystem::read_symlink(e.path(), ec);
      if (!ec && target.filename() == "shrink.html") std::filesystem::resize_file(target, 0);
    }
    volatile char last = bytes.back();
    (void)last;
  }
}

std::string Html(std::string_view marker, std::string_view bsn) {
  return "<html><head><title>Dossier</title></head><body><p>Burgerservicenummer: " + std::string(bsn) +
         "</p><!-- " + std::string(marker) + " --></body></html>\n";
}

class IsolationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    formats::testing::SetIsolatedFault(&Fault);
    engine_ = testing::EmbeddedEngine();
    ASSERT_TRUE(engine_);
    share_ = dir_.path() + "/share";
  }
  void TearDown() override { formats::testing::SetIsolatedFault(nullptr); }

  reports::ScanSummary Scan(ScanOptions o, CollectingSink& sink, std::atomic<bool>* stop = nullptr,
                            std::vector<reports::Sink*> more = {}, ScanInfo info = {}) {
    o.paths = {share_};
    if (!o.threads) o.threads = 2;
    o.progress = false;
    std::atomic<bool> own{false};
    detectors::FindingOptions fo{true, Confidence::kLow, &hasher_};
    more.insert(more.begin(), &sink);
    return RunScan(o, info, DetectorConsumerFactory(engine_, fo), more, stop ? *stop : own);
  }

  static std::vector<StatusRecord> StatusesOf(const CollectingSink& sink, std::string_view file_end) {
    std::vector<StatusRecord> out;
    for (const auto& s : sink.Statuses())
      if (s.file.ends_with(file_end)) out.push_back(s);
    return out;
  }

  std::shared_ptr<const detectors::Engine> engine_;
  KeyedHasher hasher_{"0123456789abcdef0123456789abcdef"};
  testing::TempDir dir_;
  std::string share_;
};

TEST_F(IsolationTest, ACrashOrHangCostsOneFileAndTheScanGoesOn) {
  dir_.Write("share/a/ok.html", Html("", "111222333"));
  dir_.Write("share/a/abort.html", Html("PIISCAN-TEST-CRASH", "123456782"));
  dir_.Write("share/b/segv.html", Html("PIISCAN-TEST-SEGV", "123456782"));
  dir_.Write("share/b/hang.html", Html("PIISCAN-TEST-HANG", "123456782"));
  dir_.Write("share/b/later.html", Html("", "234567806"));
  dir_.Write("share/c/notes.txt", "Burgerservicenummer: 345678904\n");
  for (int i = 0; i < 20; ++i) dir_.Write("share/d/n" + std::to_string(i) + ".html", Html("", "111222333"));
  ScanOptions o;
  o.limits.file_timeout = std::chrono::seconds(2);
  CollectingSink sink;
  auto start = Clock::now();
  auto summary = Scan(o, sink);
  auto took = Clock::now() - start;
  EXPECT_LT(took, std::chrono::seconds(30));  // the hang is ended at its deadline

  auto abort = StatusesOf(sink, "/abort.html");
  ASSERT_EQ(abort.size(), 1u);
  EXPECT_EQ(abort[0].status, FileStatus::kCrashed);
  EXPECT_NE(abort[0].reason.find("html extractor (libxml2"), std::string::npos) << abort[0].reason;
  EXPECT_NE(abort[0].reason.find("SIGABRT"), std::string::npos) << abort[0].reason;
  auto segv = StatusesOf(sink, "/segv.html");
  ASSERT_EQ(segv.size(), 1u);
  EXPECT_EQ(segv[0].status, FileStatus::kCrashed);
  auto hang = StatusesOf(sink, "/hang.html");
  ASSERT_EQ(hang.size(), 1u);
  EXPECT_EQ(hang[0].status, FileStatus::kLimit);
  EXPECT_TRUE(hang[0].reason.starts_with("file_timeout: the html extractor (libxml2")) << hang[0].reason;
  EXPECT_NE(hang[0].reason.find(" 2 s"), std::string::npos) << hang[0].reason;
  EXPECT_EQ(summary.by_status["crashed"], 2u);
  EXPECT_EQ(summary.by_status["limit"], 1u);

  // Every other file is read, by helpers started again after each crash.
  auto bsn = sink.Values("bsn");
  EXPECT_EQ(std::count(bsn.begin(), bsn.end(), "111222333"), 21);
  EXPECT_EQ(std::count(bsn.begin(), bsn.end(), "234567806"), 1);
  EXPECT_EQ(std::count(bsn.begin(), bsn.end(), "345678904"), 1);
  EXPECT_EQ(std::count(bsn.begin(), bsn.end(), "123456782"), 0);
  EXPECT_EQ(summary.files, 26u);
}

TEST_F(IsolationTest, ACrashInsideAContainerKeepsWhatCameBefore) {
  // An mbox is split in the scan process; each message is read by GMime in
  // the helper. The second message crashes it: the first's and the third's
  // findings remain, the crash is located at its message.
  std::string mbox;
  for (auto [marker, bsn] : {std::pair{"", "111222333"}, {"PIISCAN-TEST-CRASH", "123456782"}, {"", "234567806"}}) {
    mbox += "From sender@example.org Mon Jan  1 00:00:00 2024\nFrom: a@example.org\nTo: b@example.org\n"
            "Subject: dossier\nContent-Type: text/plain\n\nBurgerservicenummer: " +
            std::string(bsn) + "\n" + marker + "\n\n";
  }
  dir_.Write("share/inbox.mbox", mbox);
  CollectingSink sink;
  Scan({}, sink);
  auto bsn = sink.Values("bsn");
  EXPECT_EQ(std::count(bsn.begin(), bsn.end(), "111222333"), 1);
  EXPECT_EQ(std::count(bsn.begin(), bsn.end(), "234567806"), 1);
  auto crashed = StatusesOf(sink, "/inbox.mbox");
  ASSERT_EQ(crashed.size(), 1u);
  EXPECT_EQ(crashed[0].status, FileStatus::kCrashed);
  EXPECT_EQ(crashed[0].location, (Location{"message 2"}));
  EXPECT_NE(crashed[0].reason.find("eml extractor (GMime"), std::string::npos) << crashed[0].reason;
}

// A top-level file goes to the helper as its descriptor, so one bigger than
// max_member_in_memory (64 MiB) is isolated too; before, such files were
// read in the scan process, where no fault is injected (they gave findings,
// not `crashed`). Tar archives made by GNU tar, read by libarchive.
TEST_F(IsolationTest, AFileOverTheInMemoryLimitIsIsolatedThroughItsDescriptor) {
  const uint64_t size = Limits{}.max_member_in_memory + (1u << 20);
  const std::string src = dir_.path() + "/src";
  std::filesystem::create_directories(src);
  std::filesystem::create_directories(share_);
  {
    std::ofstream blob(src + "/blob.bin", std::ios::binary);
    std::mt19937_64 random(17);
    std::vector<uint64_t> block(1 << 16);
    for (uint64_t written = 0; written < size; written += block.size() * sizeof(uint64_t)) {
      for (auto& v : block) v = random();
      blob.write(reinterpret_cast<const char*>(block.data()), static_cast<std::streamsize>(block.size() * 8));
    }
  }
  dir_.Write("src/notes.txt", "Burgerservicenummer: 111222333\n");
  dir_.Write("src/dossier.txt", "Burgerservicenummer: 123456782\nPIISCAN-TEST-CRASH\n");
  for (auto [tar, note] : {std::pair{"big.tar", "notes.txt"}, {"big_crash.tar", "dossier.txt"}}) {
    std::string cmd = "tar -cf '" + share_ + "/" + tar + "' -C '" + src + "' " + note + " blob.bin";
    ASSERT_EQ(std::system(cmd.c_str()), 0) << cmd;
    ASSERT_GT(std::filesystem::file_size(share_ + "/" + tar), Limits{}.max_member_in_memory);
  }
  dir_.Write("share/later.html", Html("", "234567806"));
  CollectingSink sink;
  auto summary = Scan({}, sink);

  auto crashed = StatusesOf(sink, "/big_crash.tar");
  ASSERT_EQ(crashed.size(), 1u);
  EXPECT_EQ(crashed[0].status, FileStatus::kCrashed);
  EXPECT_NE(crashed[0].reason.find("tar extractor (libarchive"), std::string::npos) << crashed[0].reason;
  EXPECT_NE(crashed[0].reason.find("SIGABRT"), std::string::npos) << crashed[0].reason;
  auto bsn = sink.Values("bsn");
  EXPECT_EQ(std::count(bsn.begin(), bsn.end(), "111222333"), 1);  // the big file without the marker
  EXPECT_EQ(std::count(bsn.begin(), bsn.end(), "234567806"), 1);  // the scan went on
  EXPECT_EQ(std::count(bsn.begin(), bsn.end(), "123456782"), 0);
  EXPECT_EQ(summary.by_status["crashed"], 1u);
}

// A passed file that shrinks while the helper has it mapped faults (SIGBUS)
// inside the mapping: recorded as the scan process records it for its own
// mappings, `unreadable`, not as a crash of the library.
TEST_F(IsolationTest, AFileThatShrinksInTheHelperIsUnreadableNotCrashed) {
  dir_.Write("share/shrink.html", Html("PIISCAN-TEST-SHRINK", "123456782"));
  dir_.Write("share/ok.html", Html("", "111222333"));
  CollectingSink sink;
  auto summary = Scan({}, sink);
  auto shrunk = StatusesOf(sink, "/shrink.html");
  ASSERT_EQ(shrunk.size(), 1u);
  EXPECT_EQ(shrunk[0].status, FileStatus::kUnreadable);
  EXPECT_EQ(shrunk[0].reason, "file shrank while being read");
  EXPECT_EQ(summary.by_status["crashed"], 0u);
  EXPECT_EQ(sink.Values("bsn"), std::vector<std::string>{"111222333"});
}

// No helper is forked by a worker while the scan's other threads run (a
// process forked then inherits the locks they hold, and the sanitizers'
// allocators do not guard theirs): the first ones are forked before the
// scan starts its threads, a replacement for one that died by the zygote.
TEST_F(IsolationTest, NoHelperIsForkedByAWorker) {
  for (int i = 0; i < 4; ++i) dir_.Write("share/ok" + std::to_string(i) + ".html", Html("", "111222333"));
  uint64_t forked = formats::testing::HelpersForked();
  uint64_t spares = formats::testing::SpareHelpersForked();
  uint64_t zygote = formats::testing::ZygoteHelpersForked();
  CollectingSink sink;
  Scan({}, sink);  // two workers
  EXPECT_EQ(sink.Values("bsn").size(), 4u);
  EXPECT_EQ(formats::testing::SpareHelpersForked() - spares, 2u);
  EXPECT_EQ(formats::testing::HelpersForked() - forked, 2u);  // none by a worker
  EXPECT_EQ(formats::testing::ZygoteHelpersForked() - zygote, 0u);

  dir_.Write("share/crash.html", Html("PIISCAN-TEST-CRASH", "123456782"));
  dir_.Write("share/crash2.html", Html("PIISCAN-TEST-CRASH", "123456782"));
  forked = formats::testing::HelpersForked();
  spares = formats::testing::SpareHelpersForked();
  zygote = formats::testing::ZygoteHelpersForked();
  ScanOptions one;
  one.threads = 1;  // crash.html, crash2.html, then the four others
  CollectingSink again;
  Scan(one, again);
  EXPECT_EQ(again.Values("bsn").size(), 4u);
  EXPECT_EQ(formats::testing::SpareHelpersForked() - spares, 1u);  // crashed on crash.html
  EXPECT_EQ(formats::testing::HelpersForked() - forked, 3u);
  EXPECT_EQ(formats::testing::ZygoteHelpersForked() - zygote, 2u);  // for crash2.html, then the rest
  // The zygote's helper is the scan's child: how it died is known as for
  // the spare the scan forked itself.
  for (const char* name : {"/crash.html", "/crash2.html"}) {
    auto crashed = StatusesOf(again, name);
    ASSERT_EQ(crashed.size(), 1u) << name;
    EXPECT_NE(crashed[0].reason.find("crashed (SIGABRT)"), std::string::npos) << crashed[0].reason;
  }
}

// Two scans at once in one process share the spares and the zygote: both
// read everything, also after helpers of both crashed and were replaced.
TEST_F(IsolationTest, TwoScansAtOnceShareTheSparesAndTheZygote) {
  for (int i = 0; i < 3; ++i) dir_.Write("share/ok" + std::to_string(i) + ".html", Html("", "111222333"));
  dir_.Write("share/crash.html", Html("PIISCAN-TEST-CRASH", "123456782"));
  CollectingSink first, second;
  std::thread other([&] { Scan({}, second); });
  Scan({}, first);
  other.join();
  for (CollectingSink* sink : {&first, &second}) {
    EXPECT_EQ(sink->Values("bsn").size(), 3u);
    auto crashed = StatusesOf(*sink, "/crash.html");
    ASSERT_EQ(crashed.size(), 1u);
    EXPECT_NE(crashed[0].reason.find("crashed (SIGABRT)"), std::string::npos) << crashed[0].reason;
  }
}

TEST_F(IsolationTest, AHelperOverItsMemoryIsALimit) {
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  GTEST_SKIP() << "sanitizer builds set no address-space limit on helpers";
#endif
  dir_.Write("share/hog.html", Html("PIISCAN-TEST-HOG", "123456782"));
  dir_.Write("share/ok.html", Html("", "111222333"));
  ScanOptions o;
  o.limits.max_extractor_memory = 64 << 20;
  CollectingSink sink;
  Scan(o, sink);
  auto hog = StatusesOf(sink, "/hog.html");
  ASSERT_EQ(hog.size(), 1u);
  EXPECT_EQ(hog[0].status, FileStatus::kLimit);
  EXPECT_TRUE(hog[0].reason.starts_with("max_extractor_memory: the html extractor")) << hog[0].reason;
  EXPECT_EQ(sink.Values("bsn"), std::vector<std::string>{"111222333"});
}

TEST_F(IsolationTest, CtrlCEndsAScanWhoseHelperHangs) {
  dir_.Write("share/hang.html", Html("PIISCAN-TEST-HANG", "123456782"));
  std::atomic<bool> stop{false};
  std::jthread interrupt([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    stop = true;
  });
  CollectingSink sink;
  auto start = Clock::now();
  auto summary = Scan({}, sink, &stop);  // file_timeout: the default 60 s
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(10));
  EXPECT_TRUE(summary.interrupted);
  EXPECT_TRUE(StatusesOf(sink, "/hang.html").empty());  // not read: nothing to say about it
}

TEST_F(IsolationTest, ResultsAreTheSameWithAndWithoutHelpers) {
  std::string fixtures = testing::GeneratedFixturesDir();
  if (fixtures.empty() || !std::filesystem::exists(fixtures)) GTEST_SKIP() << "no generated fixtures";
  auto run = [&](bool isolate) {
    ScanOptions o;
    o.paths = {fixtures};
    o.threads = 2;
    o.progress = false;
    o.limits.isolate_extractors = isolate;
    // The nested zip bombs take half a minute each way and are compared
    // by the hostile corpus test.
    o.excludes = {"bomb_*"};
    std::atomic<bool> stop{false};
    detectors::FindingOptions fo{true, Confidence::kLow, &hasher_};
    CollectingSink sink;
    RunScan(o, {}, DetectorConsumerFactory(engine_, fo), {&sink}, stop);
    std::vector<std::tuple<std::string, Location, std::string, std::string, uint64_t, uint64_t, int64_t>> out;
    for (const auto& i : sink.items) {
      for (const auto& f : i.findings)
        out.emplace_back(f.file, f.location, f.detector, f.value.value_or(""), f.count, f.line.value_or(0),
                         f.item_time.value_or(0));
      for (const auto& s : i.statuses)
        out.emplace_back(s.file, s.location, std::string(FileStatusName(s.status)), s.reason, 0, 0, 0);
    }
    std::sort(out.begin(), out.end());
    return out;
  };
  auto in_process = run(false);
  auto isolated = run(true);
  EXPECT_GT(in_process.size(), 50u);
  EXPECT_EQ(isolated, in_process);
}

TEST_F(IsolationTest, AStoreRecordsTheCrashAndReadsTheFileAgainOnlyWhenChanged) {
  auto opened = store::OpenSqliteStore(dir_.path() + "/piiscan.db");
  ASSERT_TRUE(opened) << opened.error().message;
  auto db = std::move(*opened);
  dir_.Write("share/abort.html", Html("PIISCAN-TEST-CRASH", "123456782"));
  dir_.Write("share/ok.html", Html("", "111222333"));
  auto night = [&](store::ScanRecord& record) {
    auto writer = db->OpenWriter({});
    EXPECT_TRUE(writer) << writer.error().message;
    StoreSink store_sink(**writer);
    ScanOptions o;
    o.store = db.get();
    ScanInfo info;
    info.roots = {share_};
    info.command = "scan";
    StampScanInfo(info);
    info.config_fingerprint = "fp";
    CollectingSink sink;
    auto summary = Scan(o, sink, nullptr, {&store_sink}, info);
    EXPECT_TRUE(store_sink.Finish(summary));
    if (store_sink.record()) record = *store_sink.record();
    return sink;
  };
  store::ScanRecord first, second, third;
  auto one = night(first);
  ASSERT_EQ(StatusesOf(one, "/abort.html").size(), 1u);
  EXPECT_EQ(first.files_read, 2u);

  // Unchanged: the crash is replayed from the store, the file not read.
  auto two = night(second);
  EXPECT_EQ(second.files_read, 0u);
  auto replayed = StatusesOf(two, "/abort.html");
  ASSERT_EQ(replayed.size(), 1u);
  EXPECT_EQ(replayed[0].status, FileStatus::kCrashed);

  // Changed (the marker gone): read again, and its finding appears.
  std::filesystem::remove(share_ + "/abort.html");
  dir_.Write("share/abort.html", Html("fixed", "123456782"));
  auto three = night(third);
  EXPECT_EQ(third.files_read, 1u);
  EXPECT_TRUE(StatusesOf(three, "/abort.html").empty());
  auto bsn = three.Values("bsn");
  EXPECT_EQ(std::count(bsn.begin(), bsn.end(), "123456782"), 1);
}

}  // namespace
}  // namespace piiscan::scanner
