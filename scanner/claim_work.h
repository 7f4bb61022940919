#pragma once
// --claim: a WorkSource on a store's WorkQueue. Units are claimed one at a
// time when the walker needs more work, and a thread of its own renews the
// leases of the units this agent holds every third of the lease, until the
// object goes away (after the scan's FinishScan). A unit is completed in the
// store (StoreWriter::CompleteUnit, reporter thread) once every file queued
// for it has been recorded.
//
// Thread safety: Next/Track/Listed on the walker thread, Recorded/Finishing
// on the reporter thread; the shared counts are guarded.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "scanner/walker.h"
#include "scanner/work_source.h"
#include "store/store.h"

namespace piiscan::scanner {

// The folders below `roots` and how many files each holds directly, as Walk
// with `options` would reach them: what Discover needs.
Result<std::vector<store::FolderCount>> ListFolders(const std::vector<std::string>& roots,
                                                    const WalkOptions& options,
                                                    const std::atomic<bool>& stop);

// Whether the file `name` (its last path component) belongs to `unit`'s part.
bool InUnitPart(std::string_view relative_path, const store::WorkUnit& unit);

class ClaimWork final : public WorkSource, public RecordObserver {
 public:
  ClaimWork(store::WorkQueue& queue, std::chrono::seconds lease);
  ~ClaimWork() override;

  std::optional<store::WorkUnit> Next(const std::atomic<bool>& stop) override;
  void Track(const std::string& path, int64_t unit) override;
  void Listed(int64_t unit) override;
  void Recorded(const std::string& path, store::StoreWriter& writer) override;
  void Finishing(store::StoreWriter& writer) override;

  // The first store error met (claiming, renewing, completing).
  std::optional<Error> error() const;

 private:
  struct Unit {
    uint64_t pending = 0;  // files queued, not yet recorded
    bool listed = false;
  };
  void Fail(const Error& e);
  void CompleteReady(store::StoreWriter& writer);

  store::WorkQueue& queue_;
  std::chrono::seconds lease_;
  mutable std::mutex mu_;
  std::unordered_map<int64_t, Unit> units_;
  std::unordered_map<std::string, int64_t> files_;  // path -> unit, until recorded
  std::vector<int64_t> ready_;                      // units to complete
  std::optional<Error> error_;
  std::condition_variable wake_;
  bool quit_ = false;
  std::jthread renewer_;
};

}  // namespace piiscan::scanner
