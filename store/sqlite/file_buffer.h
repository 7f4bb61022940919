#pragma once
// One top-level file as the writer receives it between BeginFile and EndFile,
// held in memory until EndFile: its findings aggregated per (location,
// detector, value_hash) (the first occurrence's values, counts added) and its
// statuses in order. Holding the file lets the writer insert a new file's rows
// plainly and diff a re-read file against what the store had, instead of an
// upsert per finding. Not thread safe (the writer's thread).

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/finding.h"
#include "store/store.h"

namespace piiscan::store::sqlite {

struct BufferedFinding {
  Finding finding;       // the first occurrence; count adds up
  std::string location;  // as JSON, the stored form
};

struct BufferedStatus {
  Location steps;
  std::string location;  // as JSON
  std::string_view status;
  std::string reason;
};

class FileBuffer {
 public:
  void Begin(const FileState& file);
  void AddFinding(const Finding& finding);
  void AddStatus(const StatusRecord& status);
  void Clear();

  const FileState& file() const { return file_; }
  const std::vector<BufferedFinding>& findings() const { return findings_; }
  const std::vector<BufferedStatus>& statuses() const { return statuses_; }
  // The file's own status: the first status without a location (else ok).
  std::string_view status() const { return status_; }
  const std::string& reason() const { return reason_; }

  // The aggregation key of a stored finding, as Index() expects it.
  static std::string Key(std::string_view location, std::string_view detector,
                         std::string_view value_hash);
  // The index in findings() of the finding with `key`, or -1.
  int64_t Index(const std::string& key) const;

 private:
  FileState file_;
  std::vector<BufferedFinding> findings_;
  std::unordered_map<std::string, size_t> index_;
  std::vector<BufferedStatus> statuses_;
  std::string_view status_ = "ok";
  std::string reason_;
  std::string key_;  // scratch
};

}  // namespace piiscan::store::sqlite
