#pragma once
/// The hash tables behind the decision-diagram packages (BDD and ZBDD):
/// DdUniqueTable (which node id holds a node), DdCache (computed tables: one
/// entry per slot, replaced on collision) and DdTable (exact memos: keys of
/// four 32-bit words, 32-bit values, open addressing with linear probing in
/// one flat array, doubled at half load, nothing ever evicted).

#include <cstdint>
#include <vector>

namespace knelpunt::engine {

/// A key of up to four 32-bit words.
struct DdKey {
  std::uint32_t a = 0, b = 0, c = 0, d = 0;
  bool operator==(const DdKey&) const = default;
};

/// Hash of a DdKey (splitmix64 finaliser over both halves).
struct DdKeyHash {
  std::size_t operator()(const DdKey& key) const noexcept {
    auto mix = [](std::uint64_t z) {
      z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
      z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
      return z ^ (z >> 31);
    };
    const std::uint64_t low = (std::uint64_t{key.a} << 32) | key.b;
    const std::uint64_t high = (std::uint64_t{key.c} << 32) | key.d;
    return static_cast<std::size_t>(mix(low ^ mix(high + 0x9e3779b97f4a7c15ull)));
  }
};

class DdTable {
 public:
  static constexpr std::uint32_t kMissing = 0xffffffffu;

  DdTable() : slots_(1024) {}

  /// The value stored for `key`, or kMissing.
  std::uint32_t find(const DdKey& key) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = DdKeyHash{}(key) & mask;; i = (i + 1) & mask) {
      const auto& slot = slots_[i];
      if (slot.value == kMissing) return kMissing;
      if (slot.key == key) return slot.value;
    }
  }

  /// Stores `value` (≠ kMissing) for `key`, replacing any earlier value.
  void insert(const DdKey& key, std::uint32_t value) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    if (place(key, value)) ++size_;
  }

  std::size_t size() const { return size_; }

 private:
  struct Slot {
    DdKey key;
    std::uint32_t value = kMissing;
  };

  /// True when the key was new.
  bool place(const DdKey& key, std::uint32_t value) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = DdKeyHash{}(key) & mask;; i = (i + 1) & mask) {
      auto& slot = slots_[i];
      if (slot.value == kMissing) {
        slot.key = key;
        slot.value = value;
        return true;
      }
      if (slot.key == key) {
        slot.value = value;
        return false;
      }
    }
  }

  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const auto& slot : old)
      if (slot.value != kMissing) place(slot.key, slot.value);
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

/// The unique table of a decision-diagram package: which node id holds
/// (variable, low, high). Open addressing over 8-byte slots, (32-bit hash
/// << 32) | id, instead of a stored 20-byte key: the node itself is read
/// only when the hashes agree. Ids 0 and 1 are the terminals and never
/// stored, so 0 marks an empty slot. Doubled at half load without reading
/// a node.
class DdUniqueTable {
 public:
  /// Where a node is or would go. `id` is 0 when it is not in the table.
  struct Probe {
    std::uint32_t id;
    std::size_t slot;
    std::uint32_t hash;
  };

  DdUniqueTable() : slots_(std::size_t{1} << 10, 0) {}

  /// `nodes[id]` has members variable, low, high.
  template <class Nodes>
  Probe find(std::uint32_t variable, std::uint32_t low, std::uint32_t high, const Nodes& nodes) const {
    const auto hash = static_cast<std::uint32_t>(DdKeyHash{}(DdKey{variable, low, high, 0}));
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const std::uint64_t slot = slots_[i];
      if (slot == 0) return Probe{0, i, hash};
      if (static_cast<std::uint32_t>(slot >> 32) != hash) continue;
      const auto id = static_cast<std::uint32_t>(slot);
      const auto& node = nodes[id];
      if (node.variable == variable && node.low == low && node.high == high) return Probe{id, i, hash};
    }
  }

  /// Stores `id` (≥ 2) where `probe`, the last find, found nothing.
  void insert(const Probe& probe, std::uint32_t id) {
    slots_[probe.slot] = (std::uint64_t{probe.hash} << 32) | id;
    if (2 * ++size_ > slots_.size()) grow();
  }

 private:
  void grow() {
    // Fewer than 2^32 slots, so a slot's index is its hash's low bits.
    std::vector<std::uint64_t> old(slots_.size() * 2, 0);
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (const std::uint64_t slot : old) {
      if (slot == 0) continue;
      std::size_t i = static_cast<std::uint32_t>(slot >> 32) & mask;
      while (slots_[i] != 0) i = (i + 1) & mask;
      slots_[i] = slot;
    }
  }

  std::vector<std::uint64_t> slots_;
  std::size_t size_ = 0;
};

/// The computed table of a decision-diagram package as a cache: one entry per
/// slot, a new entry replaces whatever its slot held. A lost entry only means
/// an operation is computed again, and since nodes are never freed that finds
/// the same nodes, so results (and node ids) are those of an exact table;
/// memory stays at the cache's size instead of growing with every operation
/// ever done. The owner grows it with the diagram (reserve_for).
class DdCache {
 public:
  static constexpr std::uint32_t kMissing = DdTable::kMissing;

  DdCache() : slots_(std::size_t{1} << 12) {}

  /// The value stored for `key`, or kMissing.
  std::uint32_t find(const DdKey& key) const {
    const auto& slot = slots_[DdKeyHash{}(key) & (slots_.size() - 1)];
    return slot.value != kMissing && slot.key == key ? slot.value : kMissing;
  }

  /// Stores `value` for `key`, replacing the slot's entry.
  void insert(const DdKey& key, std::uint32_t value) {
    auto& slot = slots_[DdKeyHash{}(key) & (slots_.size() - 1)];
    slot.key = key;
    slot.value = value;
  }

  /// Grows to at least `entries` slots (a power of two, at most kMaxSlots),
  /// keeping what fits. Call it as the diagram grows: a cache much smaller
  /// than the diagram makes operations repeat their work.
  void reserve_for(std::size_t entries) {
    std::size_t size = slots_.size();
    while (size < entries && size < kMaxSlots) size *= 2;
    if (size == slots_.size()) return;
    std::vector<Slot> old(size);
    old.swap(slots_);
    for (const auto& slot : old)
      if (slot.value != kMissing) insert(slot.key, slot.value);
  }

  std::size_t slot_count() const { return slots_.size(); }

  /// 2^24 slots of 20 bytes: 320 MiB at most.
  static constexpr std::size_t kMaxSlots = std::size_t{1} << 24;

 private:
  struct Slot {
    DdKey key;
    std::uint32_t value = kMissing;
  };
  std::vector<Slot> slots_;
};

}  // namespace knelpunt::engine
