#pragma once
/// One SharedText per distinct text: the loader gives every asset of a table
/// with the same type, process or operator the same shared text, so a
/// national inventory keeps a handful of copies instead of a heap string per
/// asset (docs/performance.md, "Loading at national scale").
///
/// The dependency table interns every supplier id too: a million distinct
/// texts at national scale. So the table is flat (open addressing, linear
/// probing, doubled at half load) with each slot holding the text's hash and
/// the shared text itself, whose buffer is the only copy of the characters:
/// a lookup reads one slot and, when the hashes agree, one buffer, where a
/// node-based map read a bucket, a node and the node's own copy of the key.

#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

#include "model/shared_text.hpp"

namespace knelpunt::model {

class TextInterner {
 public:
  TextInterner() : slots_(kInitialSlots) {}

  /// The shared text equal to `text`; the same buffer for every equal text
  /// (the empty text for an empty one).
  SharedText intern(std::string_view text) {
    if (text.empty()) return {};
    // Runs of equal cells are common (a type, a kind column).
    if (last_ != kNone && slots_[last_].text.str() == text) return slots_[last_].text;
    if (2 * (size_ + 1) > slots_.size()) grow();
    const std::uint64_t hash = std::hash<std::string_view>{}(text);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      Slot& slot = slots_[i];
      if (slot.text.empty()) {
        slot.hash = hash;
        slot.text = SharedText(text);
        ++size_;
        last_ = i;
        return slot.text;
      }
      if (slot.hash == hash && slot.text.str() == text) {
        last_ = i;
        return slot.text;
      }
    }
  }

  /// Distinct texts interned so far.
  std::size_t size() const { return size_; }

 private:
  struct Slot {
    std::uint64_t hash = 0;
    SharedText text;  ///< empty: a free slot (the empty text is never stored)
  };

  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (auto& slot : old) {
      if (slot.text.empty()) continue;
      std::size_t i = slot.hash & mask;
      while (!slots_[i].text.empty()) i = (i + 1) & mask;
      slots_[i] = std::move(slot);
    }
    last_ = kNone;
  }

  static constexpr std::size_t kInitialSlots = 64;
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
  std::size_t last_ = kNone;  ///< the slot of the last text asked for
};

}  // namespace knelpunt::model
