#include "engine/bdd_minimal_solutions.hpp"

namespace knelpunt::engine {

Zbdd::Ref MinimalSolutions::operator()(Bdd::Ref f, std::uint32_t max_order) {
  if (f == Bdd::kFalse) return Zbdd::kEmpty;
  if (f == Bdd::kTrue) return Zbdd::kBase;
  if (max_order == 0) return Zbdd::kEmpty;  // monotone and not constant: ∅ is no solution
  const DdKey key{f, max_order, 0, 0};
  if (const auto found = memo_.find(key); found != DdTable::kMissing) return found;
  const auto inner = max_order == Zbdd::kUnlimited ? max_order : max_order - 1;
  const Zbdd::Ref without_x = (*this)(bdd_.low(f), max_order);
  const Zbdd::Ref with_x = zbdd_.without((*this)(bdd_.high(f), inner), without_x);
  const Zbdd::Ref result = zbdd_.unite(without_x, zbdd_.product(zbdd_.single(bdd_.top_variable(f)), with_x));
  memo_.insert(key, result);
  return result;
}

Bdd::Ref UnionOfProducts::operator()(Zbdd::Ref family) {
  if (family == Zbdd::kEmpty) return Bdd::kFalse;
  if (family == Zbdd::kBase) return Bdd::kTrue;
  if (auto it = memo_.find(family); it != memo_.end()) return it->second;
  const Bdd::Ref with_x = bdd_.land(bdd_.variable(zbdd_.variable(family)), (*this)(zbdd_.high(family)));
  const Bdd::Ref result = bdd_.lor(with_x, (*this)(zbdd_.low(family)));
  memo_.emplace(family, result);
  return result;
}

}  // namespace knelpunt::engine
