#include "cli/whatif_report.hpp"

#include "engine/affected_people.hpp"

#include <algorithm>
#include <functional>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "model/text_format.hpp"

namespace knelpunt::cli {

namespace {

using Json = nlohmann::ordered_json;

std::string name_of(const model::Asset& asset) { return asset.name.empty() ? asset.id : asset.name; }

std::vector<engine::Seed> sorted_seeds(std::vector<engine::Seed> seeds) {
  std::sort(seeds.begin(), seeds.end(), [](const engine::Seed& a, const engine::Seed& b) {
    return std::tie(a.at, a.asset) < std::tie(b.at, b.asset);
  });
  return seeds;
}

/// "Cascade[ with restoration] in REGION within horizon H: initial ID@T, …" and a blank line.
std::string heading(const LoadedModel& loaded, std::string_view what, const std::vector<engine::Seed>& seeds,
                    model::Hours horizon) {
  std::string initial;
  for (const auto& seed : sorted_seeds(seeds)) {
    if (!initial.empty()) initial += ", ";
    initial += loaded.graph->id(seed.asset) + "@" + model::format_hours(seed.at);
  }
  const auto& region = loaded.model.region.name;
  return fmt::format("{} in {} within horizon {}: initial {}\n\n", what,
                     region.empty() ? std::string("the model") : region, model::format_hours(horizon), initial);
}

/// The widths of the id and name columns for the assets on the timeline.
struct Columns {
  std::size_t id_width = 5;
  std::size_t name_width = 4;
};

Columns columns_for(const LoadedModel& loaded, const std::vector<model::AssetIndex>& assets) {
  Columns columns;
  for (auto a : assets) {
    const auto& asset = loaded.model.assets[a];
    columns.id_width = std::max(columns.id_width, asset.id.size());
    columns.name_width =
        std::max(columns.name_width, std::min<std::size_t>(40, name_of(asset).size() + (asset.is_virtual ? 10 : 0)));
  }
  return columns;
}

std::string timeline_line(const model::Asset& asset, model::Hours at, const Columns& columns, const std::string& what) {
  std::string name = (asset.is_virtual ? "[virtual] " : "") + name_of(asset);
  if (name.size() > 40) name = name.substr(0, 39) + "~";
  return fmt::format("T+{:<8} {:<{}}  {:<{}}  {}\n", model::format_hours(at), asset.id, columns.id_width, name,
                     columns.name_width, what);
}

/// "initial failure", or "via SUPPLIER (kind, k of n suppliers lost, buffer T)".
std::string cause_text(const LoadedModel& loaded, model::AssetIndex a, model::GroupIndex cause_group,
                       model::AssetIndex cause_supplier) {
  if (cause_group == model::kNoIndex) return "initial failure";
  const auto& graph = *loaded.graph;
  const auto& group = graph.group(cause_group);
  const auto& dependency = loaded.model.assets[a].depends_on[group.position];
  std::string cause = "via " + graph.id(cause_supplier);
  std::string detail = dependency.kind;
  if (group.supplier_count > 1)
    detail += (detail.empty() ? "" : ", ") +
              fmt::format("{} of {} suppliers lost", group.losses_to_fail(), group.supplier_count);
  if (group.time_to_impact > 0)
    detail += (detail.empty() ? "" : ", ") + std::string("buffer ") + model::format_hours(group.time_to_impact);
  if (!detail.empty()) cause += " (" + detail + ")";
  return cause;
}

/// What a "back" line says: the time it needed — its recovery after a seed
/// (damage), its restart (when given) after a loss of supply. A seed while
/// already down for lack of supply is shown as a restart; that case is rare.
std::string back_text(const model::Asset& asset, const std::vector<engine::DownInterval>& down, model::Hours at) {
  std::string what = "back";
  bool seeded = false;
  for (const auto& interval : down)
    if (interval.end == at) seeded = interval.cause_group == model::kNoIndex;
  if (!seeded && asset.restart) {
    if (*asset.restart > 0) what += " (restart " + model::format_hours(*asset.restart) + ")";
  } else if (asset.recovery) {
    what += " (recovery " + model::format_hours(*asset.recovery) + ")";
  }
  return what;
}

/// The people affected by the assets that were down at some moment within
/// the horizon: residents of the areas that lost a service, each counted once
/// (engine/affected_people.hpp, decision 013), as the register counts them.
engine::AffectedPeople people_affected(const LoadedModel& loaded, const std::function<bool(model::AssetIndex)>& down) {
  std::vector<bool> was_down(loaded.graph->asset_count());
  for (model::AssetIndex a = 0; a < loaded.graph->asset_count(); ++a) was_down[a] = down(a);
  return engine::affected_people(engine::PeopleServed(loaded.model), was_down);
}

std::string failed_summary(std::size_t real, std::size_t virtual_failed, model::Hours horizon,
                           const engine::AffectedPeople& people) {
  return fmt::format("\n{} asset{} fail within {} (and {} virtual); people affected: {} in {} area{} that lose a service, "
                     "each counted once{}\n",
                     real, real == 1 ? "" : "s", model::format_hours(horizon), virtual_failed,
                     fmt::format("{:.0f}", people.people), people.areas, people.areas == 1 ? "" : "s",
                     people.upper_bound ? " (an upper bound: assets without areas count their own population, which "
                                          "may overlap)"
                                        : "");
}

nlohmann::ordered_json people_json(const engine::AffectedPeople& people) {
  return {{"people", people.people}, {"areas", people.areas}, {"upper_bound", people.upper_bound}};
}

/// "\nStay up:\n" and the real assets for which `failed` is false.
std::string stay_up(const model::DependencyGraph& graph, const std::function<bool(model::AssetIndex)>& failed) {
  std::string out = "\nStay up:\n";
  for (model::AssetIndex a = 0; a < graph.asset_count(); ++a)
    if (!failed(a) && !graph.is_virtual(a)) out += "  " + graph.id(a) + "\n";
  return out;
}

/// The keys every `knelpunt-cascade/1` document opens with.
Json cascade_json_head(const LoadedModel& loaded, const std::vector<engine::Seed>& seeds, model::Hours horizon) {
  Json out;
  out["format"] = "knelpunt-cascade/1";
  out["horizon_h"] = model::json_hours(horizon);
  auto initial = Json::array();
  auto initial_at = Json::array();
  for (const auto& seed : sorted_seeds(seeds)) {
    initial.push_back(loaded.graph->id(seed.asset));
    initial_at.push_back({{"asset", loaded.graph->id(seed.asset)}, {"t_h", seed.at}});
  }
  out["initial"] = std::move(initial);
  out["initial_at"] = std::move(initial_at);
  return out;
}

/// One failure of asset `a` at `at`, caused as given (kNoIndex: initial).
Json event_json(const LoadedModel& loaded, model::AssetIndex a, model::Hours at, model::GroupIndex cause_group,
                model::AssetIndex cause_supplier) {
  const auto& graph = *loaded.graph;
  const auto& asset = loaded.model.assets[a];
  Json event;
  event["asset"] = asset.id;
  event["t_h"] = at;
  if (cause_group == model::kNoIndex) {
    event["via"] = nullptr;
    event["initial"] = true;
  } else {
    const auto& group = graph.group(cause_group);
    event["via"] = graph.id(cause_supplier);
    event["initial"] = false;
    event["kind"] = asset.depends_on[group.position].kind;
    event["group"] = group.position;
    event["time_to_impact_h"] = group.time_to_impact;
  }
  event["virtual"] = asset.is_virtual;
  event["population"] = asset.is_virtual ? 0.0 : asset.population();
  return event;
}

}  // namespace

std::string render_cascade_text(const LoadedModel& loaded, const std::vector<engine::Seed>& seeds,
                                const engine::Cascade& cascade, model::Hours horizon, bool verbose) {
  const auto& model = loaded.model;
  std::string out = heading(loaded, "Cascade", seeds, horizon);
  const Columns columns = columns_for(loaded, cascade.order);
  std::size_t real = 0;
  for (auto a : cascade.order) {
    const auto& asset = model.assets[a];
    out += timeline_line(asset, cascade.failure_time[a], columns,
                         cause_text(loaded, a, cascade.cause_group[a], cascade.cause_supplier[a]));
    if (!asset.is_virtual) ++real;
  }
  out += failed_summary(real, cascade.order.size() - real, horizon,
                        people_affected(loaded, [&](model::AssetIndex a) { return cascade.failed(a); }));
  if (verbose) out += stay_up(*loaded.graph, [&](model::AssetIndex a) { return cascade.failed(a); });
  return out;
}

std::string render_cascade_json(const LoadedModel& loaded, const std::vector<engine::Seed>& seeds,
                                const engine::Cascade& cascade, model::Hours horizon) {
  Json out = cascade_json_head(loaded, seeds, horizon);
  auto events = Json::array();
  // Events by time, then id (asset indices follow id order).
  auto by_time_then_id = cascade.order;
  std::sort(by_time_then_id.begin(), by_time_then_id.end(), [&](model::AssetIndex x, model::AssetIndex y) {
    return std::tie(cascade.failure_time[x], x) < std::tie(cascade.failure_time[y], y);
  });
  for (auto a : by_time_then_id) {
    events.push_back(event_json(loaded, a, cascade.failure_time[a], cascade.cause_group[a], cascade.cause_supplier[a]));
  }
  out["events"] = std::move(events);
  out["summary"] = {{"failed", cascade.order.size()},
                    {"people_affected", people_json(people_affected(loaded, [&](model::AssetIndex a) {
                       return cascade.failed(a);
                     }))}};
  return out.dump(2) + "\n";
}

std::string render_restoration_text(const LoadedModel& loaded, const std::vector<engine::Seed>& seeds,
                                    const engine::Restoration& restoration, model::Hours horizon, bool verbose) {
  const auto& model = loaded.model;
  const auto& graph = *loaded.graph;
  std::string out = heading(loaded, "Cascade with restoration", seeds, horizon);
  std::vector<model::AssetIndex> on_timeline;
  for (const auto& event : restoration.events) on_timeline.push_back(event.asset);
  const Columns columns = columns_for(loaded, on_timeline);
  for (const auto& event : restoration.events) {
    const auto& asset = model.assets[event.asset];
    const std::string what = event.kind == engine::RestorationEvent::Kind::back
                                 ? back_text(asset, restoration.down[event.asset], event.at)
                                 : cause_text(loaded, event.asset, event.cause_group, event.cause_supplier);
    out += timeline_line(asset, event.at, columns, what);
  }
  std::size_t real = 0, virtual_failed = 0, returns = 0, still_down = 0;
  for (model::AssetIndex a = 0; a < graph.asset_count(); ++a) {
    const auto& intervals = restoration.down[a];
    if (intervals.empty()) continue;
    for (const auto& interval : intervals) returns += interval.end != model::kNever ? 1 : 0;
    if (intervals.back().end == model::kNever && !graph.is_virtual(a)) ++still_down;
    ++(graph.is_virtual(a) ? virtual_failed : real);
  }
  out += failed_summary(real, virtual_failed, horizon,
                        people_affected(loaded, [&](model::AssetIndex a) { return !restoration.down[a].empty(); }));
  out += fmt::format("{} return{} within {}; {} asset{} still down at {}\n", returns, returns == 1 ? "" : "s",
                     model::format_hours(horizon), still_down, still_down == 1 ? "" : "s",
                     model::format_hours(horizon));
  if (verbose) out += stay_up(graph, [&](model::AssetIndex a) { return !restoration.down[a].empty(); });
  return out;
}

std::string render_restoration_json(const LoadedModel& loaded, const std::vector<engine::Seed>& seeds,
                                    const engine::Restoration& restoration, model::Hours horizon) {
  const auto& graph = *loaded.graph;
  Json out = cascade_json_head(loaded, seeds, horizon);
  // Events and returns by time, then id (asset indices follow id order).
  std::vector<std::pair<model::Hours, model::AssetIndex>> returned;
  std::vector<std::tuple<model::Hours, model::AssetIndex, const engine::DownInterval*>> failed;
  std::size_t failed_assets = 0;
  for (model::AssetIndex a = 0; a < graph.asset_count(); ++a) {
    if (restoration.down[a].empty()) continue;
    ++failed_assets;
    for (const auto& interval : restoration.down[a]) {
      failed.emplace_back(interval.start, a, &interval);
      if (interval.end != model::kNever) returned.emplace_back(interval.end, a);
    }
  }
  std::sort(failed.begin(), failed.end(), [](const auto& x, const auto& y) {
    return std::tie(std::get<0>(x), std::get<1>(x)) < std::tie(std::get<0>(y), std::get<1>(y));
  });
  std::sort(returned.begin(), returned.end());
  auto events = Json::array();
  for (const auto& [at, a, interval] : failed)
    events.push_back(event_json(loaded, a, at, interval->cause_group, interval->cause_supplier));
  out["events"] = std::move(events);
  auto restored = Json::array();
  for (const auto& [at, a] : returned) restored.push_back({{"id", graph.id(a)}, {"t_h", at}});
  out["restored"] = std::move(restored);
  out["summary"] = {{"failed", failed_assets},
                    {"people_affected", people_json(people_affected(loaded, [&](model::AssetIndex a) {
                       return !restoration.down[a].empty();
                     }))}};
  return out.dump(2) + "\n";
}

}  // namespace knelpunt::cli
