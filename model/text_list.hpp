#pragma once
/// A short list of shared texts, for the lists that every object of a
/// national model holds: a dependency group's suppliers and an asset's zones.
/// The texts are SharedText, so a loader that interns them keeps one copy
/// per distinct id (a 200 000-asset region names 12 000 distinct suppliers
/// in 400 000 groups), and up to two are held in place (model/compact_vector.hpp),
/// so the one or two of nearly every group need no allocation of their own
/// (docs/performance.md, "Loading at national scale"). With a
/// std::vector<std::string> each group carried a heap block of 32 bytes per
/// supplier besides.
///
/// Elements compare and convert as the texts they are (model/shared_text.hpp).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "model/compact_vector.hpp"
#include "model/shared_text.hpp"

namespace knelpunt::model {

class TextList : public CompactVector<SharedText, 2> {
 public:
  using CompactVector::CompactVector;
  TextList() = default;
  TextList(const std::vector<std::string>& texts) {  // NOLINT: implicit, as the vector it replaces
    reserve(texts.size());
    for (const auto& text : texts) push_back(SharedText(text));
  }

  /// Removes every text equal to `text`; returns how many there were.
  std::size_t remove(std::string_view text) {
    std::size_t kept = 0;
    for (std::size_t i = 0; i < size(); ++i)
      if ((*this)[i] != text) {
        if (kept != i) (*this)[kept] = std::move((*this)[i]);
        ++kept;
      }
    const std::size_t removed = size() - kept;
    erase(begin() + kept, end());
    return removed;
  }

  /// The texts as strings, for interfaces that take a vector of them (JSON).
  std::vector<std::string> strings() const {
    std::vector<std::string> texts;
    texts.reserve(size());
    for (const auto& text : *this) texts.push_back(text.str());
    return texts;
  }

  friend bool operator==(const TextList& a, const TextList& b) {
    return static_cast<const CompactVector&>(a) == static_cast<const CompactVector&>(b);
  }
  friend bool operator==(const TextList& a, const std::vector<std::string>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < b.size(); ++i)
      if (a[i] != b[i]) return false;
    return true;
  }
};

}  // namespace knelpunt::model
