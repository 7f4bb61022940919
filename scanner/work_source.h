#pragma once
// Where a scan's files come from when they are not walked from the roots at
// once: units of work handed out one by one (--claim, scanner/claim_work.h).
// The walker thread asks Next for a unit, walks the unit's own files, and
// says which files it queued (Track) and when the unit is fully queued
// (Listed). The reporter thread tells the source each top-level file it has
// recorded (RecordObserver), so that a unit is done only once every one of
// its files is in the store.

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

#include "store/store.h"

namespace piiscan::scanner {

class WorkSource {
 public:
  virtual ~WorkSource() = default;
  // Walker thread. nullopt: no more work.
  virtual std::optional<store::WorkUnit> Next(const std::atomic<bool>& stop) = 0;
  virtual void Track(const std::string& path, int64_t unit) = 0;
  virtual void Listed(int64_t unit) = 0;
};

// The reporter thread's side (scanner/store_sink.h calls it).
class RecordObserver {
 public:
  virtual ~RecordObserver() = default;
  // A top-level file was recorded (read or kept unchanged).
  virtual void Recorded(const std::string& path, store::StoreWriter& writer) = 0;
  // Before FinishScan: units done meanwhile.
  virtual void Finishing(store::StoreWriter& writer) = 0;
};

}  // namespace piiscan::scanner
