// The scanner with a findings store (scanner/store_sink.h) on a real SQLite
// file: a big file read in parts by two workers is recorded once and whole,
// a second scan replays every file from the store without reading it, and a
// changed configuration reads everything again.
#include "scanner/store_sink.h"

#include <gtest/gtest.h>

#include <fstream>

#include "core/keyed_hash.h"
#include "detectors/engine.h"
#include "rules/rule_loader.h"
#include "scanner/detector_consumer.h"
#include "scanner/scan.h"
#include "scanner/scan_test_util.h"
#include "store/sqlite/sqlite_store.h"
#include "tests/support/test_support.h"

namespace piiscan::scanner {
namespace {

using Collecting = testing::CollectingSink;

class StoreScanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    engine_ = testing::EmbeddedEngine();
    ASSERT_TRUE(engine_);
    auto s = store::OpenSqliteStore(dir_.path() + "/piiscan.db");
    ASSERT_TRUE(s) << s.error().message;
    store_ = std::move(*s);
    share_ = dir_.path() + "/share";
    dir_.Write("share/a.txt", "IBAN: NL91 ABNA 0417 1643 00\nmail jan.devries@voorbeeld.nl\n");
    dir_.Write("share/b/notes.txt", "Tel: 06-12345678 en 06-12345678\n");
    // Big enough to be split between the two workers (16 MiB and more).
    std::ofstream out(share_ + "/export.txt", std::ios::binary);
    std::string filler = "Regel met gewone tekst over de levering van order 4471 en versie 2.3.\n";
    for (int i = 0; i < 300000; ++i) {
      if (i % 397 == 0) out << "Burgerservicenummer:\n111222333\n";
      else if (i % 211 == 0) out << "IBAN NL91 ABNA 0417 1643 00, mail k" << i % 50 << "@voorbeeld.nl\n";
      else out << filler;
    }
  }

  // One scan with the store; returns what reached the other sink.
  Collecting Scan(const std::string& fingerprint, store::ScanRecord& record) {
    Collecting sink;
    auto writer = store_->OpenWriter({});
    EXPECT_TRUE(writer) << writer.error().message;
    StoreSink store_sink(**writer);
    ScanOptions o;
    o.paths = {share_};
    o.threads = 2;
    o.progress = false;
    o.store = store_.get();
    ScanInfo info;
    info.roots = o.paths;
    info.command = "scan";
    StampScanInfo(info);
    info.config_fingerprint = fingerprint;
    std::atomic<bool> stop{false};
    detectors::FindingOptions fo{false, Confidence::kMedium, &hasher_};
    auto summary = RunScan(o, info, DetectorConsumerFactory(engine_, fo), {&sink, &store_sink}, stop);
    EXPECT_TRUE(store_sink.Finish(summary)) << (store_sink.error() ? store_sink.error()->message : "");
    EXPECT_EQ(summary.files, 3u);
    if (store_sink.record()) record = *store_sink.record();
    return sink;
  }

  // (file, detector, value_hash) -> occurrences, from reports or the store.
  static std::map<std::tuple<std::string, std::string, std::string>, uint64_t> Counts(const Collecting& c) {
    std::map<std::tuple<std::string, std::string, std::string>, uint64_t> out;
    for (const auto& i : c.items)
      for (const auto& f : i.findings) out[{f.file, f.detector, f.value_hash}] += f.count;
    return out;
  }

  std::shared_ptr<const detectors::Engine> engine_;
  KeyedHasher hasher_{"0123456789abcdef0123456789abcdef"};
  testing::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::string share_;
};

TEST_F(StoreScanTest, FilesAreRecordedWholeAndReplayedUnread) {
  store::ScanRecord first, second, other;
  auto read = Scan("fp-1", first);
  EXPECT_EQ(first.files_read, 3u);
  EXPECT_EQ(first.files_skipped, 0u);
  size_t big_reports = 0;
  for (const auto& i : read.items) big_reports += i.file.ends_with("export.txt");
  EXPECT_GT(big_reports, 1u);  // it was read in parts

  // The store holds every occurrence the reports had, per file and value.
  auto reader = store_->OpenReader();
  ASSERT_TRUE(reader);
  std::map<std::tuple<std::string, std::string, std::string>, uint64_t> stored;
  ASSERT_TRUE((*reader)->CurrentFindings([&](const store::StoredFinding& f) {
    stored[{f.finding.file, f.finding.detector, f.finding.value_hash}] += f.finding.count;
    return true;
  }));
  auto expected = Counts(read);
  EXPECT_EQ(stored, expected);
  uint64_t bsn = 0;
  for (const auto& [key, n] : stored)
    if (std::get<0>(key) == share_ + "/export.txt" && std::get<1>(key) == "bsn") bsn += n;
  EXPECT_EQ(bsn, 300000u / 397 + 1);

  // Unchanged: nothing is read, every file comes back whole from the store.
  auto replayed = Scan("fp-1", second);
  EXPECT_EQ(second.files_read, 0u);
  EXPECT_EQ(second.files_skipped, 3u);
  EXPECT_EQ(replayed.items.size(), 3u);
  for (const auto& i : replayed.items) EXPECT_NE(i.stored_file_id, 0) << i.file;
  EXPECT_EQ(Counts(replayed), expected);
  EXPECT_EQ(second.new_findings, 0u);
  EXPECT_EQ(second.resolved, 0u);

  // Another configuration: everything is read again.
  Scan("fp-2", other);
  EXPECT_EQ(other.files_read, 3u);
  EXPECT_EQ(other.files_skipped, 0u);
}

}  // namespace
}  // namespace piiscan::scanner
