#pragma once
// The ExtractContext the scanner gives extractors for one top-level file: it
// sends text to the thread's TextConsumer, dispatches children one level
// deeper, and keeps the file's budget — depth, members, expanded bytes and
// the per-file deadline (all from core/limits.h) — recording a `limit`
// status naming the limit when one is reached.
//
// Thread safety: one per worker thread and file.

#include <atomic>
#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/finding.h"
#include "formats/extractor.h"
#include "scanner/file_reader.h"
#include "scanner/text_consumer.h"

namespace piiscan::scanner {

class ItemContext final : public formats::ExtractContext {
 public:
  // `flush` receives parts of the report when findings pile up (a huge file
  // full of personal data), so they need not all be held until the end.
  ItemContext(const Limits& limits, const std::atomic<bool>& stop, TextConsumer& consumer,
              FileBytes* file, ItemReport& report, std::function<void(ItemReport&&)> flush = {});

  void Text(std::string_view utf8, const Location& where, const SegmentInfo& info) override;
  using ExtractContext::Text;
  void Child(std::string_view bytes, const Location& where, const formats::ChildInfo& info) override;
  void Problem(FileStatus status, std::string_view reason, const Location& where) override;
  void Dated(const Location& where, int64_t unix_time) override;
  bool ChargeExpanded(uint64_t bytes, const Location& where) override;
  bool ShouldStop() const override;
  int depth() const override { return budget_.depth; }
  const Limits& limits() const override { return limits_; }
  void DoneWith(uint64_t offset) override;
  bool IsolateModuleFormats() const override { return limits_.isolate_extractors; }
  FileBudget* budget() override { return &budget_; }
  bool Cancelled() const override { return stop_.load(std::memory_order_relaxed); }
  int FileDescriptorOf(std::string_view bytes) const override;
  // Adds the summary of repeated limit records; call once after extraction.
  void Finish();

 private:
  void Limit(std::string_view which, const Location& where);
  int64_t TimeFor(const Location& where) const;

  const Limits& limits_;
  const std::atomic<bool>& stop_;
  TextConsumer& consumer_;
  FileBytes* file_;
  ItemReport& report_;
  // Depth, members, expanded bytes, deadline: plain data, so that an
  // extractor helper process can carry it on (formats/isolation.h).
  FileBudget budget_;
  std::map<std::string, uint64_t> limit_hits_;
  std::vector<std::pair<Location, int64_t>> dates_;
  std::function<void(ItemReport&&)> flush_;
};

}  // namespace piiscan::scanner
