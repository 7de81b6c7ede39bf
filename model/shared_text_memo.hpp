#pragma once
/// A lookup keyed by text, remembered per shared buffer: texts interned once
/// per table (a dependency table's supplier ids, a group's kind) are looked
/// up once per buffer instead of once per use. The key is the buffer's
/// address, so two SharedTexts with equal text in different buffers are two
/// keys with the same answer; every empty text shares one key. Where the
/// answer costs a probe into a table of a million ids (a cache miss each),
/// the memo is a probe into a table of the distinct buffers, which stays in
/// the processor's cache (docs/performance.md, Loading at national scale).

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "model/shared_text.hpp"

namespace knelpunt::model {

/// Remembers `lookup(text)` (a std::uint32_t) per buffer of `text`. The
/// texts given must stay alive while the memo is used: a freed buffer's
/// address could come back holding another text.
template <class Lookup>
class SharedTextMemo {
 public:
  explicit SharedTextMemo(Lookup lookup) : lookup_(std::move(lookup)), slots_(kFirstCapacity) {}

  /// lookup(text), computed on the first use of text's buffer.
  std::uint32_t operator()(const SharedText& text) {
    const void* key = &text.str();
    for (std::size_t slot = hash(key);; slot = (slot + 1) & (slots_.size() - 1)) {
      auto& entry = slots_[slot & (slots_.size() - 1)];
      if (entry.key == key) return entry.value;
      if (entry.key) continue;
      const std::uint32_t value = lookup_(std::string_view(text.str()));
      entry = {key, value};
      if (++used_ * 2 > slots_.size()) grow();
      return value;
    }
  }

 private:
  struct Slot {
    const void* key = nullptr;
    std::uint32_t value = 0;
  };
  static constexpr std::size_t kFirstCapacity = 1024;  // a power of two

  std::size_t hash(const void* key) const {
    // Blocks are heap addresses: the low bits are alignment, the middle ones vary.
    const auto bits = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(key));
    return static_cast<std::size_t>((bits * 0x9E3779B97F4A7C15ull) >> 32) & (slots_.size() - 1);
  }

  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const auto& entry : old) {
      if (!entry.key) continue;
      std::size_t slot = hash(entry.key);
      while (slots_[slot].key) slot = (slot + 1) & (slots_.size() - 1);
      slots_[slot] = entry;
    }
  }

  Lookup lookup_;
  std::vector<Slot> slots_;
  std::size_t used_ = 0;
};

}  // namespace knelpunt::model
