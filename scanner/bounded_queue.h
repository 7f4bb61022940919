#pragma once
// A blocking multi-producer multi-consumer queue with a capacity: producers
// wait when it is full (backpressure: the walker cannot run far ahead of the
// workers, the workers not far ahead of the reporter). Close() wakes all;
// Pop returns nullopt once the queue is closed and drained.
// A consumer that may split its item into more work (a big file into
// parts) pops with PopTracked and calls Done when finished with the item:
// until then the queue does not count as drained, and PushFront may add
// the parts even after Close.
// Thread safety: all members are thread-safe.

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

namespace piiscan::scanner {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}

  // False when the queue was closed (the item is dropped).
  bool Push(T item) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }

  std::optional<T> Pop() { return PopImpl(false); }
  std::optional<T> PopTracked() { return PopImpl(true); }

  // The item of a PopTracked is finished.
  void Done() {
    std::lock_guard lock(mu_);
    if (--in_progress_ == 0) not_empty_.notify_all();
  }

  // Work split off a tracked item in progress: taken before everything
  // else, not held back by the capacity (the splitter bounds it).
  void PushFront(T item) {
    std::lock_guard lock(mu_);
    items_.push_front(std::move(item));
    not_empty_.notify_one();
  }

  // No more pushes; consumers drain what is left.
  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  std::optional<T> PopImpl(bool tracked) {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return (closed_ && in_progress_ == 0) || !items_.empty(); });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    if (tracked) ++in_progress_;
    not_full_.notify_one();
    return item;
  }

  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<T> items_;
  size_t capacity_;
  bool closed_ = false;
  size_t in_progress_ = 0;
};

}  // namespace piiscan::scanner
