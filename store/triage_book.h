#pragma once
// What both stores' TriageBook (store/store.h) share: the rules of Add (one
// verdict per scope, an equal verdict changes nothing, defaults from the
// latest scan) on top of a few primitives each backend implements in its own
// SQL. Not thread safe: one connection, one thread at a time.

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/store.h"

namespace piiscan::store {

class TriageBookBase : public TriageBook {
 public:
  Result<TriageAdded> Add(TriageVerdict v) final;
  Result<std::vector<TriageAdded>> AddAll(std::vector<TriageVerdict> verdicts) final;

 protected:
  struct LatestScan {
    int64_t id = 0;  // 0: the store has no scan
    std::string scan_id;
    std::string key_fingerprint;
  };
  // A write transaction (SQLite: BEGIN IMMEDIATE; PostgreSQL: with a lock
  // that serialises triage writers), its end, its abandonment.
  virtual Result<void> BeginWrite() = 0;
  virtual Result<void> Commit() = 0;
  virtual void Rollback() = 0;
  virtual Result<LatestScan> Latest() = 0;
  // The id of the scan named `scan_id`; 0 when the store has none.
  virtual Result<int64_t> ScanNumber(const std::string& scan_id) = 0;
  // The verdict stored for v's scope (value scopes: with v's key).
  virtual Result<std::optional<TriageVerdict>> FindScope(const TriageVerdict& v) = 0;
  virtual Result<int64_t> Insert(const TriageVerdict& v) = 0;
  virtual Result<void> Update(int64_t id, const TriageVerdict& v) = 0;

 private:
  Result<TriageAdded> AddInTransaction(TriageVerdict& v);
};

// What is wrong with v's scope (value hash, value hash + file, or glob +
// detector), or "" when it is well formed.
std::string TriageScopeProblem(const TriageVerdict& v);

int64_t NowUnixMs();

}  // namespace piiscan::store
