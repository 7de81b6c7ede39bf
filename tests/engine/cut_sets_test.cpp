#include "engine/cut_sets.hpp"

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <tuple>
#include <vector>

using namespace knelpunt;
using model::AssetIndex;
using model::kNever;

namespace {

/// Assets named by the caller; groups as (asset, need, time_to_impact, suppliers).
struct CutSetModel {
  std::vector<std::string> ids;
  std::vector<bool> virtual_flags;
  std::vector<model::GraphGroup> groups;
  std::vector<AssetIndex> suppliers;

  AssetIndex asset(const std::string& id, bool is_virtual = false) {
    ids.push_back(id);
    virtual_flags.push_back(is_virtual);
    return static_cast<AssetIndex>(ids.size() - 1);
  }
  CutSetModel& group(AssetIndex of, std::uint32_t need, double time_to_impact, std::vector<AssetIndex> from) {
    model::GraphGroup g;
    g.asset = of;
    g.need = need;
    g.supplier_count = static_cast<std::uint32_t>(from.size());
    g.time_to_impact = time_to_impact;
    g.first = static_cast<std::uint32_t>(suppliers.size());
    suppliers.insert(suppliers.end(), from.begin(), from.end());
    groups.push_back(g);
    return *this;
  }
  model::DependencyGraph graph() const {
    auto sorted = groups;  // the graph wants groups sorted by asset
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.asset < b.asset; });
    return model::DependencyGraph(ids, virtual_flags, sorted, suppliers);
  }
};

std::vector<std::vector<std::string>> cut_sets(const model::DependencyGraph& graph, AssetIndex target,
                                               std::uint32_t max_order, model::Hours horizon) {
  std::vector<std::vector<std::string>> result;
  for (const auto& set : engine::minimal_cut_sets(graph, target, engine::CutSetOptions{max_order, horizon}).sets) {
    std::vector<std::string> ids;
    for (auto a : set) ids.emplace_back(graph.id(a));
    result.push_back(ids);
  }
  return result;
}

using Sets = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("AND: one group of two suppliers with need 1 is a common-cause pair") {
  CutSetModel m;
  const auto top = m.asset("top"), a = m.asset("a"), b = m.asset("b");
  m.group(top, 1, 0, {a, b});
  CHECK(cut_sets(m.graph(), top, 2, kNever) == Sets{{"a", "b"}});
  CHECK(cut_sets(m.graph(), top, 1, kNever).empty());
}

TEST_CASE("OR: one group per supplier gives single points of failure") {
  CutSetModel m;
  const auto top = m.asset("top"), a = m.asset("a"), b = m.asset("b");
  m.group(top, 1, 0, {a}).group(top, 1, 0, {b});
  CHECK(cut_sets(m.graph(), top, 2, kNever) == Sets{{"a"}, {"b"}});
}

TEST_CASE("2-of-3: need 2 of three suppliers fails with any two of them") {
  CutSetModel m;
  const auto top = m.asset("top"), a = m.asset("a"), b = m.asset("b"), c = m.asset("c");
  m.group(top, 2, 0, {a, b, c});
  CHECK(cut_sets(m.graph(), top, 0, kNever) == Sets{{"a", "b"}, {"a", "c"}, {"b", "c"}});
}

TEST_CASE("virtual assets are gates, never members of a cut set; the target is never one either") {
  CutSetModel m;
  const auto top = m.asset("top"), gate = m.asset("gate", true), a = m.asset("a"), b = m.asset("b");
  m.group(top, 1, 0, {gate}).group(gate, 1, 0, {a, b}).group(a, 1, 0, {top});
  CHECK(cut_sets(m.graph(), top, 0, kNever) == Sets{{"a", "b"}});
}

TEST_CASE("a 72 h generator is no single point of failure within 24 h, but is within 96 h") {
  CutSetModel m;
  const auto hospital = m.asset("hospital"), grid = m.asset("grid"), generator = m.asset("generator"),
             fuel = m.asset("fuel");
  m.group(hospital, 1, 0, {grid, generator});
  m.group(generator, 1, 72, {fuel});  // the tank lasts 72 h without deliveries
  m.group(fuel, 1, 0, {grid});        // the fuel supplier has no backup power
  CHECK(cut_sets(m.graph(), hospital, 2, 24) == Sets{{"generator", "grid"}});
  CHECK(cut_sets(m.graph(), hospital, 2, 96) == Sets{{"grid"}});
  CHECK(cut_sets(m.graph(), hospital, 2, 72) == Sets{{"grid"}});  // the horizon is inclusive
  CHECK(cut_sets(m.graph(), hospital, 2, kNever) == Sets{{"grid"}});
}

TEST_CASE("time buffers add up along a chain") {
  CutSetModel m;
  const auto top = m.asset("top"), mid = m.asset("mid"), root = m.asset("root");
  m.group(top, 1, 4, {mid}).group(mid, 1, 4, {root});
  CHECK(cut_sets(m.graph(), top, 2, 7) == Sets{{"mid"}});
  CHECK(cut_sets(m.graph(), top, 2, 8) == Sets{{"mid"}, {"root"}});
}

TEST_CASE("a dependency cycle without a failing entry never fails") {
  CutSetModel m;
  const auto top = m.asset("top"), power = m.asset("power"), telecom = m.asset("telecom"), feed = m.asset("feed");
  m.group(top, 1, 0, {power});
  m.group(power, 1, 0, {telecom}).group(power, 1, 0, {feed});
  m.group(telecom, 1, 0, {power});
  CHECK(cut_sets(m.graph(), top, 2, kNever) == Sets{{"feed"}, {"power"}, {"telecom"}});
}

TEST_CASE("mutual backups: losing both feeds is no cut set, the cycle keeps itself up") {
  CutSetModel m;
  // a and b back each other up: each fails when it loses its own feed and the
  // other. With fa and fb gone nothing forces either to fail (largest solution).
  const auto top = m.asset("top", true), a = m.asset("a"), b = m.asset("b"), fa = m.asset("fa"),
             fb = m.asset("fb");
  m.group(top, 1, 0, {a}).group(a, 1, 0, {fa, b}).group(b, 1, 0, {fb, a});
  CHECK(cut_sets(m.graph(), top, 0, kNever) == Sets{{"a"}, {"b", "fa"}});
}

TEST_CASE("cut sets are sorted by order, then by ids; by_order counts them") {
  CutSetModel m;
  const auto top = m.asset("top"), z = m.asset("z"), b = m.asset("b"), a = m.asset("a"), c = m.asset("c");
  m.group(top, 1, 0, {z}).group(top, 1, 0, {c, a}).group(top, 1, 0, {b, a});
  const auto result = engine::minimal_cut_sets(m.graph(), top, engine::CutSetOptions{0, kNever});
  CHECK(cut_sets(m.graph(), top, 0, kNever) == Sets{{"z"}, {"a", "b"}, {"a", "c"}});
  CHECK(result.by_order == std::map<std::uint32_t, std::size_t>{{1, 1}, {2, 2}});
}

TEST_CASE(
    "progress: the diagram as one step, then every set listed; the same sets with or without it") {
  CutSetModel m;
  const auto top = m.asset("top"), z = m.asset("z"), b = m.asset("b"), a = m.asset("a"),
             c = m.asset("c");
  m.group(top, 1, 0, {z}).group(top, 1, 0, {c, a}).group(top, 1, 0, {b, a});
  std::vector<std::tuple<std::string, std::uint64_t, std::uint64_t>> calls;
  engine::CutSetOptions options{0, kNever};
  options.progress = [&](std::string_view step, std::uint64_t done, std::uint64_t total) {
    calls.emplace_back(std::string(step), done, total);
  };
  const auto with = engine::minimal_cut_sets(m.graph(), top, options);
  CHECK(with.sets ==
        engine::minimal_cut_sets(m.graph(), top, engine::CutSetOptions{0, kNever}).sets);
  using Call = std::tuple<std::string, std::uint64_t, std::uint64_t>;
  CHECK(calls == std::vector<Call>{
                     {"cut sets", 0, 1}, {"cut sets", 1, 1}, {"listing", 0, 3}, {"listing", 3, 3}});
}

TEST_CASE("an asset nothing can make fail has no cut sets") {
  CutSetModel m;
  const auto top = m.asset("top");
  m.asset("other");
  CHECK(cut_sets(m.graph(), top, 0, kNever).empty());
}

TEST_CASE("cut sets over their ZBDD node limit or set limit: CutSetsTooLarge") {
  // An OR of three: three single points.
  CutSetModel m;
  const auto top = m.asset("top", true), a = m.asset("a"), b = m.asset("b"), c = m.asset("c");
  m.group(top, 1, 0, {a});
  m.group(top, 1, 0, {b});
  m.group(top, 1, 0, {c});
  const auto graph = m.graph();
  engine::CutSetOptions options{0, model::kNever};
  CHECK(engine::minimal_cut_sets(graph, top, options).sets.size() == 3);
  options.max_sets = 3;
  CHECK(engine::minimal_cut_sets(graph, top, options).sets.size() == 3);
  options.max_sets = 2;
  CHECK_THROWS_AS(engine::minimal_cut_sets(graph, top, options), engine::CutSetsTooLarge);
  options.max_sets = UINT64_MAX;
  options.zbdd_node_limit = 3;
  CHECK_THROWS_AS(engine::minimal_cut_sets(graph, top, options), engine::CutSetsTooLarge);
}
