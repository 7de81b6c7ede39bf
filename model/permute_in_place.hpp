#pragma once
/// Reorders a vector of large values by a permutation without a second
/// vector of them: sorting positions and then moving each value once is
/// cheaper than sorting the values, and a copy of a million assets or tens
/// of thousands of register entries would double the peak memory
/// (docs/performance.md).

#include <cstddef>
#include <utility>
#include <vector>

namespace knelpunt::model {

/// Moves `values[order[k]]` to position k for every k, cycle by cycle, each
/// value moved once (plus one per cycle). Contract: `order` is a permutation
/// of 0 … values.size() − 1.
template <class T>
void permute_in_place(std::vector<T>& values, const std::vector<std::size_t>& order) {
  std::vector<bool> placed(values.size(), false);
  for (std::size_t start = 0; start < values.size(); ++start) {
    if (placed[start]) continue;
    T held = std::move(values[start]);
    std::size_t k = start;
    while (order[k] != start) {
      values[k] = std::move(values[order[k]]);
      placed[k] = true;
      k = order[k];
    }
    values[k] = std::move(held);
    placed[k] = true;
  }
}

}  // namespace knelpunt::model
