#include <doctest/doctest.h>

#include <stdexcept>

#include "engine/affected_people.hpp"
#include "engine/reach.hpp"
#include "model/graph_digest.hpp"
#include "property/random_dependency_graph.hpp"
#include "property/random_people_model.hpp"

using namespace knelpunt;

TEST_CASE("reach over asset ranges equals the matching part of a whole run") {
  for (std::uint32_t seed = 1; seed <= 60; ++seed) {
    const auto graph = testing::random_dependency_graph(seed);
    const auto people_model = testing::random_people_model(graph, seed);
    const engine::PeopleServed served(people_model);
    const auto whole = engine::compute_reach(graph, &served, seed % 2 ? model::kNever : 4.0, 1);
    std::vector<engine::AssetReach> pieces;
    const auto n = static_cast<model::AssetIndex>(graph.asset_count());
    const model::AssetIndex cuts[] = {0, n / 3, (2 * n) / 3, n};
    for (int i = 0; i < 3; ++i) {
      const auto part = engine::compute_reach_range(graph, &served, seed % 2 ? model::kNever : 4.0, 2,
                                                    cuts[i], cuts[i + 1]);
      pieces.insert(pieces.end(), part.begin(), part.end());
    }
    REQUIRE(pieces.size() == whole.size());
    for (std::size_t i = 0; i < whole.size(); ++i) {
      CHECK(pieces[i].asset == whole[i].asset);
      CHECK(pieces[i].reach == whole[i].reach);
      CHECK(pieces[i].people == whole[i].people);
      CHECK(pieces[i].people_upper_bound == whole[i].people_upper_bound);
    }
  }
}

TEST_CASE("a range outside the assets is refused") {
  const auto graph = testing::random_dependency_graph(3);
  const auto n = static_cast<model::AssetIndex>(graph.asset_count());
  CHECK_THROWS_AS(engine::compute_reach_range(graph, nullptr, model::kNever, 1, 0, n + 1), std::invalid_argument);
  CHECK_THROWS_AS(engine::compute_reach_range(graph, nullptr, model::kNever, 1, n, 0), std::invalid_argument);
}

TEST_CASE("the graph digest changes with structure and with the extra values") {
  const auto a = testing::random_dependency_graph(5);
  const auto b = testing::random_dependency_graph(6);
  std::vector<double> zeros(a.asset_count(), 0.0), ones(a.asset_count(), 1.0);
  CHECK(model::graph_digest(a, zeros) == model::graph_digest(a, zeros));
  CHECK(model::graph_digest(a, zeros) != model::graph_digest(a, ones));
  CHECK(model::graph_digest(a) != model::graph_digest(b));
  CHECK(model::graph_digest(a).size() == 16);
}
