#include "scanner/item_context.h"

#include "formats/dispatch.h"

namespace piiscan::scanner {

ItemContext::ItemContext(const Limits& limits, const std::atomic<bool>& stop,
                         TextConsumer& consumer, FileBytes* file, ItemReport& report,
                         std::function<void(ItemReport&&)> flush)
    : limits_(limits),
      stop_(stop),
      consumer_(consumer),
      file_(file),
      report_(report),
      flush_(std::move(flush)) {
  budget_.deadline_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(
                            (std::chrono::steady_clock::now() + limits.max_time_per_file).time_since_epoch())
                            .count();
}

void ItemContext::Text(std::string_view utf8, const Location& where, const SegmentInfo& info) {
  if (utf8.empty()) return;
  report_.bytes_scanned += utf8.size() - std::min<uint64_t>(info.report_from, utf8.size());
  consumer_.Consume(utf8, info, where, TimeFor(where), report_);
  if (flush_ && report_.findings.size() >= consumer_.FindingsPerPart()) {
    consumer_.EndPart(report_);
    ItemReport part;
    part.file = report_.file;
    part.continued = report_.continued;
    part.size = report_.size;
    part.mtime = report_.mtime;
    part.identity = report_.identity;
    part.bytes_scanned = report_.bytes_scanned;
    part.findings = std::move(report_.findings);
    part.statuses = std::move(report_.statuses);
    report_.findings.clear();
    report_.statuses.clear();
    report_.bytes_scanned = 0;
    report_.continued = true;
    flush_(std::move(part));
  }
}

void ItemContext::Child(std::string_view bytes, const Location& where, const formats::ChildInfo& info) {
  if (ShouldStop()) return;
  if (budget_.depth + 1 > limits_.max_depth) {
    // Once per file: a nested bomb refuses thousands of items at this depth.
    if (!budget_.depth_reported) {
      budget_.depth_reported = true;
      Limit("max_depth: nesting deeper than " + std::to_string(limits_.max_depth) + " levels", where);
    }
    return;
  }
  if (++budget_.members > limits_.max_members) {
    Limit("max_members: more than " + std::to_string(limits_.max_members) + " nested items", where);
    budget_.exhausted = true;  // nothing more of this file is worth reading
    return;
  }
  ++budget_.depth;
  formats::DispatchItem(bytes, where, info, *this);
  --budget_.depth;
}

void ItemContext::Problem(FileStatus status, std::string_view reason, const Location& where) {
  if (status == FileStatus::kLimit) {
    // One record per limit and file: a bomb hits the same limit thousands
    // of times. The rest are counted and summed up by Finish().
    std::string limit(reason.substr(0, reason.find(':')));
    if (++limit_hits_[limit] > 1) return;
  }
  report_.statuses.push_back(StatusRecord{report_.file, where, status, std::string(reason)});
}

void ItemContext::Finish() {
  for (const auto& [limit, hits] : limit_hits_) {
    if (hits > 1) {
      report_.statuses.push_back(StatusRecord{
          report_.file, {}, FileStatus::kLimit,
          limit + ": reached " + std::to_string(hits - 1) + " more times in this file"});
    }
  }
  limit_hits_.clear();
}

void ItemContext::Limit(std::string_view which, const Location& where) {
  Problem(FileStatus::kLimit, which, where);
}

void ItemContext::Dated(const Location& where, int64_t unix_time) {
  // Items are extracted one after the other: a date recorded for an item that
  // is not on the path to `where` belongs to a finished sibling (the previous
  // message of an mbox) and is dropped, so the list stays as short as the
  // nesting is deep. Keeping them all made a 400k-message mbox quadratic.
  std::erase_if(dates_, [&](const auto& d) {
    const Location& loc = d.first;
    return loc.size() >= where.size() || !std::equal(loc.begin(), loc.end(), where.begin());
  });
  dates_.emplace_back(where, unix_time);
}

int64_t ItemContext::TimeFor(const Location& where) const {
  // The date of the innermost dated item that contains `where`.
  int64_t t = report_.mtime;
  size_t best = 0;
  for (const auto& [loc, time] : dates_) {
    if (loc.size() >= best && loc.size() <= where.size() &&
        std::equal(loc.begin(), loc.end(), where.begin())) {
      best = loc.size();
      t = time;
    }
  }
  return t;
}

bool ItemContext::ChargeExpanded(uint64_t bytes, const Location& where) {
  budget_.expanded += bytes;
  if (budget_.expanded > limits_.max_expanded_bytes) {
    if (!budget_.exhausted) {
      Limit("max_expanded_bytes: more than " + std::to_string(limits_.max_expanded_bytes) +
                " bytes expanded from one file",
            where);
    }
    budget_.exhausted = true;
    return false;
  }
  return true;
}

bool ItemContext::ShouldStop() const {
  if (budget_.exhausted || stop_.load(std::memory_order_relaxed)) return true;
  if (std::chrono::steady_clock::now().time_since_epoch() > std::chrono::nanoseconds(budget_.deadline_ns)) {
    if (!budget_.deadline_reported) {
      auto* self = const_cast<ItemContext*>(this);
      self->budget_.deadline_reported = true;
      self->Limit(
          "max_time_per_file: more than " + std::to_string(limits_.max_time_per_file.count()) + " s",
          {});
    }
    return true;
  }
  return false;
}

int ItemContext::FileDescriptorOf(std::string_view bytes) const {
  if (file_ == nullptr || budget_.depth != 0 || file_->fd() < 0) return -1;
  std::string_view whole = file_->bytes();
  return !whole.empty() && bytes.data() == whole.data() && bytes.size() == whole.size() ? file_->fd() : -1;
}

void ItemContext::DoneWith(uint64_t offset) {
  if (budget_.depth == 0 && file_) file_->DoneWith(offset);
}

}  // namespace piiscan::scanner
