#include "engine/cascade.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace knelpunt;
using engine::Seed;
using model::GraphGroup;
using model::kNever;

namespace {

/// A tiny builder: groups are given as (asset, need, time_to_impact, suppliers).
struct Builder {
  std::vector<std::string> ids;
  std::vector<bool> virtual_flags;
  std::vector<GraphGroup> groups;
  std::vector<model::AssetIndex> suppliers;

  explicit Builder(std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) ids.push_back("a" + std::to_string(i));
    virtual_flags.assign(n, false);
  }
  Builder& group(model::AssetIndex asset, std::uint32_t need, double time_to_impact,
                 std::vector<model::AssetIndex> from) {
    GraphGroup g;
    g.asset = asset;
    g.need = need;
    g.supplier_count = static_cast<std::uint32_t>(from.size());
    g.time_to_impact = time_to_impact;
    g.first = static_cast<std::uint32_t>(suppliers.size());
    suppliers.insert(suppliers.end(), from.begin(), from.end());
    groups.push_back(g);
    return *this;
  }
  model::DependencyGraph build() {
    std::stable_sort(groups.begin(), groups.end(), [](const GraphGroup& a, const GraphGroup& b) { return a.asset < b.asset; });
    return model::DependencyGraph(ids, virtual_flags, groups, suppliers);
  }
};

}  // namespace

TEST_CASE("redundancy: need 1 of 2 is lost when both fail, at the later time") {
  auto graph = Builder(3).group(2, 1, 0, {0, 1}).build();
  std::vector<Seed> one{{0, 0}};
  CHECK_FALSE(engine::propagate(graph, one).failed(2));
  std::vector<Seed> both{{0, 1.0}, {1, 3.0}};
  const auto cascade = engine::propagate(graph, both);
  CHECK(cascade.failure_time[2] == 3.0);
  CHECK(cascade.cause_supplier[2] == 1);
}

TEST_CASE("k-of-n: need 2 of 3 is lost at the second failure") {
  auto graph = Builder(4).group(3, 2, 0.5, {0, 1, 2}).build();
  std::vector<Seed> seeds{{2, 5.0}, {0, 1.0}};
  const auto cascade = engine::propagate(graph, seeds);
  CHECK(cascade.failure_time[3] == 5.5);
  std::vector<Seed> single{{1, 0}};
  CHECK_FALSE(engine::propagate(graph, single).failed(3));
}

TEST_CASE("separate groups act as OR, and the earliest lost group wins") {
  auto graph = Builder(3).group(2, 1, 10, {0}).group(2, 1, 2, {1}).build();
  std::vector<Seed> seeds{{0, 0}, {1, 5}};
  const auto cascade = engine::propagate(graph, seeds);
  CHECK(cascade.failure_time[2] == 7.0);
  CHECK(cascade.cause_supplier[2] == 1);
}

TEST_CASE("buffers add up along a chain and the horizon cuts it") {
  auto graph = Builder(4).group(1, 1, 4, {0}).group(2, 1, 4, {1}).group(3, 1, 4, {2}).build();
  std::vector<Seed> seeds{{0, 0}};
  auto cascade = engine::propagate(graph, seeds, 8.0);
  CHECK(cascade.failure_time[2] == 8.0);  // the horizon is inclusive
  CHECK_FALSE(cascade.failed(3));
  CHECK(cascade.order == std::vector<model::AssetIndex>{0, 1, 2});
  cascade = engine::propagate(graph, seeds, kNever);
  CHECK(cascade.failure_time[3] == 12.0);
}

TEST_CASE("a cycle with no failing entry stays up; forced, it fails") {
  // 0 and 1 need each other; 1 also needs 2 (need 1 of {0, 2} is redundancy).
  auto graph = Builder(3).group(0, 1, 0, {1}).group(1, 1, 0, {0, 2}).build();
  std::vector<Seed> none;
  CHECK(engine::propagate(graph, none).order.empty());
  std::vector<Seed> two{{2, 0}};
  CHECK(engine::propagate(graph, two).order.size() == 1);  // 1 still has 0, 0 still has 1
  std::vector<Seed> zero{{0, 1}};
  const auto cascade = engine::propagate(graph, zero);
  CHECK_FALSE(cascade.failed(1));  // 1 has 2 left
  std::vector<Seed> all{{0, 1}, {2, 3}};
  CHECK(engine::propagate(graph, all).failure_time[1] == 3.0);
}

TEST_CASE("a seed listed twice counts at its earliest time, and an initial failure beats a later cascade") {
  auto graph = Builder(2).group(1, 1, 0, {0}).build();
  std::vector<Seed> seeds{{0, 5}, {0, 2}, {1, 4}};
  const auto cascade = engine::propagate(graph, seeds);
  CHECK(cascade.failure_time[0] == 2.0);
  CHECK(cascade.failure_time[1] == 2.0);
  CHECK(cascade.cause_supplier[1] == 0);
}

TEST_CASE("the runner gives the same results when reused") {
  auto graph = Builder(4).group(1, 1, 1, {0}).group(2, 2, 0, {0, 1}).group(3, 1, 0, {2}).build();
  engine::CascadeRunner runner(graph);
  std::vector<Seed> first{{0, 0}};
  runner.run(first, kNever);
  CHECK(runner.failed().size() == 4);
  std::vector<Seed> second{{1, 0}};
  runner.run(second, kNever);
  REQUIRE(runner.failed().size() == 3);
  CHECK(runner.failure_time(0) == kNever);
  CHECK(runner.failure_time(3) == 0.0);
}
