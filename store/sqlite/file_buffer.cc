#include "store/sqlite/file_buffer.h"

#include "store/location_json.h"

namespace piiscan::store::sqlite {

void FileBuffer::Begin(const FileState& file) {
  Clear();
  file_ = file;
}

void FileBuffer::Clear() {
  findings_.clear();
  index_.Clear();
  owned_.clear();
  locations_used_ = 0;
  last_steps_ = nullptr;
  statuses_.clear();
  status_ = "ok";
  reason_.clear();
}

int64_t FileBuffer::Index(std::string_view location, std::string_view detector,
                          std::string_view value_hash) const {
  uint32_t at = index_.Find(FindingKeyHash(location, detector, value_hash), [&](uint32_t i) {
    const BufferedFinding& b = findings_[i];
    return b.finding->value_hash == value_hash && b.finding->detector == detector &&
           *b.location == location;
  });
  return at == FindingIndex::kNone ? -1 : static_cast<int64_t>(at);
}

void FileBuffer::AddFinding(const Finding& f) { AddView(owned_.emplace_back(f)); }

void FileBuffer::AddView(const Finding& f) {
  if (!last_steps_ || *last_steps_ != f.location) {
    if (locations_used_ == locations_.size()) locations_.emplace_back();
    LocationToJson(f.location).swap(locations_[locations_used_++]);
    last_steps_ = &f.location;
  }
  const std::string& location = locations_[locations_used_ - 1];
  const size_t hash = FindingKeyHash(location, f.detector, f.value_hash);
  uint32_t at = index_.Find(hash, [&](uint32_t i) {
    const BufferedFinding& b = findings_[i];
    return b.finding->value_hash == f.value_hash && b.finding->detector == f.detector &&
           (b.location == &location || *b.location == location);
  });
  if (at != FindingIndex::kNone) {
    findings_[at].count += f.count;
    return;
  }
  index_.Add(hash, static_cast<uint32_t>(findings_.size()));
  findings_.push_back(BufferedFinding{&f, f.count, &location, hash});
}

void FileBuffer::AddStatus(const StatusRecord& s) {
  std::string_view status = FileStatusName(s.status);
  if (s.location.empty() && status_ == "ok") {
    status_ = status;
    reason_ = s.reason;
  }
  statuses_.push_back(BufferedStatus{s.location, LocationToJson(s.location), status, s.reason});
}

}  // namespace piiscan::store::sqlite
