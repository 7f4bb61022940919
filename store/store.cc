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

}  // namespace piiscan::store
