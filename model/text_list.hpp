#pragma once
/// A short list of shared texts, for the lists that every object of a
/// national model holds: a dependency group's suppliers and an asset's zones.
/// The texts are SharedText, so a loader that interns them keeps one copy
/// per distinct id (a 200 000-asset region names 12 000 distinct suppliers
/// in 400 000 groups), and up to two are held in place, so the one or two of
/// nearly every group need no allocation of their own (docs/performance.md,
/// "Loading at national scale"). With a std::vector<std::string> each group
/// carried a heap block of 32 bytes per supplier besides.
///
/// The interface is the part of std::vector's that the model uses; elements
/// compare and convert as the texts they are (model/shared_text.hpp).

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/shared_text.hpp"

namespace knelpunt::model {

class TextList {
 public:
  using value_type = SharedText;
  using iterator = SharedText*;
  using const_iterator = const SharedText*;
  using size_type = std::size_t;

  TextList() noexcept {}  // NOLINT: the union's storage needs no initialising while empty
  TextList(std::initializer_list<SharedText> texts) {
    reserve(texts.size());
    for (const auto& text : texts) push_back(text);
  }
  TextList(const std::vector<std::string>& texts) {  // NOLINT: implicit, as the vector it replaces
    reserve(texts.size());
    for (const auto& text : texts) push_back(SharedText(text));
  }
  TextList(const TextList& other) {
    reserve(other.size_);
    for (const auto& text : other) push_back(text);
  }
  TextList(TextList&& other) noexcept { take(other); }
  TextList& operator=(const TextList& other) {
    if (this != &other) {
      TextList copy(other);
      clear_storage();
      take(copy);
    }
    return *this;
  }
  TextList& operator=(TextList&& other) noexcept {
    if (this != &other) {
      clear_storage();
      take(other);
    }
    return *this;
  }
  ~TextList() { clear_storage(); }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  SharedText* data() { return slots(); }
  const SharedText* data() const { return slots(); }
  iterator begin() { return slots(); }
  iterator end() { return slots() + size_; }
  const_iterator begin() const { return slots(); }
  const_iterator end() const { return slots() + size_; }
  SharedText& operator[](std::size_t i) { return slots()[i]; }
  const SharedText& operator[](std::size_t i) const { return slots()[i]; }
  const SharedText& front() const { return slots()[0]; }
  const SharedText& back() const { return slots()[size_ - 1]; }

  /// Room for `count` texts; a list of up to two never allocates.
  void reserve(std::size_t count) {
    if (count > capacity_) grow(count);
  }
  void push_back(SharedText text) {
    if (size_ == capacity_) grow(std::size_t{capacity_} * 2);
    new (slots() + size_) SharedText(std::move(text));
    ++size_;
  }
  /// Removes [first, last), keeping the order of the rest; returns where the rest now starts.
  iterator erase(const_iterator first, const_iterator last) {
    SharedText* items = slots();
    const auto from = static_cast<std::size_t>(first - items);
    const auto to = static_cast<std::size_t>(last - items);
    if (from == to) return items + from;
    for (std::size_t i = to; i < size_; ++i) items[from + (i - to)] = std::move(items[i]);
    const std::size_t kept = size_ - (to - from);
    for (std::size_t i = kept; i < size_; ++i) items[i].~SharedText();
    size_ = static_cast<std::uint32_t>(kept);
    return items + from;
  }
  /// Removes every text equal to `text`; returns how many there were.
  std::size_t remove(std::string_view text) {
    SharedText* items = slots();
    std::size_t kept = 0;
    for (std::size_t i = 0; i < size_; ++i)
      if (items[i] != text) {
        if (kept != i) items[kept] = std::move(items[i]);
        ++kept;
      }
    const std::size_t removed = size_ - kept;
    erase(items + kept, items + size_);
    return removed;
  }
  void clear() { erase(begin(), end()); }

  /// The texts as strings, for interfaces that take a vector of them (JSON).
  std::vector<std::string> strings() const {
    std::vector<std::string> texts;
    texts.reserve(size_);
    for (const auto& text : *this) texts.push_back(text.str());
    return texts;
  }

  friend bool operator==(const TextList& a, const TextList& b) {
    if (a.size_ != b.size_) return false;
    for (std::size_t i = 0; i < a.size_; ++i)
      if (a[i] != b[i]) return false;
    return true;
  }
  friend bool operator==(const TextList& a, const std::vector<std::string>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < b.size(); ++i)
      if (a[i] != b[i]) return false;
    return true;
  }

 private:
  static constexpr std::uint32_t kInPlace = 2;

  bool in_place() const { return capacity_ == kInPlace; }
  SharedText* slots() { return in_place() ? std::launder(reinterpret_cast<SharedText*>(in_place_)) : heap_; }
  const SharedText* slots() const {
    return in_place() ? std::launder(reinterpret_cast<const SharedText*>(in_place_)) : heap_;
  }

  /// Moves the texts into a heap block for `count` (> kInPlace).
  void grow(std::size_t count) {
    auto* block = static_cast<SharedText*>(::operator new(count * sizeof(SharedText)));
    SharedText* items = slots();
    for (std::size_t i = 0; i < size_; ++i) {
      new (block + i) SharedText(std::move(items[i]));
      items[i].~SharedText();
    }
    if (!in_place()) ::operator delete(heap_);
    heap_ = block;
    capacity_ = static_cast<std::uint32_t>(count);
  }
  /// Destroys the texts and frees a heap block: empty and in place afterwards.
  void clear_storage() noexcept {
    SharedText* items = slots();
    for (std::size_t i = 0; i < size_; ++i) items[i].~SharedText();
    if (!in_place()) ::operator delete(heap_);
    size_ = 0;
    capacity_ = kInPlace;
  }
  /// Takes `other`'s texts into this empty, in-place list; `other` is empty afterwards.
  void take(TextList& other) noexcept {
    if (other.in_place()) {
      SharedText* theirs = other.slots();
      for (std::size_t i = 0; i < other.size_; ++i) {
        new (slots() + i) SharedText(std::move(theirs[i]));
        theirs[i].~SharedText();
      }
      size_ = other.size_;
    } else {
      heap_ = other.heap_;
      size_ = other.size_;
      capacity_ = other.capacity_;
      other.capacity_ = kInPlace;
    }
    other.size_ = 0;
  }

  union {
    SharedText* heap_;
    alignas(SharedText) unsigned char in_place_[kInPlace * sizeof(SharedText)];
  };
  std::uint32_t size_ = 0;
  std::uint32_t capacity_ = kInPlace;  ///< kInPlace: the texts are in in_place_; more: in heap_
};

}  // namespace knelpunt::model
