#pragma once
// The findings store of one `piiscan scan --db`: opened with its writer
// before anything is read (a busy, damaged or foreign store stops the scan
// there, exit 3); the scan begun in it once its identity is known (an agent
// that the store's fleet run refuses stops there, exit 2); with --claim, the
// run's work queue, its folders listed once, and the ClaimWork the walker
// takes them from. After the scan, the store's line on stderr and its errors.
// Not thread safe (the command's own thread; the sink runs on the scan's
// reporter thread, which is the same).

#include <atomic>
#include <boost/program_options.hpp>
#include <memory>
#include <optional>
#include <string>

#include "cli/fleet_options.h"
#include "reports/sink.h"
#include "scanner/claim_work.h"
#include "scanner/scan_options.h"
#include "scanner/store_sink.h"
#include "store/store.h"

namespace piiscan::cli {

// The store options of `piiscan scan` as given.
struct StoreCliOptions {
  std::string db;
  bool full = false;
  unsigned wait_seconds = 10;
  int commit_files = store::WriterOptions{}.batch_files;
  bool values = false;
};

void AddStoreOptions(boost::program_options::options_description& desc, StoreCliOptions& o);

struct ScanStoreRequest {
  std::string db;  // "" : no store
  store::WriterOptions writer;
  // Read every file even when unchanged (--full, or values / occurrences the
  // store cannot replay).
  bool read_all = false;
};

// Checks the store options ($PIISCAN_DB applied) against the others; on a
// usage error prints it and returns the exit code.
std::optional<int> MakeScanStoreRequest(const StoreCliOptions& o, bool show_values,
                                        bool each_occurrence, const store::FleetPart& fleet,
                                        ScanStoreRequest& request);

class ScanStore {
 public:
  // Opens the store and its writer; sets options.store / options.full. On
  // failure prints why and returns the exit code.
  std::optional<int> Open(const ScanStoreRequest& request, scanner::ScanOptions& options);

  // Begins the scan `info`; with --claim shares the work out (sets
  // options.work). On failure prints why and returns the exit code.
  std::optional<int> Begin(const ScanInfo& info, const Fleet& fleet, scanner::ScanOptions& options,
                           const std::atomic<bool>& stop);

  // The sink that records the scan (null without a store), after Begin.
  reports::Sink* sink() { return sink_ ? &*sink_ : nullptr; }

  // Records the end of the scan, prints the store's line unless `quiet`;
  // returns the exit code when the store failed.
  std::optional<int> Finish(const reports::ScanSummary& summary, bool quiet);

 private:
  std::string db_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<store::StoreWriter> writer_;
  std::unique_ptr<store::WorkQueue> queue_;
  std::optional<scanner::ClaimWork> claim_;
  std::optional<scanner::StoreSink> sink_;
};

}  // namespace piiscan::cli
