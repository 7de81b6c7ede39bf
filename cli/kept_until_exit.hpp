#pragma once
/// Storage that only the process's exit frees. A command's large state (a
/// region's model, its assessment and its register) would otherwise be
/// freed allocation by allocation after the output is written, which nobody
/// waits for: on the 10 000-asset region that was 5 % of `assess`'s wall
/// time (docs/performance.md). Only for what a command holds until it
/// returns; the storage stays reachable to the end, so leak checkers do not
/// report it.

#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace knelpunt::cli {

/// `value` moved into storage that is never freed before the process exits;
/// the reference stays valid until then.
template <class T>
std::decay_t<T>& kept_until_exit(T&& value) {
  static auto* const kept = new std::vector<std::shared_ptr<void>>();  // never deleted, on purpose
  auto holder = std::make_shared<std::decay_t<T>>(std::forward<T>(value));
  auto& kept_value = *holder;
  kept->push_back(std::move(holder));
  return kept_value;
}

}  // namespace knelpunt::cli
