#include "cli/scan_store.h"

#include <algorithm>
#include <iostream>

#include "cli/commands.h"
#include "cli/store_options.h"

namespace piiscan::cli {

namespace po = boost::program_options;

void AddStoreOptions(po::options_description& desc, StoreCliOptions& o) {
  desc.add_options()(
      "db", po::value(&o.db),
      "record the scan in the findings store (an SQLite FILE or a PostgreSQL connection string) "
      "and skip unchanged files (default: $PIISCAN_DB)")(
      "full", po::bool_switch(&o.full), "with --db: read every file, even unchanged ones")(
      "db-wait", po::value(&o.wait_seconds),
      "with --db: seconds to wait for another scan of the same store (default 10)")(
      "db-commit-files", po::value(&o.commit_files),
      "with --db: commit to the store every N files (default 2000) or every second; a crash loses "
      "at most that")("db-values", po::bool_switch(&o.values),
                      "with --db and --show-values: keep raw values in the store too");
}

std::optional<int> MakeScanStoreRequest(const StoreCliOptions& o, bool show_values,
                                        bool each_occurrence, const store::FleetPart& fleet,
                                        ScanStoreRequest& request) {
  request.db = DbPath(o.db);
  if ((o.full || o.values) && request.db.empty()) {
    std::cerr << "piiscan scan: --full and --db-values need --db FILE (or PIISCAN_DB)\n";
    return kExitUsage;
  }
  if (o.values && !show_values) {
    std::cerr << "piiscan scan: --db-values needs --show-values\n";
    return kExitUsage;
  }
  request.writer.store_values = o.values;
  request.writer.wait = std::chrono::seconds(o.wait_seconds);
  request.writer.batch_files = std::max(1, o.commit_files);
  request.writer.fleet = fleet;
  // Values shown but not stored: a stored file could not show its values;
  // one record per occurrence: the store keeps one per value. Either way
  // every file is read (and still recorded).
  request.read_all = o.full || (show_values && !o.values) || each_occurrence;
  return std::nullopt;
}

std::optional<int> ScanStore::Open(const ScanStoreRequest& request, scanner::ScanOptions& options) {
  db_ = request.db;
  if (db_.empty()) return std::nullopt;
  auto s = OpenStoreOrReport(db_, /*create=*/true, "piiscan scan");
  if (!s) return s.error();
  store_ = std::move(*s);
  auto w = store_->OpenWriter(request.writer);
  if (!w) {
    std::cerr << "piiscan scan: " << w.error().message << "\n";
    return kExitFailure;
  }
  writer_ = std::move(*w);
  options.store = store_.get();
  options.full = request.read_all;
  return std::nullopt;
}

std::optional<int> ScanStore::Begin(const ScanInfo& info, const Fleet& fleet,
                                    scanner::ScanOptions& options, const std::atomic<bool>& stop) {
  if (!writer_) return std::nullopt;
  // Before reading anything: an agent that may not join (another key,
  // other rules) is refused at once.
  if (auto begun = writer_->BeginScan(info); !begun) {
    std::cerr << "piiscan scan: " << begun.error().message << "\n";
    return begun.error().kind == ErrorKind::kRefused ? kExitUsage : kExitFailure;
  }
  if (fleet.part.mode == store::FleetPart::Mode::kClaim) {
    auto q = writer_->OpenWorkQueue(fleet.lease);
    if (!q) {
      std::cerr << "piiscan scan: " << q.error().message << "\n";
      return kExitFailure;
    }
    queue_ = std::move(*q);
    // The first agent lists the folders; a folder of more files than this
    // is shared out in parts.
    constexpr uint64_t kFilesPerUnit = 2000;
    scanner::WalkOptions wo{options.excludes, options.follow_symlinks};
    auto listed = queue_->Discover([&] { return scanner::ListFolders(options.paths, wo, stop); },
                                   kFilesPerUnit);
    if (!listed) {
      std::cerr << "piiscan scan: " << listed.error().message << "\n";
      return stop ? kExitInterrupted : kExitFailure;
    }
    claim_.emplace(*queue_, fleet.lease);
    options.work = &*claim_;
  }
  sink_.emplace(*writer_, /*begun=*/true, claim_ ? &*claim_ : nullptr);
  return std::nullopt;
}

std::optional<int> ScanStore::Finish(const reports::ScanSummary& summary, bool quiet) {
  if (!sink_) return std::nullopt;
  bool stored = sink_->Finish(summary);
  if (sink_->record() && !quiet) {
    const auto& rec = *sink_->record();
    std::cerr << "store: " << rec.files_read << " files read, " << rec.files_skipped
              << " skipped as unchanged, " << rec.new_findings << " new findings, " << rec.resolved
              << " resolved, " << rec.files_gone << " files gone (" << StoreName(db_) << ", scan "
              << rec.id << ")\n";
  }
  if (!stored) {
    std::cerr << "piiscan scan: "
              << (sink_->error() ? sink_->error()->message : "could not record the scan") << "\n";
    return kExitFailure;
  }
  if (claim_ && claim_->error()) {
    std::cerr << "piiscan scan: " << claim_->error()->message << "\n";
    return kExitFailure;
  }
  return std::nullopt;
}

}  // namespace piiscan::cli
