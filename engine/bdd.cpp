#include "engine/bdd.hpp"

#include <algorithm>
#include <functional>
#include <stdexcept>
#include <utility>

namespace knelpunt::engine {

Bdd::Bdd(std::uint32_t variable_count, std::size_t node_limit)
    : variable_count_(variable_count), node_limit_(std::max<std::size_t>(node_limit, 2)) {
  nodes_.push_back(Node{kTerminalVariable, kFalse, kFalse});
  nodes_.push_back(Node{kTerminalVariable, kTrue, kTrue});
}

Bdd::Ref Bdd::make(std::uint32_t var, Ref lo, Ref hi) {
  if (lo == hi) return lo;
  const DdKey key{var, lo, hi, 0};
  if (const auto found = unique_.find(key); found != DdTable::kMissing) return found;
  if (nodes_.size() >= node_limit_) throw BddNodeLimitExceeded("BDD node limit exceeded");
  const auto id = static_cast<Ref>(nodes_.size());
  nodes_.push_back(Node{var, lo, hi});
  unique_.insert(key, id);
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
  if (const auto found = computed_.find(key); found != DdTable::kMissing) return found;
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
  if (const auto found = computed_.find(key); found != DdTable::kMissing) return found;
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

std::vector<std::uint32_t> Bdd::support(Ref f) const {
  std::vector<bool> seen_node(nodes_.size(), false), seen_var(variable_count_, false);
  std::vector<Ref> stack{f};
  while (!stack.empty()) {
    const Ref node = stack.back();
    stack.pop_back();
    if (node <= kTrue || seen_node[node]) continue;
    seen_node[node] = true;
    seen_var[top(node)] = true;
    stack.push_back(low(node));
    stack.push_back(high(node));
  }
  std::vector<std::uint32_t> result;
  for (std::uint32_t v = 0; v < variable_count_; ++v)
    if (seen_var[v]) result.push_back(v);
  return result;
}

}  // namespace knelpunt::engine
