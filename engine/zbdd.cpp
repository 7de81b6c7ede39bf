#include "engine/zbdd.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace knelpunt::engine {

Zbdd::Zbdd(std::uint32_t variable_count, std::size_t node_limit)
    : variable_count_(variable_count), node_limit_(std::max<std::size_t>(node_limit, 2)) {
  nodes_.push_back(Node{kTerminalVariable, kEmpty, kEmpty});
  nodes_.push_back(Node{kTerminalVariable, kBase, kBase});
  has_empty_ = {false, true};
}

Zbdd::Ref Zbdd::make(std::uint32_t variable, Ref low, Ref high) {
  if (high == kEmpty) return low;  // zero-suppression rule
  const auto probe = unique_.find(variable, low, high, nodes_);
  if (probe.id != 0) return probe.id;
  if (nodes_.size() >= node_limit_) throw ZbddNodeLimitExceeded("ZBDD node limit exceeded");
  const auto id = static_cast<Ref>(nodes_.size());
  nodes_.push_back(Node{variable, low, high});
  has_empty_.push_back(has_empty_[low]);
  unique_.insert(probe, id);
  // One cache slot per node, as the BDD's (docs/performance.md).
  if (nodes_.size() > computed_.slot_count()) computed_.reserve_for(nodes_.size());
  return id;
}

Zbdd::Ref Zbdd::single(std::uint32_t variable) {
  if (variable >= variable_count_) throw std::out_of_range("Zbdd::single: variable out of range");
  return make(variable, kEmpty, kBase);
}

Zbdd::Ref Zbdd::unite(Ref a, Ref b) {
  if (a == kEmpty || a == b) return b;
  if (b == kEmpty) return a;
  if (a > b) std::swap(a, b);
  const DdKey key{kUnite, a, b, 0};
  if (const auto found = computed_.find(key); found != DdCache::kMissing) return found;
  const auto va = top(a), vb = top(b);
  Ref result;
  if (va < vb) result = make(va, unite(low(a), b), high(a));
  else if (vb < va) result = make(vb, unite(a, low(b)), high(b));
  else result = make(va, unite(low(a), low(b)), unite(high(a), high(b)));
  computed_.insert(key, result);
  return result;
}

Zbdd::Ref Zbdd::truncate(Ref a, std::uint32_t max_order) {
  if (max_order == kUnlimited || a <= kBase) return a;
  if (max_order == 0) return has_empty_set(a) ? kBase : kEmpty;
  const DdKey key{kTruncate, a, max_order, 0};
  if (const auto found = computed_.find(key); found != DdCache::kMissing) return found;
  const Ref result = make(variable(a), truncate(low(a), max_order), truncate(high(a), max_order - 1));
  computed_.insert(key, result);
  return result;
}

Zbdd::Ref Zbdd::product(Ref a, Ref b, std::uint32_t max_order) {
  if (a == kEmpty || b == kEmpty) return kEmpty;
  if (max_order == 0) return has_empty_set(a) && has_empty_set(b) ? kBase : kEmpty;
  if (a == kBase) return truncate(b, max_order);
  if (b == kBase) return truncate(a, max_order);
  if (a > b) std::swap(a, b);
  const DdKey key{kProduct, a, b, max_order};
  if (const auto found = computed_.find(key); found != DdCache::kMissing) return found;
  const auto va = top(a), vb = top(b);
  const auto x = va < vb ? va : vb;
  const Ref a1 = va == x ? high(a) : kEmpty, a0 = va == x ? low(a) : a;
  const Ref b1 = vb == x ? high(b) : kEmpty, b0 = vb == x ? low(b) : b;
  const auto inner = less_one(max_order);
  const Ref with_x = unite(unite(product(a1, b1, inner), product(a1, b0, inner)), product(a0, b1, inner));
  const Ref result = make(x, product(a0, b0, max_order), with_x);
  computed_.insert(key, result);
  return result;
}

Zbdd::Ref Zbdd::without(Ref a, Ref b) {
  if (a == kEmpty || b == kEmpty) return a;
  if (has_empty_set(b) || a == b) return kEmpty;
  if (a == kBase) return a;  // b holds no empty set, so no subset of ∅
  const DdKey key{kWithout, a, b, 0};
  if (const auto found = computed_.find(key); found != DdCache::kMissing) return found;
  const auto va = top(a), vb = top(b);
  Ref result;
  if (va < vb) result = make(va, without(low(a), b), without(high(a), b));
  else if (vb < va) result = without(a, low(b));
  else result = make(va, without(low(a), low(b)), without(without(high(a), low(b)), high(b)));
  computed_.insert(key, result);
  return result;
}

Zbdd::Ref Zbdd::containing(Ref a, std::uint32_t var) {
  if (a <= kBase || variable(a) > var) return kEmpty;
  if (variable(a) == var) return high(a);
  const DdKey key{kContaining, a, var, 0};
  if (const auto found = computed_.find(key); found != DdCache::kMissing) return found;
  const Ref result = make(variable(a), containing(low(a), var), containing(high(a), var));
  computed_.insert(key, result);
  return result;
}

Zbdd::Ref Zbdd::minimal(Ref a) {
  if (a <= kBase) return a;
  const DdKey key{kMinimal, a, 0, 0};
  if (const auto found = computed_.find(key); found != DdCache::kMissing) return found;
  const Ref lo = minimal(low(a));
  const Ref result = make(variable(a), lo, without(minimal(high(a)), lo));
  computed_.insert(key, result);
  return result;
}

Zbdd::Ref Zbdd::minimal_union(Ref a, Ref b) {
  // Sets of b that contain no set of a, then the sets of a that contain none
  // of those (a set in both stays once: it is kept on a's side).
  const Ref rest_of_b = without(b, a);
  return unite(without(a, rest_of_b), rest_of_b);
}

Zbdd::Ref Zbdd::minimal_product(Ref a, Ref b, std::uint32_t max_order) {
  return minimal(product(a, b, max_order));
}

std::uint64_t Zbdd::count(Ref a) {
  if (a <= kBase) return a;
  if (auto it = counts_.find(a); it != counts_.end()) return it->second;
  const std::uint64_t result = count(low(a)) + count(high(a));
  counts_.emplace(a, result);
  return result;
}

void Zbdd::for_each_set(Ref a, const std::function<void(std::span<const std::uint32_t>)>& visit) const {
  std::vector<std::uint32_t> path;
  // Depth-first over the diagram: high branch (variable in the set) first.
  const std::function<void(Ref)> walk = [&](Ref node) {
    if (node == kEmpty) return;
    if (node == kBase) {
      visit(path);
      return;
    }
    path.push_back(variable(node));
    walk(high(node));
    path.pop_back();
    walk(low(node));
  };
  walk(a);
}

}  // namespace knelpunt::engine
