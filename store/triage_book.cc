#include "store/triage_book.h"

#include <chrono>

namespace piiscan::store {

int64_t NowUnixMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string TriageScopeProblem(const TriageVerdict& v) {
  if (v.ByValue()) {
    if (!v.glob.empty() || !v.detector.empty())
      return "a verdict by value hash takes no glob or detector";
    return "";
  }
  if (v.glob.empty() || v.detector.empty())
    return "a verdict needs a value hash, or a file glob with a detector";
  if (!v.file.empty()) return "a verdict by glob takes no single file";
  return "";
}

Result<TriageAdded> TriageBookBase::Add(TriageVerdict v) {
  std::vector<TriageVerdict> one;
  one.push_back(std::move(v));
  auto out = AddAll(std::move(one));
  if (!out) return std::unexpected(out.error());
  return out->front();
}

Result<std::vector<TriageAdded>> TriageBookBase::AddAll(std::vector<TriageVerdict> verdicts) {
  for (const auto& v : verdicts) {
    if (auto problem = TriageScopeProblem(v); !problem.empty()) return Fail("triage: " + problem);
  }
  if (auto r = BeginWrite(); !r) return std::unexpected(r.error());
  std::vector<TriageAdded> out;
  out.reserve(verdicts.size());
  for (auto& v : verdicts) {
    auto added = AddInTransaction(v);
    if (!added) {
      Rollback();
      return std::unexpected(added.error());
    }
    out.push_back(*added);
  }
  if (auto r = Commit(); !r) {
    Rollback();
    return std::unexpected(r.error());
  }
  return out;
}

Result<TriageAdded> TriageBookBase::AddInTransaction(TriageVerdict& v) {
  auto latest = Latest();
  if (!latest) return std::unexpected(latest.error());
  if (v.key_fingerprint.empty()) v.key_fingerprint = latest->key_fingerprint;
  if (v.ByValue() && v.key_fingerprint.empty())
    return Fail("triage: the store has no scan yet, so no value hash means anything in it");
  if (v.created_unix_ms == 0) v.created_unix_ms = NowUnixMs();
  // The scan a verdict was given at: its own when this store knows it (an
  // export of this store read back), else this store's latest.
  int64_t known = 0;
  if (!v.scan_id.empty()) {
    auto n = ScanNumber(v.scan_id);
    if (!n) return std::unexpected(n.error());
    known = *n;
  }
  if (known == 0) {
    v.scan = latest->id;
    v.scan_id = latest->scan_id;
  } else {
    v.scan = known;
  }
  auto stored = FindScope(v);
  if (!stored) return std::unexpected(stored.error());
  if (*stored) {
    const TriageVerdict& old = **stored;
    if (old.verdict == v.verdict && old.note == v.note && old.by == v.by &&
        old.created_unix_ms == v.created_unix_ms)
      return TriageAdded{old.id, TriageChange::kUnchanged};
    if (auto r = Update(old.id, v); !r) return std::unexpected(r.error());
    return TriageAdded{old.id, TriageChange::kReplaced};
  }
  auto id = Insert(v);
  if (!id) return std::unexpected(id.error());
  return TriageAdded{*id, TriageChange::kAdded};
}

}  // namespace piiscan::store
