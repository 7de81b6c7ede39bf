#pragma once
/// Drops the values of a vector that are not flagged, in place: each kept
/// value is moved at most once, to its new position, and no second vector
/// of them is made. At region scale the vectors are tens of thousands of
/// large findings or register entries, and a copy of them would be tens of
/// megabytes of fresh pages (docs/performance.md).

#include <cstddef>
#include <iterator>
#include <utility>
#include <vector>

namespace knelpunt::model {

/// Keeps `values[i]` where `keep[i]` is true (any type that tests as a
/// bool: vector<bool>, vector<char>), in their order. Contract:
/// keep.size() == values.size().
template <class T, class Flags>
void keep_flagged(std::vector<T>& values, const Flags& keep) {
  std::size_t write = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!keep[i]) continue;
    if (write != i) values[write] = std::move(values[i]);
    ++write;
  }
  values.erase(values.begin() + static_cast<std::ptrdiff_t>(write), values.end());
}

}  // namespace knelpunt::model
