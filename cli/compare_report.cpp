#include "cli/compare_report.hpp"

#include <algorithm>
#include <cctype>
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

/// A change with its sign (+0,250 / -2,332): the sign says which way the
/// measure moves it. A change too small for `decimals` places gets as many
/// more as show two significant digits (+0,00034), never "+0,000" beside a
/// reduction per euro that is not zero.
std::string signed_decimal(double value, int decimals, std::string_view lang) {
  if (value != 0 && std::isfinite(value) && std::abs(value) < 0.5 * std::pow(10.0, -decimals))
    decimals = std::min(12, 1 - static_cast<int>(std::floor(std::log10(std::abs(value)))));
  const std::string text = model::format_decimal(value, decimals, lang);
  return text.front() == '-' ? text : "+" + text;
}

/// `text` with its first letter a capital, for a Markdown sentence or
/// heading made of a phrase the text output writes in lower case.
std::string capitalized(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
  return text;
}

/// "Phishing bij het drinkwaterbedrijf (phishing-drinkwater)", or the
/// variant's own events by their words and the variant's id.
std::string scenario_label(const risk_register::ScenarioPeople& scenario, std::string_view lang) {
  const std::string title =
      scenario.title.empty() ? std::string(cli_text(CliText::variant_own_events, lang)) : scenario.title;
  return fmt::format("{} ({})", title, scenario.id);
}

/// What the variant changes in one scenario: each checkpoint whose people
/// differ ("t+24 uur: 129.000 → 0"), then the people-hours when they
/// differ. Empty when nothing does.
std::string scenario_change(const risk_register::ScenarioPeople& scenario, std::string_view lang) {
  std::vector<std::string> parts;
  const auto& base = scenario.base;
  const auto& variant = scenario.variant;
  for (std::size_t i = 0; i < std::min(base.at_h.size(), variant.at_h.size()); ++i)
    if (base.people[i] != variant.people[i])
      parts.push_back(fmt::format("t+{}: {} → {}", model::format_duration(base.at_h[i], lang),
                                  model::format_grouped_integer(base.people[i], lang),
                                  model::format_grouped_integer(variant.people[i], lang)));
  if (base.people_hours != variant.people_hours)
    parts.push_back(fmt::format("{}: {} → {}", cli_text(CliText::scenario_people_hours, lang),
                                model::format_grouped_integer(base.people_hours, lang),
                                model::format_grouped_integer(variant.people_hours, lang)));
  return fmt::format("{}", fmt::join(parts, "; "));
}

/// The scenarios in which nothing changes, counted: "in 5 andere scenario's
/// verandert niets", or "in geen van de 6 scenario's verandert iets"; empty
/// when every scenario changes.
std::string unchanged_scenarios(std::size_t changed, std::size_t total, std::string_view lang) {
  if (total == 0) return std::string(cli_text(CliText::no_scenarios, lang));
  const std::size_t unchanged = total - changed;
  if (unchanged == 0) return {};
  if (changed == 0)
    return total == 1 ? std::string(cli_text(CliText::scenarios_all_unchanged_one, lang))
                      : cli_format(CliText::scenarios_all_unchanged_many, lang, total);
  return unchanged == 1 ? std::string(cli_text(CliText::scenarios_other_unchanged_one, lang))
                        : cli_format(CliText::scenarios_other_unchanged_many, lang, unchanged);
}

/// "samen uitgevallen: 16.160.000 mensuren zonder de maatregel, 16.160.000
/// met de maatregel — de maatregel verandert dit niet": an added pair's
/// joint failure on both sides (decision 057); empty for other risks.
std::string joint_failure(const risk_register::RiskChange& change, std::string_view lang) {
  if (!change.joint_failure) return {};
  const auto& joint = *change.joint_failure;
  return fmt::format("{} — {}",
                     cli_format(CliText::joint_failure, lang,
                                model::format_grouped_integer(joint.base_people_hours, lang),
                                model::format_grouped_integer(joint.variant_people_hours, lang)),
                     cli_text(joint.variant_people_hours == joint.base_people_hours ? CliText::joint_failure_same
                              : joint.variant_people_hours < joint.base_people_hours ? CliText::joint_failure_less
                                                                                     : CliText::joint_failure_worse,
                              lang));
}

/// "getroffen objecten 9 → 5; impactscore 39 → 12": what changed in a risk
/// that kept its level, only the figures that differ.
std::string same_level_change(const risk_register::RiskChange& change, std::string_view lang) {
  std::vector<std::string> parts;
  if (change.old_affected != change.new_affected)
    parts.push_back(cli_format(CliText::changed_affected, lang,
                               model::format_grouped_integer(static_cast<double>(change.old_affected), lang),
                               model::format_grouped_integer(static_cast<double>(change.new_affected), lang)));
  if (change.old_score != change.new_score)
    parts.push_back(cli_format(CliText::changed_score, lang, model::format_grouped_integer(change.old_score, lang),
                               model::format_grouped_integer(change.new_score, lang)));
  return fmt::format("{}", fmt::join(parts, "; "));
}

/// "mensuren zonder voorziening, opgeteld over de 6 scenario's: X → Y".
std::string people_hours_total(const VariantComparison& c, std::string_view lang) {
  const std::size_t total = c.scenarios.size();
  return fmt::format("{}: {} → {}",
                     total == 1 ? std::string(cli_text(CliText::people_hours_summed_one, lang))
                                : cli_format(CliText::people_hours_summed_many, lang, total),
                     model::format_grouped_integer(c.base_people_hours(), lang),
                     model::format_grouped_integer(c.variant_people_hours(), lang));
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
                                  c.added.size(), c.changed.size()));
    for (const auto& r : c.removed)
      out += fmt::format("     - {} ({}) {}\n", r.id, r.old_level_name.in(lang), r.title.in(lang));
    for (const auto& r : c.reduced)
      out += fmt::format("     ↓ {} ({} → {}) {}\n", r.id, r.old_level_name.in(lang),
                         r.new_level_name.in(lang), r.title.in(lang));
    for (const auto& r : c.raised)
      out += fmt::format("     ↑ {} ({} → {}) {}\n", r.id, r.old_level_name.in(lang),
                         r.new_level_name.in(lang), r.title.in(lang));
    for (const auto& r : c.added) {
      out += fmt::format("     + {} ({}) {}\n", r.id, r.new_level_name.in(lang), r.title.in(lang));
      if (const auto joint = joint_failure(r, lang); !joint.empty()) out += fmt::format("         {}\n", joint);
    }
    for (const auto& r : c.changed)
      out += fmt::format("     ~ {} ({}) {}\n         {}\n", r.id, r.new_level_name.in(lang), r.title.in(lang),
                         same_level_change(r, lang));
    // Per scenario, never summed: scenarios are alternatives, and a sum of
    // their people counts the same residents several times (decision 049).
    out += fmt::format("   {}:\n", cli_text(CliText::people_per_scenario, lang));
    std::size_t changed = 0;
    for (const auto& scenario : c.scenarios)
      if (scenario.changed()) {
        ++changed;
        out += fmt::format("     {}: {}\n", scenario_label(scenario, lang), scenario_change(scenario, lang));
      }
    if (const auto rest = unchanged_scenarios(changed, c.scenarios.size(), lang); !rest.empty())
      out += fmt::format("     {}\n", rest);
    if (!c.scenarios.empty()) out += fmt::format("   {}\n", people_hours_total(c, lang));
  }
  return out;
}

namespace {

nlohmann::ordered_json risk_changes(const std::vector<risk_register::RiskChange>& changes, std::string_view lang) {
  auto list = nlohmann::ordered_json::array();
  for (const auto& r : changes) {
    nlohmann::ordered_json change{{"id", r.id},
                                  {"old_level", r.old_level.empty() ? nullptr : nlohmann::ordered_json(r.old_level)},
                                  {"new_level", r.new_level.empty() ? nullptr : nlohmann::ordered_json(r.new_level)},
                                  {"title", r.title.in(lang)}};
    if (r.joint_failure)
      change["joint_failure_people_hours"] = {{"base", std::round(r.joint_failure->base_people_hours)},
                                              {"variant", std::round(r.joint_failure->variant_people_hours)}};
    if (!r.old_level.empty() && !r.new_level.empty()) {
      change["affected"] = {{"base", r.old_affected}, {"variant", r.new_affected}};
      change["impact_score"] = {{"base", r.old_score}, {"variant", r.new_score}};
    }
    list.push_back(std::move(change));
  }
  return list;
}

}  // namespace

std::string render_compare_json(const std::vector<VariantComparison>& ranked, std::string_view lang,
                                const std::string& model_name) {
  nlohmann::ordered_json root;
  root["format"] = "knelpunt-compare/2";
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
                  {"raised", risk_changes(c.raised, lang)}, {"added", risk_changes(c.added, lang)},
                  {"changed", risk_changes(c.changed, lang)}};
    // Whole people-hours: the fractions are artefacts of minute buffers, not information.
    auto scenarios = nlohmann::ordered_json::array();
    for (const auto& scenario : c.scenarios) {
      auto people = nlohmann::ordered_json::array();
      for (std::size_t i = 0; i < std::min(scenario.base.at_h.size(), scenario.variant.at_h.size()); ++i)
        people.push_back({{"t_h", scenario.base.at_h[i]}, {"base", scenario.base.people[i]},
                          {"variant", scenario.variant.people[i]}});
      scenarios.push_back({{"scenario", scenario.id},
                           {"horizon_h", scenario.base.horizon},
                           {"changed", scenario.changed()},
                           {"people_affected", std::move(people)},
                           {"people_hours", {{"base", std::round(scenario.base.people_hours)},
                                             {"variant", std::round(scenario.variant.people_hours)}}}});
    }
    v["scenarios"] = std::move(scenarios);
    v["people_hours"] = {{"base", std::round(c.base_people_hours())}, {"variant", std::round(c.variant_people_hours())}};
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
  out += "|---|---|---|---|---|---|---|---|---|---|\n";
  for (std::size_t rank = 0; rank < ranked.size(); ++rank) {
    const auto& c = ranked[rank];
    out += fmt::format("| {} | {} | {} | {} → {} | {} | {} | {} | {} | {} | {} |\n", rank + 1,
                       model::markdown_escape(c.title.empty() ? c.variant : c.title + " (" + c.variant + ")"),
                       c.cost ? money(*c.cost, lang) : "–", model::format_decimal(c.base_expected_impact, 3, lang),
                       model::format_decimal(c.variant_expected_impact, 3, lang),
                       c.reduction_per_euro ? model::format_decimal(*c.reduction_per_euro * 1e6, 4, lang) : "–",
                       c.removed.size(), c.reduced.size(), c.raised.size(), c.added.size(), c.changed.size());
  }
  for (const auto& c : ranked) {
    out += fmt::format("\n## {}\n\n", model::markdown_escape(c.title.empty() ? c.variant : c.title));
    auto list = [&](CliText heading, const std::vector<risk_register::RiskChange>& changes) {
      if (changes.empty()) return;
      out += fmt::format("**{}**\n\n", cli_text(heading, lang));
      for (const auto& r : changes) {
        const bool same_level = r.old_level == r.new_level;
        out += fmt::format("- {} ({}{}{}) {}\n", r.id, same_level ? "" : r.old_level_name.in(lang),
                           !r.old_level.empty() && !r.new_level.empty() && !same_level ? " → " : "",
                           r.new_level_name.in(lang), model::markdown_escape(r.title.in(lang)));
        if (const auto joint = joint_failure(r, lang); !joint.empty()) out += fmt::format("  - {}\n", joint);
        if (same_level) out += fmt::format("  - {}\n", same_level_change(r, lang));
      }
      out += "\n";
    };
    list(CliText::risks_removed, c.removed);
    list(CliText::risks_reduced, c.reduced);
    list(CliText::risks_raised, c.raised);
    list(CliText::risks_added, c.added);
    list(CliText::risks_changed, c.changed);
    // Per scenario, never summed into a head count (decision 049).
    out += fmt::format("**{}**\n\n", capitalized(std::string(cli_text(CliText::people_per_scenario, lang))));
    std::size_t changed = 0;
    for (const auto& scenario : c.scenarios)
      if (scenario.changed()) {
        ++changed;
        out += fmt::format("- {}: {}\n", model::markdown_escape(scenario_label(scenario, lang)),
                           scenario_change(scenario, lang));
      }
    if (const auto rest = unchanged_scenarios(changed, c.scenarios.size(), lang); !rest.empty())
      out += fmt::format("- {}.\n", capitalized(rest));
    if (!c.scenarios.empty()) out += fmt::format("\n{}.\n", capitalized(people_hours_total(c, lang)));
  }
  return out;
}

}  // namespace knelpunt::cli
