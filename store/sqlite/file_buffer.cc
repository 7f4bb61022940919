#include "store/sqlite/file_buffer.h"

#include "store/location_json.h"

namespace piiscan::store::sqlite {

void FileBuffer::Begin(const FileState& file) {
  Clear();
  file_ = file;
}

void FileBuffer::Clear() {
  findings_.clear();
  index_.clear();
  statuses_.clear();
  status_ = "ok";
  reason_.clear();
}

std::string FileBuffer::Key(std::string_view location, std::string_view detector,
                            std::string_view value_hash) {
  std::string key;
  key.reserve(location.size() + detector.size() + value_hash.size() + 2);
  key.append(location).push_back('\x1f');
  key.append(detector).push_back('\x1f');
  key.append(value_hash);
  return key;
}

int64_t FileBuffer::Index(const std::string& key) const {
  auto it = index_.find(key);
  return it == index_.end() ? -1 : static_cast<int64_t>(it->second);
}

void FileBuffer::AddFinding(const Finding& f) {
  std::string location = LocationToJson(f.location);
  key_ = Key(location, f.detector, f.value_hash);
  auto [it, added] = index_.try_emplace(key_, findings_.size());
  if (!added) {
    findings_[it->second].finding.count += f.count;
    return;
  }
  findings_.push_back(BufferedFinding{f, std::move(location)});
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
