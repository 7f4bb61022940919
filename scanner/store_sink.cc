#include "scanner/store_sink.h"

namespace piiscan::scanner {

bool StoreSink::Check(Result<void> r) {
  if (!r && !error_) error_ = r.error();
  return !error_;
}

void StoreSink::Begin(const ScanInfo& info) {
  if (begun_) return;
  auto id = writer_.BeginScan(info);
  if (!id) error_ = id.error();
}

void StoreSink::Item(const ItemReport& r) {
  if (error_ || !r.identity) return;  // no identity: a problem met while walking
  if (r.stored_file_id) {
    if (Check(writer_.KeepUnchanged(r.stored_file_id, r.findings.size())) && observer_)
      observer_->Recorded(r.file, writer_);
    return;
  }
  auto it = pending_.find(r.file);
  if (it == pending_.end() && r.units_done == 1 && r.units_total == 1) {
    Write(*r.identity, r.file, r.type, r.bytes_scanned, r.findings, r.statuses);  // the usual case
    return;
  }
  if (it == pending_.end()) it = pending_.emplace(r.file, Pending{}).first;
  Pending& p = it->second;
  p.identity = r.identity;
  if (!r.type.empty() && p.type.empty()) p.type = r.type;
  p.bytes_scanned += r.bytes_scanned;
  for (const Finding& f : r.findings) {
    const size_t hash = store::FindingKeyHash(f.location, f.detector, f.value_hash);
    uint32_t at = p.index.Find(hash, [&](uint32_t i) {
      const Finding& g = p.findings[i];
      return g.value_hash == f.value_hash && g.detector == f.detector && g.location == f.location;
    });
    if (at != store::FindingIndex::kNone) {
      p.findings[at].count += f.count;
      continue;
    }
    p.index.Add(hash, static_cast<uint32_t>(p.findings.size()));
    p.findings.push_back(f);
  }
  p.statuses.insert(p.statuses.end(), r.statuses.begin(), r.statuses.end());
  p.done += r.units_done;
  if (r.units_total) p.total = r.units_total;
  if (p.total && p.done == p.total) {
    Write(*p.identity, r.file, p.type, p.bytes_scanned, p.findings, p.statuses);
    pending_.erase(it);
  }
}

void StoreSink::Write(const FileIdentity& identity, const std::string& path, const std::string& type,
                      uint64_t bytes_scanned, const std::vector<Finding>& findings,
                      const std::vector<StatusRecord>& statuses) {
  // Handed whole: the store aggregates views of these findings, no copies.
  if (Check(writer_.WriteFile(store::FileState{identity, path, type, bytes_scanned}, findings,
                              statuses)) &&
      observer_)
    observer_->Recorded(path, writer_);
}

bool StoreSink::Finish(const reports::ScanSummary& summary) {
  // Files still pending were cut short: they are not recorded.
  pending_.clear();
  if (observer_ && !error_) observer_->Finishing(writer_);
  auto end = writer_.FinishScan(store::ScanEnd{.completed = !summary.interrupted && !error_});
  if (!end) {
    if (!error_) error_ = end.error();
    return false;
  }
  record_ = std::move(*end);
  return !error_;
}

}  // namespace piiscan::scanner
