#pragma once
// Records a scan in a findings store (store/store.h): a sink on the reporter
// thread that turns each complete top-level file into BeginFile / AddFinding /
// AddStatus / EndFile, a file replayed from the store into KeepUnchanged, and
// the end of the scan into FinishScan. Parts of one file may arrive
// interleaved with other files (a big file read by several workers, findings
// flushed early): they are held until the file is complete, so that the
// store only ever records whole files. A file cut short by Ctrl-C is never
// recorded; the next scan reads it again. Held parts are aggregated per
// value as they arrive (the store aggregates per value anyway), so a file's
// memory grows with its distinct values, not its occurrences.
//
// The first store error stops the recording (the scan itself goes on);
// error() says what it was. Thread safety: the reporter thread only.

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "reports/sink.h"
#include "scanner/work_source.h"
#include "store/finding_index.h"
#include "store/store.h"

namespace piiscan::scanner {

class StoreSink final : public reports::Sink {
 public:
  // `begun`: the caller has called BeginScan already (to learn at once
  // whether the store accepts the scan); Begin then does not.
  // `observer` (--claim) learns every top-level file recorded.
  explicit StoreSink(store::StoreWriter& writer, bool begun = false,
                     RecordObserver* observer = nullptr)
      : writer_(writer), begun_(begun), observer_(observer) {}

  void Begin(const ScanInfo& info) override;
  void Item(const ItemReport& report) override;
  // FinishScan: completed unless the summary says interrupted or the store
  // failed. Returns false when the store failed.
  bool Finish(const reports::ScanSummary& summary) override;

  const std::optional<Error>& error() const { return error_; }
  // The scan as recorded (files read and skipped, findings, new, resolved),
  // once Finish succeeded.
  const std::optional<store::ScanRecord>& record() const { return record_; }

 private:
  struct Pending {
    std::optional<FileIdentity> identity;
    std::string type;
    uint64_t bytes_scanned = 0;
    std::vector<Finding> findings;
    // Aggregation key (location, detector, value_hash) -> index in findings:
    // parts flushed early repeat values, and a dense file's parts held
    // whole had peaked at 375 MB for a 64 MB CSV.
    store::FindingIndex index;
    std::vector<StatusRecord> statuses;
    uint32_t done = 0;
    uint32_t total = 0;
  };
  void Write(const FileIdentity& identity, const std::string& path, const std::string& type,
             uint64_t bytes_scanned, const std::vector<Finding>& findings,
             const std::vector<StatusRecord>& statuses);
  bool Check(Result<void> r);

  store::StoreWriter& writer_;
  bool begun_ = false;
  RecordObserver* observer_ = nullptr;
  std::unordered_map<std::string, Pending> pending_;
  std::optional<Error> error_;
  std::optional<store::ScanRecord> record_;
};

}  // namespace piiscan::scanner
