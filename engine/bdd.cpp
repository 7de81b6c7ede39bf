#include "engine/bdd.hpp"

#include <algorithm>
#include <functional>
#include <stdexcept>
#include <utility>

namespace knelpunt::engine {

Bdd::Bdd(std::uint32_t variable_count, std::size_t node_limit)
    : variable_count_(variable_count),
      node_limit_(std::max<std::size_t>(node_limit, 2)) {
  nodes_.push_back(Node{kTerminalVariable, kFalse, kFalse});
  nodes_.push_back(Node{kTerminalVariable, kTrue, kTrue});
}

Bdd::Ref Bdd::make(std::uint32_t var, Ref lo, Ref hi) {
  if (lo == hi) return lo;
  const auto probe = unique_.find(var, lo, hi, nodes_);
  if (probe.id != 0) return probe.id;
  if (nodes_.size() >= node_limit_) throw BddNodeLimitExceeded("BDD node limit exceeded");
  const auto id = static_cast<Ref>(nodes_.size());
  nodes_.push_back(Node{var, lo, hi});
  unique_.insert(probe, id);
  // One cache slot per node: on the Aralia trees as fast as two, or as an
  // exact table, at a fraction of the memory (docs/performance.md).
  if (nodes_.size() > computed_.slot_count()) computed_.reserve_for(nodes_.size());
  return id;
}

Bdd::Ref Bdd::variable(std::uint32_t var) {
  if (var >= variable_count_) throw std::out_of_range("Bdd::variable: variable out of range");
  return make(var, kFalse, kTrue);
}

Bdd::Ref Bdd::apply(Op op, Ref a, Ref b) {
  if (op == kAnd) {
    if (a == kFalse || b == kFalse) return kFalse;
    if (a == kTrue) return b;
    if (b == kTrue || a == b) return a;
  } else {
    if (a == kTrue || b == kTrue) return kTrue;
    if (a == kFalse) return b;
    if (b == kFalse || a == b) return a;
  }
  if (a > b) std::swap(a, b);
  const DdKey key{op, a, b, 0};
  if (const auto found = computed_.find(key); found != DdCache::kMissing) return found;
  const auto va = top(a), vb = top(b);
  const auto x = std::min(va, vb);
  const Ref a0 = va == x ? low(a) : a, a1 = va == x ? high(a) : a;
  const Ref b0 = vb == x ? low(b) : b, b1 = vb == x ? high(b) : b;
  const Ref lo = apply(op, a0, b0);
  const Ref hi = apply(op, a1, b1);
  const Ref result = make(x, lo, hi);
  computed_.insert(key, result);
  return result;
}

Bdd::Ref Bdd::land(Ref a, Ref b) { return apply(kAnd, a, b); }
Bdd::Ref Bdd::lor(Ref a, Ref b) { return apply(kOr, a, b); }

Bdd::Ref Bdd::restrict(Ref f, std::uint32_t var, bool value) {
  if (f <= kTrue || top(f) > var) return f;
  if (top(f) == var) return value ? high(f) : low(f);
  const DdKey key{kRestrict, f, var, value ? 1u : 0u};
  if (const auto found = computed_.find(key); found != DdCache::kMissing) return found;
  const Ref lo = restrict(low(f), var, value);
  const Ref hi = restrict(high(f), var, value);
  const Ref result = make(top(f), lo, hi);
  computed_.insert(key, result);
  return result;
}

double Bdd::probability(Ref f, std::span<const double> p) const {
  // memo[node] < 0: not computed yet (probabilities are never negative).
  std::vector<double> memo(nodes_.size(), -1.0);
  memo[kFalse] = 0.0;
  memo[kTrue] = 1.0;
  const std::function<double(Ref)> eval = [&](Ref node) -> double {
    if (memo[node] >= 0.0) return memo[node];
    const double px = p[top(node)];
    const double result = px * eval(high(node)) + (1.0 - px) * eval(low(node));
    memo[node] = result;
    return result;
  };
  return eval(f);
}

std::vector<Bdd::Conditional> Bdd::conditional_probabilities(Ref f, std::span<const double> p) const {
  // Every path from f to a terminal either passes one node of variable v
  // (and then takes its high or low edge) or jumps over v's level on an edge
  // from a higher to a lower node. So P(f | v) is the sum, over v's nodes n,
  // of reach(n) · P(child of n), plus the mass of the edges that jump over v,
  // the same for both values of v. reach(n) is the probability that a
  // random assignment's path passes n.
  const auto levels = variable_count_;
  auto level = [&](Ref node) { return node <= kTrue ? levels : top(node); };
  // Ascending ids are bottom-up, descending ids top-down (nodes_of).
  const std::vector<Ref> nodes = nodes_of(f);
  std::vector<double> probability_of(nodes_.size(), 0.0), reach(nodes_.size(), 0.0);
  probability_of[kTrue] = 1.0;
  for (const Ref node : nodes) {
    const double px = p[top(node)];
    probability_of[node] = px * probability_of[high(node)] + (1.0 - px) * probability_of[low(node)];
  }
  std::vector<Conditional> result(levels);
  // Mass jumping over each level: a difference array in long double, and a
  // count of the jumps with mass > 0 so that a level no mass jumps over gets
  // exactly 0 (then P(f | v false) = 0 exactly where every way to 1 needs v).
  std::vector<long double> jump_difference(levels + 1, 0.0L);
  std::vector<std::int64_t> jump_count_difference(levels + 1, 0);
  auto jump = [&](std::uint32_t from_level, std::uint32_t to_level, double mass) {
    if (from_level >= to_level || mass <= 0.0) return;
    jump_difference[from_level] += mass;
    jump_difference[to_level] -= mass;
    ++jump_count_difference[from_level];
    --jump_count_difference[to_level];
  };
  jump(0, level(f), probability_of[f]);
  if (f > kTrue) reach[f] = 1.0;
  for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) {
    const Ref node = *it;
    const auto variable = top(node);
    const double px = p[variable];
    const Ref lo = low(node), hi = high(node);
    const double through_high = reach[node] * px, through_low = reach[node] * (1.0 - px);
    reach[hi] += through_high;
    reach[lo] += through_low;
    jump(variable + 1, level(hi), through_high * probability_of[hi]);
    jump(variable + 1, level(lo), through_low * probability_of[lo]);
    auto& row = result[variable];
    row.if_true += reach[node] * probability_of[hi];
    row.if_false += reach[node] * probability_of[lo];
    row.derivative += reach[node] * (probability_of[hi] - probability_of[lo]);
  }
  long double jumping = 0.0L;
  std::int64_t jumps = 0;
  for (std::uint32_t v = 0; v < levels; ++v) {
    jumping += jump_difference[v];
    jumps += jump_count_difference[v];
    const double over = jumps > 0 ? std::max(0.0, static_cast<double>(jumping)) : 0.0;
    result[v].if_true += over;
    result[v].if_false += over;
  }
  return result;
}

std::vector<Bdd::Ref> Bdd::nodes_of(Ref f) const {
  std::vector<bool> seen(nodes_.size(), false);
  std::vector<Ref> result, stack{f};
  while (!stack.empty()) {
    const Ref node = stack.back();
    stack.pop_back();
    if (node <= kTrue || seen[node]) continue;
    seen[node] = true;
    result.push_back(node);
    stack.push_back(low(node));
    stack.push_back(high(node));
  }
  std::sort(result.begin(), result.end());
  return result;
}

std::vector<std::uint32_t> Bdd::support(Ref f) const {
  std::vector<bool> seen_var(variable_count_, false);
  for (const Ref node : nodes_of(f)) seen_var[top(node)] = true;
  std::vector<std::uint32_t> result;
  for (std::uint32_t v = 0; v < variable_count_; ++v)
    if (seen_var[v]) result.push_back(v);
  return result;
}

}  // namespace knelpunt::engine
