#include "core/status.h"

namespace piiscan {

std::string_view FileStatusName(FileStatus status) {
  switch (status) {
    case FileStatus::kOk: return "ok";
    case FileStatus::kEncrypted: return "encrypted";
    case FileStatus::kCorrupt: return "corrupt";
    case FileStatus::kTooLarge: return "too_large";
    case FileStatus::kUnsupported: return "unsupported";
    case FileStatus::kUnreadable: return "unreadable";
    case FileStatus::kLimit: return "limit";
    case FileStatus::kSkipped: return "skipped";
    case FileStatus::kCrashed: return "crashed";
  }
  return "unknown";
}

}  // namespace piiscan
