#include "cli/cutsets_report.hpp"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "model/text_format.hpp"

namespace knelpunt::cli {

namespace {

using Json = nlohmann::ordered_json;
using model::json_number_or_null;

Json probability_json(const engine::ProbabilityResult& probability) {
  Json p;
  p["value"] = probability.value;
  if (probability.method == engine::ProbabilityMethod::exact) {
    p["method"] = "exact";
    p["algorithm"] = "bdd";
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
                             const engine::ProbabilityResult& probability) {
  std::string out;
  if (probability.method == engine::ProbabilityMethod::exact) {
    out += fmt::format("\nProbability that {} fails: {:.6g} (exact, BDD)\n", target_id, probability.value);
  } else {
    out += fmt::format(
        "\nProbability that {} fails: at most {:.6g} (bounds from the cut sets: min-cut upper bound {:.6g}, "
        "rare-event {:.6g}; the BDD was too large)\n",
        target_id, probability.value, *probability.min_cut_upper_bound, *probability.rare_event);
  }
  if (probability.importance.empty()) return out;
  out += fmt::format("\n{:<24} {:>12} {:>12} {:>12} {:>12} {:>12}\n", "asset", "birnbaum", "criticality",
                     "fussell-v.", "raw", "rrw");
  auto cell = [](double value) {
    return std::isfinite(value) ? fmt::format("{:12.6g}", value) : fmt::format("{:>12}", "-");
  };
  for (const auto& row : probability.importance)
    out += fmt::format("{:<24} {} {} {} {} {}\n", graph.id(row.asset), cell(row.birnbaum), cell(row.criticality),
                       cell(row.fussell_vesely), cell(row.raw), cell(row.rrw));
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
                                const std::optional<engine::ProbabilityResult>& probability) {
  const auto& graph = *loaded.graph;
  const auto& asset = loaded.model.assets[query.target];
  std::string out = fmt::format("Minimal cut sets of {}{} within horizon {}, order ≤ {}: {} set{}\n", asset.id,
                                asset.name.empty() ? std::string() : " (" + asset.name + ")",
                                model::format_hours(query.horizon),
                                query.max_order == 0 ? std::string("any") : std::to_string(query.max_order),
                                cut_sets.sets.size(), cut_sets.sets.size() == 1 ? "" : "s");
  for (const auto& [order, count] : cut_sets.by_order) {
    const char* label = order == 1 ? " — single points of failure" : order == 2 ? " — common-cause pairs" : "";
    out += fmt::format("\nOrder {} ({}){}:\n", order, count, label);
    for (const auto& set : cut_sets.sets) {
      if (set.size() != order) continue;
      std::string line;
      for (auto a : set) line += (line.empty() ? "" : ", ") + graph.id(a);
      out += "  " + line + "\n";
    }
  }
  if (probability) out += probability_text(graph, asset.id, *probability);
  return out;
}

}  // namespace knelpunt::cli
