#include "store/store.h"

#include <filesystem>

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

Result<void> StoreWriter::WriteFile(const FileState& file, std::span<const Finding> findings,
                                    std::span<const StatusRecord> statuses) {
  if (auto r = BeginFile(file); !r) return r;
  for (const Finding& f : findings) {
    if (auto r = AddFinding(f); !r) return r;
  }
  for (const StatusRecord& s : statuses) {
    if (auto r = AddStatus(s); !r) return r;
  }
  return EndFile();
}

std::string NewerSchemaMessage(int64_t found, int known) {
  return "written by a newer piiscan (schema version " + std::to_string(found) +
         ", this piiscan knows up to " + std::to_string(known) +
         "); upgrade piiscan to use it. It was left unchanged";
}

FileStatus ParseFileStatus(std::string_view name) {
  for (FileStatus s : {FileStatus::kEncrypted, FileStatus::kCorrupt, FileStatus::kTooLarge,
                       FileStatus::kUnsupported, FileStatus::kUnreadable, FileStatus::kLimit,
                       FileStatus::kSkipped, FileStatus::kCrashed}) {
    if (FileStatusName(s) == name) return s;
  }
  return FileStatus::kOk;
}

std::string_view VerdictName(Verdict verdict) {
  switch (verdict) {
    case Verdict::kFalsePositive:
      return "false_positive";
    case Verdict::kAccepted:
      return "accepted";
    case Verdict::kRemediated:
      return "remediated";
  }
  return "unknown";
}

std::optional<Verdict> ParseVerdict(std::string_view name) {
  for (Verdict v : {Verdict::kFalsePositive, Verdict::kAccepted, Verdict::kRemediated}) {
    if (VerdictName(v) == name) return v;
  }
  return std::nullopt;
}

std::string NormalizeRoot(std::string_view root) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::absolute(std::filesystem::path(root), ec);
  if (ec) p = std::filesystem::path(root);
  std::string out = p.lexically_normal().string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

}  // namespace piiscan::store
