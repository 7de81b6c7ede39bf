// The rule of docs/model.md, "Supply from sources", on its own examples, in
// every engine path: cascade, reach, restoration, cut sets, probability and
// the fault tree. tests/property/ holds the paths against a naive reference.
#include <doctest/doctest.h>

#include <optional>

#include "engine/cascade.hpp"
#include "engine/cut_sets.hpp"
#include "engine/fault_tree.hpp"
#include "engine/probability.hpp"
#include "engine/reach.hpp"
#include "engine/restoration.hpp"
#include "engine/supply_cycles.hpp"

using namespace knelpunt;
using engine::Seed;
using model::GraphGroup;
using model::kNever;
using model::kNoIndex;

namespace {

constexpr model::AssetIndex gen = 0, bus_a = 1, bus_b = 2, hospital = 3;
constexpr std::uint32_t power = 0;

struct GroupSpec {
  model::AssetIndex asset;
  std::vector<model::AssetIndex> from;
  std::uint32_t kind = power;
  bool grounded = true;
  double time_to_impact = 0;
  bool passes_on = true;
  std::uint32_t need = 1;
};

model::DependencyGraph graph_of(std::size_t n, std::vector<GroupSpec> specs) {
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < n; ++i) ids.push_back("a" + std::to_string(i));
  std::vector<GraphGroup> groups;
  std::vector<model::AssetIndex> suppliers;
  std::stable_sort(specs.begin(), specs.end(), [](auto& a, auto& b) { return a.asset < b.asset; });
  for (const auto& spec : specs) {
    GraphGroup g;
    g.asset = spec.asset;
    g.need = spec.need;
    g.supplier_count = static_cast<std::uint32_t>(spec.from.size());
    g.time_to_impact = spec.time_to_impact;
    g.first = static_cast<std::uint32_t>(suppliers.size());
    g.kind = spec.kind;
    g.grounded = spec.grounded && spec.kind != kNoIndex;
    g.passes_on = spec.passes_on;
    suppliers.insert(suppliers.end(), spec.from.begin(), spec.from.end());
    groups.push_back(g);
  }
  return model::DependencyGraph(ids, std::vector<bool>(n, false), groups, suppliers);
}

/// The mesh of docs/model.md: two buses fed from gen or each other, the
/// hospital from bus-b; the buses' buffer and its mode as given.
model::DependencyGraph mesh(double bus_buffer = 0, bool passes_on = true, bool grounded = true) {
  return graph_of(4, {{bus_a, {gen, bus_b}, power, grounded, bus_buffer, passes_on},
                      {bus_b, {gen, bus_a}, power, grounded, bus_buffer, passes_on},
                      {hospital, {bus_b}, power, grounded}});
}

std::vector<double> failure_times(const model::DependencyGraph& graph, std::vector<Seed> seeds,
                                  model::Hours horizon = kNever) {
  return engine::propagate(graph, seeds, horizon).failure_time;
}

std::vector<std::vector<model::AssetIndex>> cut_sets(const model::DependencyGraph& graph, model::AssetIndex target,
                                                     model::Hours horizon = kNever) {
  engine::CutSetOptions options;
  options.horizon = horizon;
  return engine::minimal_cut_sets(graph, target, options).sets;
}

}  // namespace

TEST_CASE("supply cycles: one per grounded kind's strong component, none across kinds or for ungrounded kinds") {
  const auto graph = mesh();  // outlives the cycles, which read it
  const engine::SupplyCycles cycles(graph);
  REQUIRE(cycles.cycles().size() == 1);
  CHECK(cycles.cycles()[0].members == std::vector<model::AssetIndex>{bus_a, bus_b});
  CHECK_FALSE(cycles.trivial());
  // bus-a's group (group 0): gen is not a mate, bus-b is.
  CHECK_FALSE(cycles.is_mate(0, 0));
  CHECK(cycles.is_mate(0, 1));
  CHECK(cycles.cycle_of_group(2) == kNoIndex);  // the hospital is off the cycle

  CHECK(engine::SupplyCycles(mesh(0, true, false)).trivial());
  // power needs telecom, telecom needs power: a cycle across kinds only.
  const auto across = graph_of(3, {{1, {0, 2}, 0}, {2, {1}, 1}});
  CHECK(engine::SupplyCycles(across).trivial());
}

TEST_CASE("supply cycles: assets that pass the kind on between two rings are on neither") {
  // 0 → ring {1, 2} → 3 → 4 → ring {5, 6} → 7; 3 and 4 have an edge in and
  // out but lie on no cycle; 0 (a source) and 7 (a consumer) have one side only.
  const auto graph =
      graph_of(8, {{1, {0, 2}}, {2, {1}}, {3, {2}}, {4, {3}}, {5, {4, 6}}, {6, {5}}, {7, {6}}});
  const engine::SupplyCycles cycles(graph);
  REQUIRE(cycles.cycles().size() == 2);  // numbered by their lowest member
  CHECK(cycles.cycles()[0].members == std::vector<model::AssetIndex>{1, 2});
  CHECK(cycles.cycles()[0].groups == std::vector<model::GroupIndex>{0, 1});
  CHECK(cycles.cycles()[1].members == std::vector<model::AssetIndex>{5, 6});
  CHECK(cycles.cycles()[1].groups == std::vector<model::GroupIndex>{4, 5});
  for (model::GroupIndex g : {2u, 3u, 6u}) CHECK(cycles.cycle_of_group(g) == kNoIndex);
  CHECK_FALSE(cycles.is_mate(0, 0));  // 0 feeds 1 from off the ring
  CHECK(cycles.is_mate(0, 1));
  CHECK_FALSE(cycles.is_mate(4, 0));  // 4 feeds 5 from off the ring
  CHECK(cycles.is_mate(4, 1));
  CHECK(cycles.unsupplied_cycles().empty());
  // Without the source the first ring has no supply at all; the second still has 4.
  const auto unfed =
      graph_of(8, {{1, {2}}, {2, {1}}, {3, {2}}, {4, {3}}, {5, {4, 6}}, {6, {5}}, {7, {6}}});
  const engine::SupplyCycles unfed_cycles(unfed);
  CHECK(std::vector<std::uint32_t>(unfed_cycles.unsupplied_cycles().begin(),
                                   unfed_cycles.unsupplied_cycles().end()) ==
        std::vector<std::uint32_t>{0});
}

TEST_CASE("supply from sources: the mesh fails with its only source") {
  const auto times = failure_times(mesh(), {{gen, 0}});
  CHECK(times == std::vector<double>{0, 0, 0, 0});
  const auto cascade = engine::propagate(mesh(), std::vector<Seed>{{gen, 0}});
  CHECK(cascade.cause_supplier[bus_a] == gen);
  CHECK(cascade.cause_supplier[hospital] == bus_b);
  // Counting alone (the kind not grounded) keeps the ring up.
  CHECK(failure_times(mesh(0, true, false), {{gen, 0}}) == std::vector<double>{0, kNever, kNever, kNever});
  // A bus alone: the other bus still leads back to gen.
  CHECK(failure_times(mesh(), {{bus_a, 0}}) == std::vector<double>{kNever, 0, kNever, kNever});
}

TEST_CASE("supply from sources: buffers in the mesh, pass-on and own") {
  CHECK(failure_times(mesh(1, true), {{gen, 0}}) == std::vector<double>{0, 1, 1, 1});
  CHECK(failure_times(mesh(1, false), {{gen, 0}}) == std::vector<double>{0, 1, 1, 0});
  // Within a half-hour horizon only gen (pass-on), gen and the hospital (own).
  CHECK(failure_times(mesh(1, true), {{gen, 0}}, 0.5) == std::vector<double>{0, kNever, kNever, kNever});
  CHECK(failure_times(mesh(1, false), {{gen, 0}}, 0.5) == std::vector<double>{0, kNever, kNever, 0});
}

TEST_CASE("supply from sources: an own buffer off any cycle stops passing its kind on at once") {
  // gen → ups (1 h) → hospital; a second kind passes on until the ups fails.
  constexpr std::uint32_t telecom = 1;
  const auto own = graph_of(4, {{1, {0}, power, true, 1, false}, {2, {1}, power}, {3, {1}, telecom}});
  CHECK(failure_times(own, {{0, 0}}) == std::vector<double>{0, 1, 0, 1});
  const auto pass_on = graph_of(4, {{1, {0}, power, true, 1, true}, {2, {1}, power}, {3, {1}, telecom}});
  CHECK(failure_times(pass_on, {{0, 0}}) == std::vector<double>{0, 1, 1, 1});
  // A chain of pass-on buffers keeps today's times: each starts when the one before fails.
  const auto chain = graph_of(4, {{1, {0}, power, true, 1}, {2, {1}, power, true, 1}, {3, {2}, power}});
  CHECK(failure_times(chain, {{0, 0}}) == std::vector<double>{0, 1, 2, 2});
}

TEST_CASE("supply from sources: reach, cut sets and probability apply the rule") {
  const auto graph = mesh();
  const auto reach = engine::compute_reach(graph, nullptr, kNever);
  REQUIRE(reach.size() == 4);
  CHECK(reach[gen].reach == 3);
  CHECK(reach[bus_b].reach == 1);
  CHECK(reach[bus_a].reach == 0);
  CHECK(engine::reach_set(graph, gen, kNever) == std::vector<model::AssetIndex>{bus_a, bus_b, hospital});

  CHECK(cut_sets(graph, hospital) == std::vector<std::vector<model::AssetIndex>>{{gen}, {bus_b}});
  CHECK(cut_sets(mesh(0, true, false), hospital) ==
        std::vector<std::vector<model::AssetIndex>>{{bus_b}, {gen, bus_a}});
  // With 1 h pass-on buffers, within 30 min only bus-b; own buffers: gen as well.
  CHECK(cut_sets(mesh(1, true), hospital, 0.5) == std::vector<std::vector<model::AssetIndex>>{{bus_b}});
  CHECK(cut_sets(mesh(1, false), hospital, 0.5) == std::vector<std::vector<model::AssetIndex>>{{gen}, {bus_b}});

  // P(hospital) = P(hospital ∪ bus-b ∪ gen) with p = 0.1 each: 1 − 0.9³.
  const std::vector<double> p(4, 0.1);
  const auto probability = engine::failure_probability(graph, hospital, p, engine::ProbabilityOptions{});
  CHECK(probability.method == engine::ProbabilityMethod::exact);
  CHECK(probability.value == doctest::Approx(1 - 0.9 * 0.9 * 0.9).epsilon(1e-12));
}

TEST_CASE("supply from sources: the fault tree of a mesh is the BDD form, with the same sets") {
  engine::FaultTreeOptions options;
  const auto tree = engine::build_fault_tree(mesh(), hospital, options);
  CHECK(tree.form == engine::FaultTreeForm::bdd);
  CHECK(tree.basic_events == std::vector<model::AssetIndex>{gen, bus_b, hospital});  // by id
  // Without the rule the same mesh has a structural tree.
  CHECK(engine::build_fault_tree(graph_of(3, {{1, {0}}, {2, {1}}}), 2, options).form ==
        engine::FaultTreeForm::structural);
}

TEST_CASE("supply from sources: restoration brings a ring back from its source outwards") {
  const auto graph = mesh();
  std::vector<std::optional<model::Hours>> recovery(4);
  recovery[gen] = 2.0;
  const auto run = engine::simulate_restoration(graph, recovery, std::vector<Seed>{{gen, 0}}, 12);
  for (auto a : {bus_a, bus_b, hospital}) {
    REQUIRE(run.down[a].size() == 1);
    CHECK(run.down[a][0].start == 0);
    CHECK(run.down[a][0].end == 2);
  }
  // Without recovery, restoration's failures are the cascade's (own buffers too).
  for (bool passes_on : {true, false}) {
    const auto buffered = mesh(1, passes_on);
    const std::vector<std::optional<model::Hours>> none(4);
    const auto permanent = engine::simulate_restoration(buffered, none, std::vector<Seed>{{gen, 0}}, kNever);
    const auto times = failure_times(buffered, {{gen, 0}});
    for (model::AssetIndex a = 0; a < 4; ++a) CHECK(permanent.first_failure(a) == times[a]);
  }
}

TEST_CASE("supply from sources: a group lost for an ungrounded mate names the mate, not a supplier off the cycle") {
  // a1 needs power from both a0 (off the cycle) and a2; a2 from a3 or a1.
  // When a3 fails, a1's group is lost while every supplier still delivers:
  // its cause is the mate a2 that is not grounded. Naming the cause once
  // read the grounding of a0, which is on no cycle (out of bounds; found by
  // tests/property/supply_property_test.cpp, seed 40).
  const auto graph = graph_of(4, {{1, {0, 2}, power, true, 0, true, 2}, {2, {3, 1}, power}});
  const auto cascade = engine::propagate(graph, std::vector<Seed>{{3, 0}});
  CHECK(cascade.failure_time == std::vector<double>{kNever, 0, 0, 0});
  CHECK(cascade.cause_supplier[1] == 2);
  CHECK(cascade.cause_supplier[2] == 3);
  const std::vector<std::optional<model::Hours>> none(4);
  const auto restoration = engine::simulate_restoration(graph, none, std::vector<Seed>{{3, 0}}, kNever);
  for (model::AssetIndex a = 0; a < 4; ++a) CHECK(restoration.first_failure(a) == cascade.failure_time[a]);
  REQUIRE(restoration.down[1].size() == 1);
  CHECK(restoration.down[1][0].cause_supplier == 2);
}
