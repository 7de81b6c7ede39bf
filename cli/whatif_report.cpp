#include "cli/whatif_report.hpp"

#include "engine/affected_people.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "assessors/local_format.hpp"
#include "cli/cli_texts.hpp"
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

/// "Cascade[ with restoration] in REGION within horizon H: initial ID@T, …"
/// (Dutch: "Uitvalketen … binnen H: beginuitval ID (t+T), …") and a blank line.
std::string heading(const LoadedModel& loaded, CliText what, const std::vector<engine::Seed>& seeds,
                    model::Hours horizon, std::string_view lang) {
  std::string initial;
  for (const auto& seed : sorted_seeds(seeds)) {
    if (!initial.empty()) initial += ", ";
    initial += cli_format(CliText::initial_at, lang, loaded.graph->id(seed.asset), model::format_duration(seed.at, lang));
  }
  const auto& region = loaded.model.region.name;
  return cli_format(CliText::cascade_heading, lang, cli_text(what, lang),
                    region.empty() ? cli_text(CliText::the_model, lang) : std::string_view(region),
                    within(horizon, lang), initial) +
         "\n\n";
}

/// The widths of the time, id and name columns for the events on the timeline.
struct Columns {
  std::size_t time_width = 8;
  std::size_t id_width = 5;
  std::size_t name_width = 4;
};

/// A name on the timeline: "[virtual] " before a virtual asset's name, cut to 40 characters.
std::string timeline_name(const model::Asset& asset, std::string_view lang) {
  std::string name = (asset.is_virtual ? std::string(cli_text(CliText::virtual_marker, lang)) : "") + name_of(asset);
  if (name.size() > 40) name = name.substr(0, 39) + "~";
  return name;
}

/// The columns that fit `assets` failing or returning at `times` (one time per asset, in step).
Columns columns_for(const LoadedModel& loaded, const std::vector<model::AssetIndex>& assets,
                    const std::vector<model::Hours>& times, std::string_view lang) {
  Columns columns;
  for (auto a : assets) {
    const auto& asset = loaded.model.assets[a];
    columns.id_width = std::max(columns.id_width, asset.id.size());
    columns.name_width = std::max(columns.name_width, timeline_name(asset, lang).size());
  }
  // Dutch durations ("1 uur 15 min") are wider than the compact English ones.
  for (auto at : times) columns.time_width = std::max(columns.time_width, model::format_duration(at, lang).size());
  return columns;
}

std::string timeline_line(const model::Asset& asset, model::Hours at, const Columns& columns, const std::string& what,
                          std::string_view lang) {
  return fmt::format("T+{:<{}} {:<{}}  {:<{}}  {}\n", model::format_duration(at, lang), columns.time_width, asset.id,
                     columns.id_width, timeline_name(asset, lang), columns.name_width, what);
}

/// "initial failure", or "via SUPPLIER (kind, k of n suppliers lost, buffer T)",
/// the kind by its resource-kinds catalogue name in `lang` ("elektriciteit",
/// not the id "power": an id is no Dutch word to a reader).
/// When the group was lost with fewer suppliers down than that takes
/// (`no_source`: no supply from a source reached it any more, a mesh cut off
/// from its sources or suppliers on own buffers; docs/model.md, Supply from
/// sources), that is said instead of a count of lost suppliers.
std::string cause_text(const LoadedModel& loaded, model::AssetIndex a, model::GroupIndex cause_group,
                       model::AssetIndex cause_supplier, bool no_source, std::string_view lang) {
  if (cause_group == model::kNoIndex) return std::string(cli_text(CliText::initial_failure, lang));
  const auto& graph = *loaded.graph;
  const auto& group = graph.group(cause_group);
  const auto& dependency = loaded.model.assets[a].depends_on[group.position];
  std::string cause = cli_format(CliText::via, lang, graph.id(cause_supplier));
  // An empty kind has no catalogue entry and stays empty.
  std::string detail = assessors::resource_kind_name(loaded.reference, dependency.kind).in(lang);
  if (no_source)
    detail += (detail.empty() ? "" : ", ") + std::string(cli_text(CliText::no_supply_from_source, lang));
  else if (group.supplier_count > 1)
    detail += (detail.empty() ? "" : ", ") +
              cli_format(CliText::suppliers_lost, lang, group.losses_to_fail(), group.supplier_count);
  if (group.time_to_impact > 0)
    detail += (detail.empty() ? "" : ", ") +
              cli_format(CliText::buffer, lang, model::format_duration(group.time_to_impact, lang));
  if (!detail.empty()) cause += " (" + detail + ")";
  return cause;
}

/// When a group was lost, given the failure it caused `buffer` hours later,
/// rounded up by a rounding error's worth: (L + b) − b need not be L exactly.
model::Hours lost_with_slack(model::Hours failed, model::Hours buffer) {
  const model::Hours lost = failed - buffer;
  return lost + 1e-9 * std::max(1.0, std::abs(failed));
}

/// Whether a failure through group `g` at `at` came from a loss of supply
/// from a source rather than from failed suppliers: when the group was lost
/// (`at` less its buffer), fewer of its suppliers were down than it takes to
/// lose it (docs/model.md, Supply from sources: a mesh cut off from its
/// sources, or suppliers on own buffers). `down_at(s, t)` says whether
/// supplier s was down at t.
template <class DownAt>
bool lost_for_lack_of_source(const LoadedModel& loaded, model::GroupIndex g, model::Hours at, DownAt down_at) {
  if (g == model::kNoIndex) return false;
  const auto& group = loaded.graph->group(g);
  const model::Hours lost = lost_with_slack(at, group.time_to_impact);
  std::uint32_t down = 0;
  for (auto s : loaded.graph->suppliers(g)) down += down_at(s, lost) ? 1 : 0;
  return down < group.losses_to_fail();
}

/// The same for asset `a` of a cascade (failures are permanent).
bool no_supply_from_source(const LoadedModel& loaded, const engine::Cascade& cascade, model::AssetIndex a) {
  return lost_for_lack_of_source(loaded, cascade.cause_group[a], cascade.failure_time[a],
                                 [&](model::AssetIndex s, model::Hours t) { return cascade.failure_time[s] <= t; });
}

/// The same for a failure at `at` through group `g` on a restoration timeline.
bool no_supply_from_source(const LoadedModel& loaded, const engine::Restoration& restoration, model::Hours at,
                           model::GroupIndex g) {
  return lost_for_lack_of_source(loaded, g, at, [&](model::AssetIndex s, model::Hours t) {
    for (const auto& interval : restoration.down[s])
      if (interval.start <= t && t < interval.end) return true;
    return false;
  });
}

/// What a "back" line says: the time it needed — its recovery after a seed
/// (damage), its restart (when given) after a loss of supply. A seed while
/// already down for lack of supply is shown as a restart; that case is rare.
std::string back_text(const model::Asset& asset, const std::vector<engine::DownInterval>& down, model::Hours at,
                      std::string_view lang) {
  std::string what(cli_text(CliText::back, lang));
  bool seeded = false;
  for (const auto& interval : down)
    if (interval.end == at) seeded = interval.cause_group == model::kNoIndex;
  if (!seeded && asset.restart) {
    if (*asset.restart > 0) what += cli_format(CliText::restart, lang, model::format_duration(*asset.restart, lang));
  } else if (asset.recovery) {
    what += cli_format(CliText::recovery, lang, model::format_duration(*asset.recovery, lang));
  }
  return what;
}

/// The people affected by the assets that were down at some moment within
/// the horizon: residents of the areas that lost a service, each counted once
/// (engine/affected_people.hpp, decision 013), as the register counts them.
engine::AffectedPeople people_affected(const LoadedModel& loaded, const std::function<bool(model::AssetIndex)>& down) {
  std::vector<bool> was_down(loaded.graph->asset_count());
  for (model::AssetIndex a = 0; a < loaded.graph->asset_count(); ++a) was_down[a] = down(a);
  return engine::affected_people(engine::PeopleServed(loaded.model, loaded.reference.services_not_affecting_residents()), was_down);
}

/// The names (in `lang`, by id) of the services that affect no resident
/// (decision 059) that some asset down at some moment supplies to an area:
/// lost, but not counted in the people affected.
std::vector<std::string> uncounted_services_lost(const LoadedModel& loaded,
                                                 const std::function<bool(model::AssetIndex)>& down,
                                                 std::string_view lang) {
  const auto uncounted = loaded.reference.services_not_affecting_residents();
  std::set<std::string> lost_ids;  // by id, as the names are listed
  for (model::AssetIndex a = 0; a < loaded.graph->asset_count(); ++a) {
    if (!down(a)) continue;
    for (const auto& supply : loaded.model.assets[a].supplies)
      if (!supply.areas.empty() && std::find(uncounted.begin(), uncounted.end(), supply.service) != uncounted.end())
        lost_ids.insert(supply.service);
  }
  std::vector<std::string> lost;
  for (const auto& id : lost_ids) lost.push_back(assessors::resource_kind_name(loaded.reference, id).in(lang));
  return lost;
}

std::string failed_summary(std::size_t real, std::size_t virtual_failed, model::Hours horizon,
                           const engine::AffectedPeople& people, const std::vector<std::string>& uncounted_lost,
                           std::string_view lang) {
  const std::string_view bound = people.upper_bound ? cli_text(CliText::upper_bound_overlap, lang) : std::string_view();
  std::string people_text =
      people.areas == 0 && people.people == 0
          ? cli_format(CliText::people_none, lang, bound)
          : cli_format(CliText::people_in_areas, lang, model::format_grouped_integer(people.people, lang),
                       counted(people.areas, CliText::areas_one, CliText::areas_many, lang), bound);
  // Lost but not counted: say so, or "no area loses a service" reads as untrue.
  if (!uncounted_lost.empty())
    people_text += cli_format(CliText::uncounted_services_lost, lang, fmt::format("{}", fmt::join(uncounted_lost, ", ")));
  return "\n" +
         cli_format(real == 1 ? CliText::failed_summary_one : CliText::failed_summary_many, lang,
                    counted(real, CliText::assets_one, CliText::assets_many, lang), within(horizon, lang, false),
                    counted(virtual_failed, CliText::virtual_assets_one, CliText::virtual_assets_many, lang),
                    people_text) +
         "\n";
}

/// The register's "affected": non-virtual assets that fail, initial failures
/// excluded (docs/register.md), so that whatif, reach and the register give
/// one number.
std::size_t affected_count(const LoadedModel& loaded, const std::vector<engine::Seed>& seeds,
                           const std::function<bool(model::AssetIndex)>& down) {
  std::vector<bool> initial(loaded.graph->asset_count(), false);
  for (const auto& seed : seeds) initial[seed.asset] = true;
  std::size_t count = 0;
  for (model::AssetIndex a = 0; a < loaded.graph->asset_count(); ++a)
    if (down(a) && !initial[a] && !loaded.graph->is_virtual(a)) ++count;
  return count;
}

/// The affected count, said to be the register's only when it was counted
/// within the register's horizon (decision 045).
std::string affected_line(std::size_t affected, model::Hours horizon, std::optional<model::Hours> register_horizon,
                          std::string_view lang) {
  const std::string count = model::format_grouped_integer(static_cast<double>(affected), lang);
  if (register_horizon && *register_horizon == horizon)
    return cli_format(CliText::affected_as_register, lang, count) + "\n";
  if (register_horizon)
    return cli_format(CliText::affected_other_horizon, lang, within(horizon, lang), count,
                      within(*register_horizon, lang)) +
           "\n";
  return cli_format(CliText::affected_within, lang, within(horizon, lang), count) + "\n";
}

nlohmann::ordered_json people_json(const engine::AffectedPeople& people) {
  return {{"people", people.people}, {"areas", people.areas}, {"upper_bound", people.upper_bound}};
}

/// "\nStay up:\n" and the real assets for which `failed` is false.
std::string stay_up(const model::DependencyGraph& graph, const std::function<bool(model::AssetIndex)>& failed,
                    std::string_view lang) {
  std::string out = "\n" + std::string(cli_text(CliText::stay_up, lang)) + "\n";
  for (model::AssetIndex a = 0; a < graph.asset_count(); ++a)
    if (!failed(a) && !graph.is_virtual(a)) out += "  " + std::string(graph.id(a)) + "\n";
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
                model::AssetIndex cause_supplier, bool no_source) {
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
    // Only where it applies, so that other timelines keep their bytes.
    if (no_source) event["no_supply_from_source"] = true;
  }
  event["virtual"] = asset.is_virtual;
  event["population"] = asset.is_virtual ? 0.0 : asset.population();
  return event;
}

}  // namespace

std::string render_cascade_text(const LoadedModel& loaded, const std::vector<engine::Seed>& seeds,
                                const engine::Cascade& cascade, model::Hours horizon,
                                std::optional<model::Hours> register_horizon, bool verbose, std::string_view lang) {
  const auto& model = loaded.model;
  std::string out = heading(loaded, CliText::cascade, seeds, horizon, lang);
  std::vector<model::Hours> times;
  for (auto a : cascade.order) times.push_back(cascade.failure_time[a]);
  const Columns columns = columns_for(loaded, cascade.order, times, lang);
  std::size_t real = 0;
  for (auto a : cascade.order) {
    const auto& asset = model.assets[a];
    out += timeline_line(asset, cascade.failure_time[a], columns,
                         cause_text(loaded, a, cascade.cause_group[a], cascade.cause_supplier[a],
                                    no_supply_from_source(loaded, cascade, a), lang),
                         lang);
    if (!asset.is_virtual) ++real;
  }
  const auto cascade_down = [&](model::AssetIndex a) { return cascade.failed(a); };
  out += failed_summary(real, cascade.order.size() - real, horizon, people_affected(loaded, cascade_down),
                        uncounted_services_lost(loaded, cascade_down, lang), lang);
  out += affected_line(affected_count(loaded, seeds, [&](model::AssetIndex a) { return cascade.failed(a); }), horizon,
                       register_horizon, lang);
  if (verbose) out += stay_up(*loaded.graph, [&](model::AssetIndex a) { return cascade.failed(a); }, lang);
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
    events.push_back(event_json(loaded, a, cascade.failure_time[a], cascade.cause_group[a], cascade.cause_supplier[a],
                                no_supply_from_source(loaded, cascade, a)));
  }
  out["events"] = std::move(events);
  out["summary"] = {{"failed", cascade.order.size()},
                    {"affected", affected_count(loaded, seeds, [&](model::AssetIndex a) { return cascade.failed(a); })},
                    {"people_affected", people_json(people_affected(loaded, [&](model::AssetIndex a) {
                       return cascade.failed(a);
                     }))}};
  return out.dump(2) + "\n";
}

std::string render_restoration_text(const LoadedModel& loaded, const std::vector<engine::Seed>& seeds,
                                    const engine::Restoration& restoration, model::Hours horizon,
                                    std::optional<model::Hours> register_horizon, bool verbose,
                                    std::string_view lang) {
  const auto& model = loaded.model;
  const auto& graph = *loaded.graph;
  std::string out = heading(loaded, CliText::cascade_with_restoration, seeds, horizon, lang);
  std::vector<model::AssetIndex> on_timeline;
  std::vector<model::Hours> times;
  for (const auto& event : restoration.events) {
    on_timeline.push_back(event.asset);
    times.push_back(event.at);
  }
  const Columns columns = columns_for(loaded, on_timeline, times, lang);
  for (const auto& event : restoration.events) {
    const auto& asset = model.assets[event.asset];
    const std::string what = event.kind == engine::RestorationEvent::Kind::back
                                 ? back_text(asset, restoration.down[event.asset], event.at, lang)
                                 : cause_text(loaded, event.asset, event.cause_group, event.cause_supplier,
                                              no_supply_from_source(loaded, restoration, event.at, event.cause_group),
                                              lang);
    out += timeline_line(asset, event.at, columns, what, lang);
  }
  std::size_t real = 0, virtual_failed = 0, returns = 0, still_down = 0;
  for (model::AssetIndex a = 0; a < graph.asset_count(); ++a) {
    const auto& intervals = restoration.down[a];
    if (intervals.empty()) continue;
    for (const auto& interval : intervals) returns += interval.end != model::kNever ? 1 : 0;
    if (intervals.back().end == model::kNever && !graph.is_virtual(a)) ++still_down;
    ++(graph.is_virtual(a) ? virtual_failed : real);
  }
  const auto restoration_down = [&](model::AssetIndex a) { return !restoration.down[a].empty(); };
  out += failed_summary(real, virtual_failed, horizon, people_affected(loaded, restoration_down),
                        uncounted_services_lost(loaded, restoration_down, lang), lang);
  out += affected_line(
      affected_count(loaded, seeds, [&](model::AssetIndex a) { return !restoration.down[a].empty(); }), horizon,
      register_horizon, lang);
  out += cli_format(CliText::restoration_summary, lang,
                    counted(returns, CliText::returns_one, CliText::returns_many, lang),
                    model::format_duration(horizon, lang),
                    counted(still_down, CliText::assets_one, CliText::assets_many, lang),
                    model::format_duration(horizon, lang)) +
         "\n";
  if (verbose) out += stay_up(graph, [&](model::AssetIndex a) { return !restoration.down[a].empty(); }, lang);
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
    events.push_back(event_json(loaded, a, at, interval->cause_group, interval->cause_supplier,
                                no_supply_from_source(loaded, restoration, at, interval->cause_group)));
  out["events"] = std::move(events);
  auto restored = Json::array();
  for (const auto& [at, a] : returned) restored.push_back({{"id", graph.id(a)}, {"t_h", at}});
  out["restored"] = std::move(restored);
  out["summary"] = {{"failed", failed_assets},
                    {"affected", affected_count(loaded, seeds,
                                                [&](model::AssetIndex a) { return !restoration.down[a].empty(); })},
                    {"people_affected", people_json(people_affected(loaded, [&](model::AssetIndex a) {
                       return !restoration.down[a].empty();
                     }))}};
  return out.dump(2) + "\n";
}

}  // namespace knelpunt::cli
