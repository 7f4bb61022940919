#include "store/store.h"

namespace piiscan::store {

std::string_view ScanStatusName(ScanStatus status) {
  switch (status) {
    case ScanStatus::kRunning:
      return "running";
    case ScanStatus::kCompleted:
      return "completed";
    case ScanStatus::kInterrupted:
      return "interrupted";
  }
  return "unknown";
}

ScanStatus ParseScanStatus(std::string_view name) {
  if (name == "completed") return ScanStatus::kCompleted;
  if (name == "interrupted") return ScanStatus::kInterrupted;
  return ScanStatus::kRunning;
}

FileStatus ParseFileStatus(std::string_view name) {
  for (FileStatus s : {FileStatus::kEncrypted, FileStatus::kCorrupt, FileStatus::kTooLarge,
                       FileStatus::kUnsupported, FileStatus::kUnreadable, FileStatus::kLimit,
                       FileStatus::kSkipped}) {
    if (FileStatusName(s) == name) return s;
  }
  return FileStatus::kOk;
}

}  // namespace piiscan::store
