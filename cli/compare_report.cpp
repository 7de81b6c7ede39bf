#include "cli/compare_report.hpp"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/cli_texts.hpp"
#include "model/duration.hpp"
#include "model/text_format.hpp"

namespace knelpunt::cli {

using risk_register::VariantComparison;

namespace {

/// Whole euro with the thousands grouping of `lang` (€ 1.234.567, € 1,234,567).
std::string money(double euro, std::string_view lang) { return "€ " + model::format_grouped_integer(euro, lang); }

/// A change with its sign (+0,250 / -2,332): the sign says which way the measure moves it.
std::string signed_decimal(double value, int decimals, std::string_view lang) {
  const std::string text = model::format_decimal(value, decimals, lang);
  return text.front() == '-' ? text : "+" + text;
}

}  // namespace

std::string render_compare_text(const std::vector<VariantComparison>& ranked, std::string_view lang) {
  std::string out;
  for (std::size_t rank = 0; rank < ranked.size(); ++rank) {
    const auto& c = ranked[rank];
    out += fmt::format("{}. {}{}\n", rank + 1, c.variant, c.title.empty() ? "" : " — " + c.title);
    out += fmt::format("   {}: {}\n", cli_text(CliText::cost, lang),
                       c.cost ? money(*c.cost, lang) : std::string(cli_text(CliText::unknown, lang)));
    out += fmt::format("   {}: {} → {} ({}){}\n", cli_text(CliText::expected_annual_impact, lang),
                       model::format_decimal(c.base_expected_impact, 3, lang),
                       model::format_decimal(c.variant_expected_impact, 3, lang), signed_decimal(-c.reduction(), 3, lang),
                       c.reduction_per_euro ? fmt::format("; {} {}", model::format_decimal(*c.reduction_per_euro * 1e6, 4, lang),
                                                          cli_text(CliText::per_million_euro, lang))
                                            : std::string());
    out += fmt::format("   {}: {}\n", cli_text(CliText::risks, lang),
                       cli_format(CliText::risks_counts, lang, c.removed.size(), c.reduced.size(), c.raised.size(),
                                  c.added.size()));
    for (const auto& r : c.removed)
      out += fmt::format("     - {} ({}) {}\n", r.id, r.old_level_name.in(lang), r.title.in(lang));
    for (const auto& r : c.reduced)
      out += fmt::format("     ↓ {} ({} → {}) {}\n", r.id, r.old_level_name.in(lang),
                         r.new_level_name.in(lang), r.title.in(lang));
    for (const auto& r : c.raised)
      out += fmt::format("     ↑ {} ({} → {}) {}\n", r.id, r.old_level_name.in(lang),
                         r.new_level_name.in(lang), r.title.in(lang));
    for (const auto& r : c.added)
      out += fmt::format("     + {} ({}) {}\n", r.id, r.new_level_name.in(lang), r.title.in(lang));
    std::vector<std::string> points;
    for (std::size_t i = 0; i < c.base_people.at_h.size(); ++i)
      points.push_back(fmt::format("t+{}: {} → {}", model::format_duration(c.base_people.at_h[i], lang),
                                   model::format_grouped_integer(c.base_people.people[i], lang),
                                   model::format_grouped_integer(c.variant_people.people[i], lang)));
    out += fmt::format("   {}: {}\n", cli_text(CliText::people_affected_summed, lang), fmt::join(points, "; "));
    out += fmt::format("   {}: {} → {}\n", cli_text(CliText::people_hours_likewise, lang),
                       model::format_grouped_integer(c.base_people.people_hours, lang),
                       model::format_grouped_integer(c.variant_people.people_hours, lang));
  }
  return out;
}

namespace {

nlohmann::ordered_json risk_changes(const std::vector<risk_register::RiskChange>& changes, std::string_view lang) {
  auto list = nlohmann::ordered_json::array();
  for (const auto& r : changes)
    list.push_back({{"id", r.id}, {"old_level", r.old_level.empty() ? nullptr : nlohmann::ordered_json(r.old_level)},
                    {"new_level", r.new_level.empty() ? nullptr : nlohmann::ordered_json(r.new_level)},
                    {"title", r.title.in(lang)}});
  return list;
}

}  // namespace

std::string render_compare_json(const std::vector<VariantComparison>& ranked, std::string_view lang,
                                const std::string& model_name) {
  nlohmann::ordered_json root;
  root["format"] = "knelpunt-compare/1";
  root["model"] = model_name;
  root["lang"] = std::string(lang);
  auto variants = nlohmann::ordered_json::array();
  for (std::size_t rank = 0; rank < ranked.size(); ++rank) {
    const auto& c = ranked[rank];
    nlohmann::ordered_json v;
    v["rank"] = rank + 1;
    v["variant"] = c.variant;
    v["title"] = c.title;
    v["cost_eur"] = c.cost ? nlohmann::ordered_json(*c.cost) : nullptr;
    v["expected_annual_impact"] = {{"base", c.base_expected_impact}, {"variant", c.variant_expected_impact},
                                   {"reduction", c.reduction()}};
    v["reduction_per_million_eur"] = c.reduction_per_euro ? nlohmann::ordered_json(*c.reduction_per_euro * 1e6) : nullptr;
    v["risks"] = {{"removed", risk_changes(c.removed, lang)}, {"reduced", risk_changes(c.reduced, lang)},
                  {"raised", risk_changes(c.raised, lang)}, {"added", risk_changes(c.added, lang)}};
    auto people = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < c.base_people.at_h.size(); ++i)
      people.push_back({{"t_h", c.base_people.at_h[i]}, {"base", c.base_people.people[i]},
                        {"variant", c.variant_people.people[i]}});
    v["people_affected"] = std::move(people);
    // Whole people-hours: the fractions are artefacts of minute buffers, not information.
    v["people_hours"] = {{"base", std::round(c.base_people.people_hours)}, {"variant", std::round(c.variant_people.people_hours)}};
    variants.push_back(std::move(v));
  }
  root["variants"] = std::move(variants);
  return root.dump(2) + "\n";
}

std::string render_compare_markdown(const std::vector<VariantComparison>& ranked, std::string_view lang,
                                    const std::string& model_name) {
  std::string out = fmt::format("# {}: {}\n\n", cli_text(CliText::measures_compared, lang),
                                model::markdown_escape(model_name));
  out += fmt::format("{}\n", cli_text(CliText::compare_table_header, lang));
  out += "|---|---|---|---|---|---|---|---|---|\n";
  for (std::size_t rank = 0; rank < ranked.size(); ++rank) {
    const auto& c = ranked[rank];
    out += fmt::format("| {} | {} | {} | {} → {} | {} | {} | {} | {} | {} |\n", rank + 1,
                       model::markdown_escape(c.title.empty() ? c.variant : c.title + " (" + c.variant + ")"),
                       c.cost ? money(*c.cost, lang) : "–", model::format_decimal(c.base_expected_impact, 3, lang),
                       model::format_decimal(c.variant_expected_impact, 3, lang),
                       c.reduction_per_euro ? model::format_decimal(*c.reduction_per_euro * 1e6, 4, lang) : "–",
                       c.removed.size(), c.reduced.size(), c.raised.size(), c.added.size());
  }
  for (const auto& c : ranked) {
    out += fmt::format("\n## {}\n\n", model::markdown_escape(c.title.empty() ? c.variant : c.title));
    auto list = [&](CliText heading, const std::vector<risk_register::RiskChange>& changes) {
      if (changes.empty()) return;
      out += fmt::format("**{}**\n\n", cli_text(heading, lang));
      for (const auto& r : changes)
        out += fmt::format("- {} ({}{}{}) {}\n", r.id, r.old_level_name.in(lang),
                           !r.old_level.empty() && !r.new_level.empty() ? " → " : "",
                           r.new_level_name.in(lang), model::markdown_escape(r.title.in(lang)));
      out += "\n";
    };
    list(CliText::risks_removed, c.removed);
    list(CliText::risks_reduced, c.reduced);
    list(CliText::risks_raised, c.raised);
    list(CliText::risks_added, c.added);
    out += fmt::format("{}\n", cli_text(CliText::people_table_header, lang));
    out += "|---|---|---|\n";
    for (std::size_t i = 0; i < c.base_people.at_h.size(); ++i)
      out += fmt::format("| t+{} | {} | {} |\n", model::format_duration(c.base_people.at_h[i], lang),
                         model::format_grouped_integer(c.base_people.people[i], lang),
                         model::format_grouped_integer(c.variant_people.people[i], lang));
    out += fmt::format("| {} | {} | {} |\n", cli_text(CliText::people_hours_without_service, lang),
                       model::format_grouped_integer(c.base_people.people_hours, lang),
                       model::format_grouped_integer(c.variant_people.people_hours, lang));
    // Each scenario counts an area once (decision 013), but the same residents
    // appear in several scenarios: the sums rank measures, they do not count heads.
    out += fmt::format("\n{}\n", cli_text(CliText::people_sum_note, lang));
  }
  return out;
}

}  // namespace knelpunt::cli
