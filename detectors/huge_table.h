#pragma once
// A fixed-size array of trivially copyable entries for the big hash tables
// that every occurrence of a findings-dense file probes at random (the cell
// memo, the finding aggregator): zero-filled anonymous memory that the
// kernel may back with 2 MiB pages (madvise MADV_HUGEPAGE) when it is that
// large. On a virtual machine both a first touch of a 4 KiB page and a TLB
// miss are dear, and a random probe into 8-16 MiB of small pages paid both;
// the kernel's transparent huge pages are usually on for madvise only.
// Falls back to ordinary pages where the kernel says no.
//
// Thread safety: none; one owner.

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <new>
#include <type_traits>
#include <utility>

namespace piiscan::detectors {

template <typename T>
class HugeTable {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  HugeTable() = default;
  // `size` entries, every byte zero.
  explicit HugeTable(size_t size) : size_(size) {
    if (size == 0) return;
    const size_t want = size * sizeof(T);
    if (want < kHuge) {
      bytes_ = (want + kPage - 1) / kPage * kPage;
      data_ = static_cast<T*>(Map(bytes_));
      return;
    }
    // Huge pages need 2 MiB alignment: map one more and trim both ends.
    bytes_ = (want + kHuge - 1) / kHuge * kHuge;
    auto* raw = static_cast<char*>(Map(bytes_ + kHuge));
    const size_t lead = (kHuge - reinterpret_cast<uintptr_t>(raw) % kHuge) % kHuge;
    if (lead > 0) munmap(raw, lead);
    munmap(raw + lead + bytes_, kHuge - lead);
    madvise(raw + lead, bytes_, MADV_HUGEPAGE);  // advice only: may be refused
    data_ = reinterpret_cast<T*>(raw + lead);
  }
  ~HugeTable() { Release(); }
  HugeTable(HugeTable&& o) noexcept
      : data_(std::exchange(o.data_, nullptr)),
        size_(std::exchange(o.size_, 0)),
        bytes_(std::exchange(o.bytes_, 0)) {}
  HugeTable& operator=(HugeTable&& o) noexcept {
    if (this != &o) {
      Release();
      data_ = std::exchange(o.data_, nullptr);
      size_ = std::exchange(o.size_, 0);
      bytes_ = std::exchange(o.bytes_, 0);
    }
    return *this;
  }
  HugeTable(const HugeTable&) = delete;
  HugeTable& operator=(const HugeTable&) = delete;

  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }
  T* begin() { return data_; }
  T* end() { return data_ + size_; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }

 private:
  static constexpr size_t kHuge = size_t{2} << 20;
  static constexpr size_t kPage = 4096;
  static void* Map(size_t bytes) {
    void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    return p;
  }
  void Release() {
    if (data_ != nullptr) munmap(data_, bytes_);
    data_ = nullptr;
    size_ = bytes_ = 0;
  }
  T* data_ = nullptr;
  size_t size_ = 0, bytes_ = 0;
};

}  // namespace piiscan::detectors
