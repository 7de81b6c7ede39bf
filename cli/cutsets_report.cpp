#include "cli/cutsets_report.hpp"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/cli_texts.hpp"
#include "engine/restoration.hpp"
#include "model/text_format.hpp"

namespace knelpunt::cli {

namespace {

using Json = nlohmann::ordered_json;
using model::json_number_or_null;

Json probability_json(const engine::ProbabilityResult& probability) {
  Json p;
  p["value"] = json_number_or_null(probability.value);
  if (probability.method == engine::ProbabilityMethod::too_large) {
    p["method"] = "too-large";
    p["node_limit"] = probability.node_limit;
    p["max_sets"] = probability.bounds_max_sets;
  } else if (probability.method == engine::ProbabilityMethod::exact) {
    p["method"] = "exact";
    p["algorithm"] = "bdd";
    p["fussell_vesely_computed"] = probability.fussell_vesely_computed;
  } else {
    p["method"] = "bounds";
    p["rare_event"] = *probability.rare_event;
    p["min_cut_upper_bound"] = *probability.min_cut_upper_bound;
  }
  return p;
}

Json importance_json(const model::DependencyGraph& graph, const engine::ProbabilityResult& probability) {
  auto rows = Json::array();
  for (const auto& row : probability.importance) {
    Json item;
    item["asset"] = graph.id(row.asset);
    item["birnbaum"] = json_number_or_null(row.birnbaum);
    item["criticality"] = json_number_or_null(row.criticality);
    item["fussell_vesely"] = json_number_or_null(row.fussell_vesely);
    item["raw"] = json_number_or_null(row.raw);
    item["rrw"] = json_number_or_null(row.rrw);
    rows.push_back(std::move(item));
  }
  return rows;
}

std::string probability_text(const model::DependencyGraph& graph, const std::string& target_id,
                             const engine::ProbabilityResult& probability, std::string_view lang) {
  auto number = [&](double value) { return model::format_significant(value, 6, lang); };
  std::string out = "\n";
  auto whole = [&](double value) { return model::format_grouped_integer(value, lang); };
  if (probability.method == engine::ProbabilityMethod::too_large) {
    out += cli_format(CliText::probability_too_large, lang, target_id,
                      whole(static_cast<double>(probability.node_limit)),
                      whole(static_cast<double>(probability.bounds_max_sets)));
  } else if (probability.method == engine::ProbabilityMethod::exact) {
    out += cli_format(CliText::probability_exact, lang, target_id, number(probability.value));
  } else {
    out += cli_format(CliText::probability_bounds, lang, target_id, number(probability.value),
                      number(*probability.min_cut_upper_bound), number(*probability.rare_event));
  }
  out += "\n";
  if (probability.importance.empty()) return out;
  // Birnbaum and Fussell-Vesely are names, RAW and RRW abbreviations: the same in both languages.
  out += fmt::format("\n{:<24} {:>12} {:>12} {:>12} {:>12} {:>12}\n", cli_text(CliText::column_asset, lang),
                     "birnbaum", cli_text(CliText::column_criticality, lang), "fussell-v.", "raw", "rrw");
  auto cell = [&](double value) { return fmt::format("{:>12}", std::isfinite(value) ? number(value) : "-"); };
  for (const auto& row : probability.importance)
    out += fmt::format("{:<24} {} {} {} {} {}\n", graph.id(row.asset), cell(row.birnbaum), cell(row.criticality),
                       cell(row.fussell_vesely), cell(row.raw), cell(row.rrw));
  if (!probability.fussell_vesely_computed) {
    const auto limit = model::format_grouped_integer(static_cast<double>(probability.fussell_vesely_node_limit), lang);
    out += "\n" + cli_format(CliText::fussell_vesely_not_computed, lang, limit) + "\n";
  }
  return out;
}

}  // namespace

std::string render_cutsets_json(const LoadedModel& loaded, const CutSetsQuery& query, const engine::CutSets& cut_sets,
                                const std::optional<engine::ProbabilityResult>& probability) {
  const auto& graph = *loaded.graph;
  Json out;
  out["format"] = "knelpunt-cutsets/1";
  out["target"] = query.target_id;
  out["max_order"] = query.max_order;
  out["horizon_h"] = model::json_hours(query.horizon);
  auto sets = Json::array();
  for (const auto& set : cut_sets.sets) {
    auto ids = Json::array();
    for (auto a : set) ids.push_back(graph.id(a));
    sets.push_back(std::move(ids));
  }
  out["cutsets"] = std::move(sets);
  auto by_order = Json::object();
  for (const auto& [order, count] : cut_sets.by_order) by_order[std::to_string(order)] = count;
  out["by_order"] = std::move(by_order);
  if (probability) {
    out["probability"] = probability_json(*probability);
    out["importance"] = importance_json(graph, *probability);
  }
  return out.dump(2) + "\n";
}

std::string render_cutsets_text(const LoadedModel& loaded, const CutSetsQuery& query, const engine::CutSets& cut_sets,
                                const std::optional<engine::ProbabilityResult>& probability, std::string_view lang) {
  const auto& graph = *loaded.graph;
  const auto& asset = loaded.model.assets[query.target];
  std::string out =
      cli_format(CliText::cutsets_heading, lang, asset.id, asset.name.empty() ? std::string() : " (" + asset.name + ")",
                 within(query.horizon, lang),
                 query.max_order == 0 ? std::string(cli_text(CliText::any_order, lang))
                                      : std::to_string(query.max_order),
                 counted(cut_sets.sets.size(), CliText::cut_sets_one, CliText::cut_sets_many, lang)) +
      "\n";
  for (const auto& [order, count] : cut_sets.by_order) {
    const std::string_view label = order == 1   ? cli_text(CliText::order_single_points, lang)
                                   : order == 2 ? cli_text(CliText::order_pairs, lang)
                                                : std::string_view();
    out += "\n" + cli_format(CliText::order_heading, lang, order, model::format_grouped_integer(static_cast<double>(count), lang), label) +
           "\n";
    for (const auto& set : cut_sets.sets) {
      if (set.size() != order) continue;
      std::string line;
      for (auto a : set) line += (line.empty() ? "" : ", ") + std::string(graph.id(a));
      out += "  " + line + "\n";
    }
  }
  if (probability) out += probability_text(graph, asset.id, *probability, lang);
  // The register counts with repairs (docs/restoration.md); without a horizon
  // there are none to count (docs/reach.md).
  if (engine::has_recovery(loaded.model) && !std::isinf(query.horizon))
    out += "\n" + std::string(cli_text(CliText::cutsets_without_repairs, lang));
  return out;
}

}  // namespace knelpunt::cli
