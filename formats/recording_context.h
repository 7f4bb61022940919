#pragma once
// An ExtractContext for tests and tools: records every text segment, child and
// problem, and extracts children recursively through the registry, with the
// same depth and expanded-bytes limits the scanner applies. Not thread-safe.

#include <string>
#include <vector>

#include "formats/dispatch.h"
#include "formats/extractor.h"

namespace piiscan::formats {

class RecordingContext : public ExtractContext {
 public:
  struct TextRecord {
    std::string text;
    Location where;
    SegmentInfo info;
    std::string label;  // copy of info.label (the view may not outlive the call)
  };
  struct ProblemRecord {
    FileStatus status;
    std::string reason;
    Location where;
  };
  struct ChildRecord {
    Location where;
    std::string name;
    std::string mime_type;
    size_t size;
  };

  explicit RecordingContext(Limits limits = {}) : limits_(limits) {}

  void Text(std::string_view utf8, const Location& where, const SegmentInfo& info) override {
    texts.push_back({std::string(utf8), where, info, std::string(info.label)});
    texts.back().info.label = texts.back().label;
  }
  using ExtractContext::Text;
  void Child(std::string_view bytes, const Location& where, const ChildInfo& info) override {
    children.push_back({where, std::string(info.name), std::string(info.mime_type), bytes.size()});
    if (depth_ + 1 > limits_.max_depth) {
      Problem(FileStatus::kLimit, "max_depth", where);
      return;
    }
    if (++members_ > limits_.max_members) {
      Problem(FileStatus::kLimit, "max_members", where);
      return;
    }
    ++depth_;
    DispatchItem(bytes, where, info, *this);
    --depth_;
  }
  void Problem(FileStatus status, std::string_view reason, const Location& where) override {
    problems.push_back({status, std::string(reason), where});
  }
  void Dated(const Location& where, int64_t unix_time) override { dates.emplace_back(where, unix_time); }
  bool ChargeExpanded(uint64_t bytes, const Location& where) override {
    expanded_ += bytes;
    if (expanded_ > limits_.max_expanded_bytes) {
      if (!exhausted_) Problem(FileStatus::kLimit, "max_expanded_bytes", where);
      exhausted_ = true;
      return false;
    }
    return true;
  }
  bool ShouldStop() const override { return exhausted_; }
  int depth() const override { return depth_; }
  const Limits& limits() const override { return limits_; }
  void DoneWith(uint64_t) override {}

  // All recorded text joined by newlines, for assertions.
  std::string AllText() const {
    std::string out;
    for (const auto& t : texts) out += t.text + "\n";
    return out;
  }
  // True when some text segment at a location ending with `step` contains `needle`.
  bool HasTextAt(const std::string& step, const std::string& needle) const {
    for (const auto& t : texts) {
      if (!t.where.empty() && t.where.back() == step && t.text.find(needle) != std::string::npos) return true;
    }
    return false;
  }

  std::vector<TextRecord> texts;
  std::vector<ChildRecord> children;
  std::vector<ProblemRecord> problems;
  std::vector<std::pair<Location, int64_t>> dates;

 private:
  Limits limits_;
  int depth_ = 0;
  uint64_t members_ = 0;
  uint64_t expanded_ = 0;
  bool exhausted_ = false;
};

}  // namespace piiscan::formats
