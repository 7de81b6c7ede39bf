#pragma once
/// A vector that holds its first few items in place: for the short lists
/// that every object of a national model holds (a dependency group's
/// suppliers, an asset's zones and impact bases), where a std::vector costs
/// a heap block per object besides its 24 bytes (docs/performance.md,
/// "Loading at national scale"). Same size as a std::vector while the items
/// in place fit in 16 bytes. The interface is the part of std::vector's that
/// the model uses.

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <new>
#include <utility>

namespace knelpunt::model {

template <class T, std::uint32_t InPlace>
class CompactVector {
 public:
  static_assert(InPlace >= 1);
  using value_type = T;
  using iterator = T*;
  using const_iterator = const T*;
  using size_type = std::size_t;

  CompactVector() noexcept {}  // NOLINT: the union's storage needs no initialising while empty
  CompactVector(std::initializer_list<T> items) {
    reserve(items.size());
    for (const auto& item : items) push_back(item);
  }
  CompactVector(const CompactVector& other) {
    reserve(other.size_);
    for (const auto& item : other) push_back(item);
  }
  CompactVector(CompactVector&& other) noexcept { take(other); }
  CompactVector& operator=(const CompactVector& other) {
    if (this != &other) {
      CompactVector copy(other);
      clear_storage();
      take(copy);
    }
    return *this;
  }
  CompactVector& operator=(CompactVector&& other) noexcept {
    if (this != &other) {
      clear_storage();
      take(other);
    }
    return *this;
  }
  ~CompactVector() { clear_storage(); }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  T* data() { return slots(); }
  const T* data() const { return slots(); }
  iterator begin() { return slots(); }
  iterator end() { return slots() + size_; }
  const_iterator begin() const { return slots(); }
  const_iterator end() const { return slots() + size_; }
  T& operator[](std::size_t i) { return slots()[i]; }
  const T& operator[](std::size_t i) const { return slots()[i]; }
  /// Inserts `item` before `position`; returns where it now is.
  iterator insert(const_iterator position, T item) {
    const auto at = static_cast<std::size_t>(position - slots());
    push_back(std::move(item));
    T* items = slots();
    for (std::size_t i = size_ - 1; i > at; --i) std::swap(items[i], items[i - 1]);
    return items + at;
  }
  const T& front() const { return slots()[0]; }
  const T& back() const { return slots()[size_ - 1]; }

  /// Room for `count` items; up to InPlace never allocate.
  void reserve(std::size_t count) {
    if (count > capacity_) grow(count);
  }
  void push_back(T item) {
    if (size_ == capacity_) grow(std::size_t{capacity_} * 2);
    new (slots() + size_) T(std::move(item));
    ++size_;
  }
  /// Removes [first, last), keeping the order of the rest; returns where the rest now starts.
  iterator erase(const_iterator first, const_iterator last) {
    T* items = slots();
    const auto from = static_cast<std::size_t>(first - items);
    const auto to = static_cast<std::size_t>(last - items);
    if (from == to) return items + from;
    for (std::size_t i = to; i < size_; ++i) items[from + (i - to)] = std::move(items[i]);
    const std::size_t kept = size_ - (to - from);
    for (std::size_t i = kept; i < size_; ++i) items[i].~T();
    size_ = static_cast<std::uint32_t>(kept);
    return items + from;
  }
  void clear() { erase(begin(), end()); }

  friend bool operator==(const CompactVector& a, const CompactVector& b) {
    if (a.size_ != b.size_) return false;
    for (std::size_t i = 0; i < a.size_; ++i)
      if (a[i] != b[i]) return false;
    return true;
  }

 private:
  bool in_place() const { return capacity_ == InPlace; }
  T* slots() { return in_place() ? std::launder(reinterpret_cast<T*>(in_place_)) : heap_; }
  const T* slots() const {
    return in_place() ? std::launder(reinterpret_cast<const T*>(in_place_)) : heap_;
  }

  /// Moves the items into a heap block for `count` (> InPlace).
  void grow(std::size_t count) {
    auto* block = static_cast<T*>(::operator new(count * sizeof(T)));
    T* items = slots();
    for (std::size_t i = 0; i < size_; ++i) {
      new (block + i) T(std::move(items[i]));
      items[i].~T();
    }
    if (!in_place()) ::operator delete(heap_);
    heap_ = block;
    capacity_ = static_cast<std::uint32_t>(count);
  }
  /// Destroys the items and frees a heap block: empty and in place afterwards.
  void clear_storage() noexcept {
    T* items = slots();
    for (std::size_t i = 0; i < size_; ++i) items[i].~T();
    if (!in_place()) ::operator delete(heap_);
    size_ = 0;
    capacity_ = InPlace;
  }
  /// Takes `other`'s items into this empty, in-place vector; `other` is empty afterwards.
  void take(CompactVector& other) noexcept {
    if (other.in_place()) {
      T* theirs = other.slots();
      for (std::size_t i = 0; i < other.size_; ++i) {
        new (slots() + i) T(std::move(theirs[i]));
        theirs[i].~T();
      }
      size_ = other.size_;
    } else {
      heap_ = other.heap_;
      size_ = other.size_;
      capacity_ = other.capacity_;
      other.capacity_ = InPlace;
    }
    other.size_ = 0;
  }

  union {
    T* heap_;
    alignas(T) unsigned char in_place_[InPlace * sizeof(T)];
  };
  std::uint32_t size_ = 0;
  std::uint32_t capacity_ = InPlace;  ///< InPlace: the items are in in_place_; more: in heap_
};

}  // namespace knelpunt::model
