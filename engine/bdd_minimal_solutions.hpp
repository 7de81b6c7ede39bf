#pragma once
/// Minimal solutions of a monotone BDD as a ZBDD (Rauzy 1993), and back:
/// a family of sets as the BDD of the union of their products. Both packages
/// must number variables the same way.

#include <cstdint>
#include <unordered_map>

#include "engine/bdd.hpp"
#include "engine/zbdd.hpp"

namespace knelpunt::engine {

/// minsol(ite(x, f1, f0)) = minsol(f0) ∪ x · without(minsol(f1), minsol(f0)),
/// keeping only sets of at most `max_order` elements (Zbdd::kUnlimited: all).
/// `f` must be monotone (built from variables with AND and OR only).
class MinimalSolutions {
 public:
  MinimalSolutions(const Bdd& bdd, Zbdd& zbdd) : bdd_(bdd), zbdd_(zbdd) {}
  Zbdd::Ref operator()(Bdd::Ref f, std::uint32_t max_order = Zbdd::kUnlimited);

 private:
  const Bdd& bdd_;
  Zbdd& zbdd_;
  DdTable memo_;
};

/// The BDD of "some set of the family has all its variables true".
/// Memoised per ZBDD node, so converting many sub-families is cheap.
class UnionOfProducts {
 public:
  UnionOfProducts(const Zbdd& zbdd, Bdd& bdd) : zbdd_(zbdd), bdd_(bdd) {}
  Bdd::Ref operator()(Zbdd::Ref family);

 private:
  const Zbdd& zbdd_;
  Bdd& bdd_;
  std::unordered_map<Zbdd::Ref, Bdd::Ref> memo_;
};

}  // namespace knelpunt::engine
