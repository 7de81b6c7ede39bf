/// Unit tests of N-1 reach and the follower forest on small hand-made graphs.

#include <doctest/doctest.h>

#include <stdexcept>
#include <vector>

#include "engine/affected_people.hpp"
#include "engine/dominators.hpp"
#include "engine/reach.hpp"
#include "model/model.hpp"

namespace {

using knelpunt::model::AssetIndex;
using knelpunt::model::DependencyGraph;
using knelpunt::model::GraphGroup;
using knelpunt::model::kNever;

/// station ← sub (1 of {station, spare}) ← dist (sole, 0h) ← home (sole, 0h);
/// mast needs dist with a 2h buffer; agg (virtual) needs 2 of {home, mast}.
DependencyGraph small_grid() {
  // 0 agg, 1 dist, 2 home, 3 mast, 4 spare, 5 station, 6 sub
  return DependencyGraph({"agg", "dist", "home", "mast", "spare", "station", "sub"},
                         {true, false, false, false, false, false, false},
                         {GraphGroup{0, 2, 2, 0, 0, 0}, GraphGroup{1, 1, 1, 0, 0, 2}, GraphGroup{2, 1, 1, 0, 0, 3},
                          GraphGroup{3, 1, 1, 2, 0, 4}, GraphGroup{6, 1, 2, 0, 0, 5}},
                         {2, 3, 6, 1, 1, 5, 4});
}

/// A model of `graph`'s assets, each serving `population[a]` people of its
/// own (a pseudo-area; virtual assets count no one).
knelpunt::model::Model own_populations(const DependencyGraph& graph, const std::vector<double>& population) {
  knelpunt::model::Model model;
  for (AssetIndex a = 0; a < graph.asset_count(); ++a) {
    knelpunt::model::Asset asset;
    asset.id = std::string(graph.id(a));
    asset.is_virtual = graph.is_virtual(a);
    asset.serves["population"] = population[a];
    model.assets.push_back(asset);
  }
  model.reindex();
  return model;
}

}  // namespace

TEST_CASE("follower forest: sole zero-buffer suppliers form blocks with contiguous subtrees") {
  const auto graph = small_grid();
  const knelpunt::engine::FollowerForest forest(graph);
  CHECK(forest.is_follower(1));   // dist follows sub
  CHECK(forest.is_follower(2));   // home follows dist
  CHECK_FALSE(forest.is_follower(3));  // mast has a buffer
  CHECK_FALSE(forest.is_follower(6));  // sub has two suppliers
  CHECK(forest.root(2) == 6);
  CHECK(forest.subtree_size(6) == 3);
  CHECK(forest.position(1) == forest.position(6) + 1);
  CHECK(forest.position(2) == forest.position(6) + 2);
  // dist's exits: the mast's group (not home's follower link); home's: agg's group.
  const auto exits = forest.exits(forest.position(1), forest.position(1) + 2);
  CHECK(exits.size() == 2);
  CHECK(forest.root_count() == 5);
}

TEST_CASE("follower forest: a cycle of followers is broken at its lowest index") {
  // a0 ← a1 ← a2 ← a0, all sole suppliers without buffer.
  const DependencyGraph graph({"a0", "a1", "a2"}, {false, false, false},
                              {GraphGroup{0, 1, 1, 0, 0, 0}, GraphGroup{1, 1, 1, 0, 0, 1}, GraphGroup{2, 1, 1, 0, 0, 2}},
                              {2, 0, 1});
  const knelpunt::engine::FollowerForest forest(graph);
  CHECK_FALSE(forest.is_follower(0));
  CHECK(forest.root(1) == 0);
  CHECK(forest.root(2) == 0);
  for (const auto& r : knelpunt::engine::compute_reach(graph, nullptr, kNever)) CHECK(r.reach == 2);
}

TEST_CASE("reach counts non-virtual assets other than the seed, within the horizon") {
  const auto graph = small_grid();
  const auto model = own_populations(graph, {1000, 10, 100, 0, 0, 0, 5});
  const knelpunt::engine::PeopleServed served(model);
  const auto at_1h = knelpunt::engine::compute_reach(graph, &served, 1.0);
  REQUIRE(at_1h.size() == 6);  // agg is virtual
  CHECK(at_1h[0].asset == 1);
  CHECK(at_1h[0].reach == 1);  // dist: home now; mast only at 2h
  CHECK(at_1h[0].people == 110);  // dist's own 10 and home's 100
  CHECK(at_1h[0].people_upper_bound);  // own populations may overlap
  const auto unlimited = knelpunt::engine::compute_reach(graph, &served, kNever, 3);
  CHECK(unlimited[0].reach == 2);  // dist: home, mast (agg is virtual: no count, no people)
  CHECK(unlimited[0].people == 110);
  CHECK(unlimited[5].people == 115);  // sub's own 5 too
  CHECK(unlimited[5].asset == 6);
  CHECK(unlimited[5].reach == 3);  // sub: dist, home, mast
  CHECK(unlimited[3].asset == 4);
  CHECK(unlimited[3].reach == 0);  // spare: sub still has station
  CHECK(knelpunt::engine::reach_set(graph, 6, kNever) == std::vector<AssetIndex>{1, 2, 3});
  CHECK(knelpunt::engine::reach_set(graph, 1, 1.0) == std::vector<AssetIndex>{2});
}

TEST_CASE("reach rejects people counted for another model") {
  const auto graph = small_grid();
  const DependencyGraph other({"x", "y"}, {false, false}, {}, {});
  const auto model = own_populations(other, {1, 2});
  const knelpunt::engine::PeopleServed served(model);
  CHECK_THROWS_AS(knelpunt::engine::compute_reach(graph, &served, kNever), std::invalid_argument);
}
