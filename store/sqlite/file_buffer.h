#pragma once
// One top-level file as the writer receives it between BeginFile and EndFile,
// held in memory until EndFile: its findings aggregated per (location,
// detector, value_hash) (the first occurrence's values, counts added) and its
// statuses in order. Holding the file lets the writer insert a new file's rows
// plainly and diff a re-read file against what the store had, instead of an
// upsert per finding. A finding handed with AddView is not copied: the caller
// keeps it alive until Clear (StoreWriter::WriteFile hands a file whole).
// Not thread safe (the writer's thread).

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.h"
#include "store/finding_index.h"
#include "store/store.h"

namespace piiscan::store::sqlite {

struct BufferedFinding {
  const Finding* finding;       // the first occurrence
  uint64_t count;               // occurrences, added up
  const std::string* location;  // as JSON, the stored form (owned by the buffer)
  size_t hash;                  // FindingKeyHash of the JSON location
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
  // A copy of `finding` is kept.
  void AddFinding(const Finding& finding);
  // `finding` itself is kept: it must outlive the buffer's use of it (Clear).
  void AddView(const Finding& finding);
  void AddStatus(const StatusRecord& status);
  void Clear();

  const FileState& file() const { return file_; }
  const std::vector<BufferedFinding>& findings() const { return findings_; }
  const std::vector<BufferedStatus>& statuses() const { return statuses_; }
  // The file's own status: the first status without a location (else ok).
  std::string_view status() const { return status_; }
  const std::string& reason() const { return reason_; }

  // The index in findings() of the finding with this key, or -1.
  int64_t Index(std::string_view location, std::string_view detector,
                std::string_view value_hash) const;

 private:
  FileState file_;
  std::vector<BufferedFinding> findings_;
  FindingIndex index_;
  std::deque<Finding> owned_;  // AddFinding's copies (stable addresses)
  // The JSON of each run of findings at one location (consecutive findings
  // mostly share it): one conversion per run, not per finding.
  std::deque<std::string> locations_;
  size_t locations_used_ = 0;
  const Location* last_steps_ = nullptr;
  std::vector<BufferedStatus> statuses_;
  std::string_view status_ = "ok";
  std::string reason_;
};

}  // namespace piiscan::store::sqlite
