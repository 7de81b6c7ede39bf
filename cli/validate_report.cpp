#include "cli/validate_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "engine/strong_components.hpp"
#include "engine/supply_cycles.hpp"

namespace knelpunt::cli {

namespace {

/// The components with more than one member, in component order, members
/// ascending. Single nodes get no vector: a national model has a million
/// components, nearly all of one asset.
std::vector<std::vector<model::AssetIndex>> multi_member_components(
    const std::vector<std::uint32_t>& component_of, std::uint32_t count) {
  std::vector<std::uint32_t> size(count, 0);
  for (auto c : component_of) ++size[c];
  std::vector<std::uint32_t> slot(count, model::kNoIndex);
  std::vector<std::vector<model::AssetIndex>> out;
  for (std::uint32_t c = 0; c < count; ++c)
    if (size[c] > 1) {
      slot[c] = static_cast<std::uint32_t>(out.size());
      out.emplace_back().reserve(size[c]);
    }
  for (model::AssetIndex a = 0; a < component_of.size(); ++a)
    if (slot[component_of[a]] != model::kNoIndex) out[slot[component_of[a]]].push_back(a);
  return out;
}

/// Dependency cycles are legal (nothing fails unless forced) but worth knowing.
std::vector<std::vector<model::AssetIndex>> dependency_cycles(const model::DependencyGraph& graph) {
  // Edges supplier → dependent, one per (supplier, group), as compressed rows.
  const std::size_t n = graph.asset_count();
  std::vector<std::uint32_t> offsets(n + 1, 0), targets;
  targets.reserve(graph.edge_count());
  for (model::AssetIndex s = 0; s < n; ++s) {
    for (const auto g : graph.groups_supplied_by(s)) targets.push_back(graph.group(g).asset);
    offsets[s + 1] = static_cast<std::uint32_t>(targets.size());
  }
  const auto [component_of, count] = engine::strong_components(offsets, targets);
  auto cycles = multi_member_components(component_of, count);
  std::sort(cycles.begin(), cycles.end());
  return cycles;
}

/// The same-kind cycles of kinds that are not grounded, where the supply
/// rule does not apply (SupplyCycles holds only the grounded ones): per kind
/// index, the strongly connected components of its supply graph with more
/// than one member, members ascending.
std::vector<std::pair<std::uint32_t, std::vector<model::AssetIndex>>> ungrounded_cycles(
    const model::DependencyGraph& graph) {
  std::vector<std::pair<std::uint32_t, std::vector<model::AssetIndex>>> out;
  std::vector<std::vector<model::GroupIndex>> groups_of_kind(graph.kind_count());
  for (model::GroupIndex g = 0; g < graph.group_count(); ++g)
    if (graph.group(g).kind != model::kNoIndex && !graph.group(g).grounded)
      groups_of_kind[graph.group(g).kind].push_back(g);
  for (std::uint32_t kind = 0; kind < groups_of_kind.size(); ++kind) {
    if (groups_of_kind[kind].empty()) continue;
    // Compressed rows, filled in the order of the groups (Tarjan's numbering
    // follows it): no vector per asset at national scale.
    std::vector<std::uint32_t> offsets(graph.asset_count() + 1, 0);
    for (auto g : groups_of_kind[kind])
      for (auto s : graph.suppliers(g)) ++offsets[s + 1];
    for (std::size_t i = 1; i < offsets.size(); ++i) offsets[i] += offsets[i - 1];
    std::vector<std::uint32_t> targets(offsets.back());
    {
      std::vector<std::uint32_t> next(offsets.begin(), offsets.end() - 1);
      for (auto g : groups_of_kind[kind])
        for (auto s : graph.suppliers(g)) targets[next[s]++] = graph.group(g).asset;
    }
    const auto [component_of, count] = engine::strong_components(offsets, targets);
    for (auto& m : multi_member_components(component_of, count))
      out.emplace_back(kind, std::move(m));
  }
  return out;
}

std::string joined(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) {
    if (!out.empty()) out += ", ";
    out += id;
  }
  return out;
}

}  // namespace

ModelCycles model_cycles(const model::Model& model, const model::DependencyGraph& graph) {
  ModelCycles out;
  for (const auto& cycle : dependency_cycles(graph)) {
    std::vector<std::string> ids;
    for (auto a : cycle) ids.emplace_back(graph.id(a));
    out.dependency.push_back(std::move(ids));
  }
  // The graph numbers kinds in name order (model/dependency_graph.hpp).
  std::set<std::string, std::less<>> kind_set;
  for (const auto& asset : model.assets)
    for (const auto& group : asset.depends_on)
      if (!group.kind.empty()) kind_set.insert(group.kind);
  const std::vector<std::string> kinds(kind_set.begin(), kind_set.end());
  const engine::SupplyCycles supply(graph);
  const auto unsupplied = supply.unsupplied_cycles();
  for (std::uint32_t c = 0; c < supply.cycles().size(); ++c) {
    const auto& cycle = supply.cycles()[c];
    SameKindCycle item;
    item.kind = cycle.kind < kinds.size() ? kinds[cycle.kind] : std::string();
    for (auto a : cycle.members) item.members.emplace_back(graph.id(a));
    item.unsupplied = std::find(unsupplied.begin(), unsupplied.end(), c) != unsupplied.end();
    const auto& first = model.assets[cycle.members.front()];
    for (const auto& group : first.depends_on)
      if (group.kind == item.kind) {
        item.where = group.where;
        break;
      }
    out.same_kind.push_back(std::move(item));
  }
  for (auto& [kind, members] : ungrounded_cycles(graph)) {
    SameKindCycle item;
    item.kind = kinds[kind];
    item.grounded = false;
    for (auto a : members) item.members.emplace_back(graph.id(a));
    out.same_kind.push_back(std::move(item));
  }
  std::sort(out.same_kind.begin(), out.same_kind.end(),
            [](const SameKindCycle& a, const SameKindCycle& b) {
              return std::tie(a.kind, a.members) < std::tie(b.kind, b.members);
            });
  return out;
}

model::Diagnostics unsupplied_cycle_warnings(const ModelCycles& cycles) {
  model::Diagnostics out;
  for (const auto& cycle : cycles.same_kind)
    if (cycle.unsupplied)
      out.warning(
          cycle.where,
          fmt::format(
              "same-kind cycle ({}) {} has no source: even with every asset up, not enough {} "
              "reaches it from outside the cycle, so it fails at t = 0 whatever fails; expected "
              "suppliers off the cycle (a generator, an intake, a feed) or the kind with "
              "'grounded: false' (docs/model.md, Supply from sources)",
              cycle.kind, joined(cycle.members), cycle.kind));
  out.sort();
  return out;
}

std::string render_validation_text(const model::Model& model, const ModelCycles& cycles,
                                   bool verbose) {
  std::size_t virtual_count = 0, groups = 0;
  for (const auto& asset : model.assets) {
    virtual_count += asset.is_virtual ? 1 : 0;
    groups += asset.depends_on.size();
  }
  auto count = [](std::size_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
  };
  std::string out =
      fmt::format("{}: valid: {} ({} virtual), {}, {}, {}; {}",
                  model.region.name.empty() ? std::string("model") : model.region.name,
                  count(model.assets.size(), "asset", "assets"), virtual_count,
                  count(groups, "dependency group", "dependency groups"),
                  count(model.scenarios.size(), "scenario", "scenarios"),
                  count(model.files.size(), "file", "files"),
                  count(cycles.dependency.size(), "dependency cycle", "dependency cycles"));
  // Said only when there are some, so the line of other models is unchanged.
  if (!cycles.same_kind.empty())
    out += ", " + count(cycles.same_kind.size(), "same-kind cycle", "same-kind cycles");
  out += "\n";
  if (!verbose) return out;
  for (const auto& cycle : cycles.dependency) out += "  cycle: " + joined(cycle) + "\n";
  for (const auto& cycle : cycles.same_kind)
    out += fmt::format("  same-kind cycle ({}{}): {}{}\n", cycle.kind,
                       cycle.grounded ? "" : ", not grounded", joined(cycle.members),
                       cycle.unsupplied ? " (no source)" : "");
  return out;
}

void add_cycles_json(nlohmann::ordered_json& out, const ModelCycles& cycles) {
  out["cycles"] = nlohmann::ordered_json::array();
  for (const auto& cycle : cycles.dependency) out["cycles"].push_back(cycle);
  if (cycles.same_kind.empty()) return;
  out["same_kind_cycles"] = nlohmann::ordered_json::array();
  for (const auto& cycle : cycles.same_kind) {
    nlohmann::ordered_json item{
        {"kind", cycle.kind}, {"members", cycle.members}, {"grounded", cycle.grounded}};
    // Whether a source feeds it means something only where the rule applies.
    item["has_source"] =
        cycle.grounded ? nlohmann::ordered_json(!cycle.unsupplied) : nlohmann::ordered_json();
    out["same_kind_cycles"].push_back(std::move(item));
  }
}

}  // namespace knelpunt::cli
