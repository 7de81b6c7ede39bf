#include "cli/compare_report.hpp"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "model/duration.hpp"
#include "model/text_format.hpp"

namespace knelpunt::cli {

using risk_register::VariantComparison;

namespace {

/// Whole euro with Dutch grouping (1.234.567), in both languages as before.
std::string money(double euro) { return model::format_grouped_integer(euro, "nl"); }

}  // namespace

std::string render_compare_text(const std::vector<VariantComparison>& ranked, std::string_view lang) {
  const bool nl = lang != "en";
  std::string out;
  for (std::size_t rank = 0; rank < ranked.size(); ++rank) {
    const auto& c = ranked[rank];
    out += fmt::format("{}. {}{}\n", rank + 1, c.variant, c.title.empty() ? "" : " — " + c.title);
    out += fmt::format("   {}: {}\n", nl ? "kosten" : "cost", c.cost ? "€ " + money(*c.cost) : (nl ? "onbekend" : "unknown"));
    out += fmt::format("   {}: {:.3f} → {:.3f} ({:+.3f}){}\n", nl ? "verwachte jaarlijkse impact" : "expected annual impact",
                       c.base_expected_impact, c.variant_expected_impact, -c.reduction(),
                       c.reduction_per_euro ? fmt::format("; {:.4f} {}", *c.reduction_per_euro * 1e6,
                                                          nl ? "per miljoen euro" : "per million euro")
                                            : std::string());
    out += fmt::format("   {}: {} {}, {} {}, {} {}, {} {}\n", nl ? "risico's" : "risks", c.removed.size(),
                       nl ? "weg" : "removed", c.reduced.size(), nl ? "lager" : "reduced", c.raised.size(),
                       nl ? "hoger" : "raised", c.added.size(), nl ? "nieuw" : "added");
    for (const auto& r : c.removed) out += fmt::format("     - {} ({}) {}\n", r.id, r.old_level, r.title.in(lang));
    for (const auto& r : c.reduced)
      out += fmt::format("     ↓ {} ({} → {}) {}\n", r.id, r.old_level, r.new_level, r.title.in(lang));
    for (const auto& r : c.raised)
      out += fmt::format("     ↑ {} ({} → {}) {}\n", r.id, r.old_level, r.new_level, r.title.in(lang));
    for (const auto& r : c.added) out += fmt::format("     + {} ({}) {}\n", r.id, r.new_level, r.title.in(lang));
    std::vector<std::string> points;
    for (std::size_t i = 0; i < c.base_people.at_h.size(); ++i)
      points.push_back(fmt::format("t+{}: {:.0f} → {:.0f}", model::format_hours(c.base_people.at_h[i]),
                                   c.base_people.people[i], c.variant_people.people[i]));
    out += fmt::format("   {}: {}\n",
                       nl ? "getroffen mensen (elk gebied één keer per scenario, opgeteld over de scenario's)"
                          : "people affected (each area once per scenario, summed over the scenarios)",
                       fmt::join(points, "; "));
    out += fmt::format(
        "   {}: {:.0f} → {:.0f}\n",
        nl ? "mensuren zonder voorziening (idem)" : "people-hours without service (likewise)",
        c.base_people.people_hours, c.variant_people.people_hours);
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
  const bool nl = lang != "en";
  std::string out = fmt::format("# {}: {}\n\n", nl ? "Maatregelen vergeleken" : "Measures compared", model::markdown_escape(model_name));
  out += nl ? "| # | Maatregel | Kosten | Verwachte jaarlijkse impact | Per miljoen euro | Weg | Lager | Hoger | Nieuw |\n"
            : "| # | Measure | Cost | Expected annual impact | Per million euro | Removed | Reduced | Raised | Added |\n";
  out += "|---|---|---|---|---|---|---|---|---|\n";
  for (std::size_t rank = 0; rank < ranked.size(); ++rank) {
    const auto& c = ranked[rank];
    out += fmt::format("| {} | {} | {} | {:.3f} → {:.3f} | {} | {} | {} | {} | {} |\n", rank + 1,
                       model::markdown_escape(c.title.empty() ? c.variant : c.title + " (" + c.variant + ")"),
                       c.cost ? "€ " + money(*c.cost) : "–", c.base_expected_impact, c.variant_expected_impact,
                       c.reduction_per_euro ? fmt::format("{:.4f}", *c.reduction_per_euro * 1e6) : "–", c.removed.size(),
                       c.reduced.size(), c.raised.size(), c.added.size());
  }
  for (const auto& c : ranked) {
    out += fmt::format("\n## {}\n\n", model::markdown_escape(c.title.empty() ? c.variant : c.title));
    auto list = [&](const char* heading_nl, const char* heading_en, const std::vector<risk_register::RiskChange>& changes) {
      if (changes.empty()) return;
      out += fmt::format("**{}**\n\n", nl ? heading_nl : heading_en);
      for (const auto& r : changes)
        out += fmt::format("- {} ({}{}{}) {}\n", r.id, r.old_level.empty() ? "" : r.old_level,
                           !r.old_level.empty() && !r.new_level.empty() ? " → " : "", r.new_level,
                           model::markdown_escape(r.title.in(lang)));
      out += "\n";
    };
    list("Risico's weg", "Risks removed", c.removed);
    list("Risico's lager", "Risks reduced", c.reduced);
    list("Risico's hoger", "Risks raised", c.raised);
    list("Nieuwe risico's", "Risks added", c.added);
    out += nl ? "| Tijd | Getroffen mensen nu | Met maatregel |\n" : "| Time | People affected now | With the measure |\n";
    out += "|---|---|---|\n";
    for (std::size_t i = 0; i < c.base_people.at_h.size(); ++i)
      out += fmt::format("| t+{} | {:.0f} | {:.0f} |\n", model::format_hours(c.base_people.at_h[i]), c.base_people.people[i],
                         c.variant_people.people[i]);
    out += fmt::format("| {} | {:.0f} | {:.0f} |\n", nl ? "Mensuren zonder voorziening" : "People-hours without service",
                       c.base_people.people_hours, c.variant_people.people_hours);
    // Each scenario counts an area once (decision 013), but the same residents
    // appear in several scenarios: the sums rank measures, they do not count heads.
    out += nl ? "\n_Mensen in getroffen gebieden, per scenario elk gebied één keer, opgeteld over de scenario's: "
                "een maat om te vergelijken, geen telling van inwoners._\n"
              : "\n_People in affected areas, each area once per scenario, summed over the scenarios: "
                "a measure for comparing, not a head count._\n";
  }
  return out;
}

}  // namespace knelpunt::cli
