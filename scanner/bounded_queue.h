#pragma once
// A blocking multi-producer multi-consumer queue with a capacity: producers
// wait when it is full (backpressure: the walker cannot run far ahead of the
// workers, the workers not far ahead of the reporter). Close() wakes all;
// Pop returns nullopt once the queue is closed and drained.
// A consumer that may split its item into more work (a big file into
// parts) pops with PopTracked and calls Done when finished with the item:
// until then the queue does not count as drained, and PushFront may add
// the parts even after Close.
// Wake-ups are batched, because a wake-up per item costs a context switch
// per file (on a tree of small files, most of the time): a producer waiting
// on a full queue is woken when it has drained to half, and with
// `wake_after` > 1 a waiting consumer is woken only when that many items
// are queued (or after kLazyWait: an item never waits much longer).
// Thread safety: all members are thread-safe.

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

namespace piiscan::scanner {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity, size_t wake_after = 1)
      : capacity_(capacity), wake_after_(wake_after) {}

  // False when the queue was closed (the item is dropped).
  bool Push(T item) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return closed_ || items_.size() < capacity_; });
    if (closed_) return false;
    items_.push_back(std::move(item));
    if (items_.size() >= wake_after_) not_empty_.notify_one();
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
    auto ready = [&] { return (closed_ && in_progress_ == 0) || !items_.empty(); };
    if (wake_after_ > 1) {
      while (!not_empty_.wait_for(lock, kLazyWait, ready)) {
      }
    } else {
      not_empty_.wait(lock, ready);
    }
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    if (tracked) ++in_progress_;
    if (items_.size() <= capacity_ / 2) not_full_.notify_all();
    return item;
  }

  static constexpr std::chrono::milliseconds kLazyWait{5};

  std::mutex mu_;
  std::condition_variable not_empty_, not_full_;
  std::deque<T> items_;
  size_t capacity_;
  size_t wake_after_;
  bool closed_ = false;
  size_t in_progress_ = 0;
};

}  // namespace piiscan::scanner
