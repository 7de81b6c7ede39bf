/// `knelpunt compare MODEL --scenario FILE`: for every variant of a measure
/// file, what it buys against the model as it is — risks removed, reduced,
/// raised and added, the change in expected annual impact, people affected
/// over time in the threat scenarios, and the reduction per euro — ranked
/// (docs/measures.md). Text, JSON (`knelpunt-compare/1`) or Markdown.

#include <cmath>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/model_input.hpp"
#include "cli/register_run.hpp"
#include "model/suggest.hpp"
#include "register/variant_comparison.hpp"

namespace knelpunt::cli {

namespace {

using risk_register::VariantComparison;

/// The threat scenarios people are counted in: the model's own, plus the
/// variant's event sequence when it has one (the same list for base and variant).
std::vector<std::vector<model::InitialFailure>> scenario_failures(const model::Model& model, const model::Variant& variant) {
  std::vector<std::vector<model::InitialFailure>> scenarios;
  for (const auto& scenario : model.scenarios) scenarios.push_back(scenario.initial);
  if (!variant.events.empty()) scenarios.push_back(variant.events);
  return scenarios;
}

std::string money(double euro) {
  // 1234567 → "1.234.567" (Dutch grouping, whole euro).
  std::string digits = fmt::format("{:.0f}", euro), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += '.';
    out += digits[i];
  }
  return out;
}

std::string to_text(const std::vector<VariantComparison>& ranked, std::string_view lang) {
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

nlohmann::ordered_json risk_changes(const std::vector<risk_register::RiskChange>& changes, std::string_view lang) {
  auto list = nlohmann::ordered_json::array();
  for (const auto& r : changes)
    list.push_back({{"id", r.id}, {"old_level", r.old_level.empty() ? nullptr : nlohmann::ordered_json(r.old_level)},
                    {"new_level", r.new_level.empty() ? nullptr : nlohmann::ordered_json(r.new_level)},
                    {"title", r.title.in(lang)}});
  return list;
}

std::string to_json(const std::vector<VariantComparison>& ranked, std::string_view lang, const std::string& model_name) {
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

std::string md_escape(std::string text) {
  std::string out;
  for (char ch : text) {
    if (ch == '|' || ch == '*' || ch == '_' || ch == '`' || ch == '[' || ch == ']' || ch == '<' || ch == '>') out += '\\';
    out += ch;
  }
  return out;
}

std::string to_markdown(const std::vector<VariantComparison>& ranked, std::string_view lang, const std::string& model_name) {
  const bool nl = lang != "en";
  std::string out = fmt::format("# {}: {}\n\n", nl ? "Maatregelen vergeleken" : "Measures compared", md_escape(model_name));
  out += nl ? "| # | Maatregel | Kosten | Verwachte jaarlijkse impact | Per miljoen euro | Weg | Lager | Hoger | Nieuw |\n"
            : "| # | Measure | Cost | Expected annual impact | Per million euro | Removed | Reduced | Raised | Added |\n";
  out += "|---|---|---|---|---|---|---|---|---|\n";
  for (std::size_t rank = 0; rank < ranked.size(); ++rank) {
    const auto& c = ranked[rank];
    out += fmt::format("| {} | {} | {} | {:.3f} → {:.3f} | {} | {} | {} | {} | {} |\n", rank + 1,
                       md_escape(c.title.empty() ? c.variant : c.title + " (" + c.variant + ")"),
                       c.cost ? "€ " + money(*c.cost) : "–", c.base_expected_impact, c.variant_expected_impact,
                       c.reduction_per_euro ? fmt::format("{:.4f}", *c.reduction_per_euro * 1e6) : "–", c.removed.size(),
                       c.reduced.size(), c.raised.size(), c.added.size());
  }
  for (const auto& c : ranked) {
    out += fmt::format("\n## {}\n\n", md_escape(c.title.empty() ? c.variant : c.title));
    auto list = [&](const char* heading_nl, const char* heading_en, const std::vector<risk_register::RiskChange>& changes) {
      if (changes.empty()) return;
      out += fmt::format("**{}**\n\n", nl ? heading_nl : heading_en);
      for (const auto& r : changes)
        out += fmt::format("- {} ({}{}{}) {}\n", r.id, r.old_level.empty() ? "" : r.old_level,
                           !r.old_level.empty() && !r.new_level.empty() ? " → " : "", r.new_level,
                           md_escape(r.title.in(lang)));
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

class CompareCommand : public Command {
 public:
  CLI::App* attach(CLI::App& app) override {
    auto* command = app.add_subcommand("compare", "Compare the variants of a measure file: what each measure buys");
    add_model_argument(command, model_path_);
    command->add_option("--scenario", measure_file_, "Measure file with model variants (docs/measures.md)")->required();
    command->add_option("--variant", variants_, "Compare only these variants (repeatable); default: all");
    command->add_option("-p,--profile", options_.profile_path, "Assessment profile (default: profiles/default.yaml)");
    command->add_option("--cache", options_.cache_dir, "Feed cache directory (default: $XDG_CACHE_HOME/knelpunt)");
    command->add_option("--threads", options_.threads, "Worker threads (default: all cores); the result does not depend on it");
    command->add_option("--format", format_, "Output format: text (default), json or md")
        ->check(CLI::IsMember({"text", "json", "md"}));
    command->add_option("--lang", lang_, "Language: nl (default) or en")->check(CLI::IsMember({"nl", "en"}));
    command->add_option("-o,--output", output_, "Write to this file (atomically) instead of stdout");
    command->add_flag("-q,--quiet", options_.quiet, "Print errors only");
    command->footer(
        "Examples:\n  knelpunt compare examples/dordrecht --scenario examples/dordrecht/measures.yaml\n"
        "  knelpunt compare examples/dordrecht --scenario examples/dordrecht/measures.yaml --format md -o measures.md\n"
        "Exit: 0 written, 2 bad input, 3 internal error");
    return command;
  }

  int run() override {
    auto loaded = load_model_or_report(model_path_, options_.quiet);
    if (!loaded) return kExitBadInput;
    // Reads the file and checks every variant (the base model stays as it is).
    auto file = apply_variant_or_report(*loaded, measure_file_, "", options_.quiet);
    if (!file) return kExitBadInput;
    for (const auto& id : variants_)
      if (!file->find(id)) {
        std::vector<std::string_view> ids;
        for (const auto& v : file->variants) ids.push_back(v.id);
        std::cerr << fmt::format("knelpunt: --variant '{}' is not in {}{}; expected one of {}\n", id, measure_file_,
                                 model::did_you_mean(id, ids), fmt::join(ids, ", "));
        return kExitBadInput;
      }
    model::Diagnostics diagnostics;
    auto prepared = prepare_assessment(*loaded, options_, diagnostics);
    diagnostics.sort();
    for (const auto& d : diagnostics.items())
      if (d.severity == model::Severity::error || !options_.quiet) std::cerr << d.to_string() << "\n";
    if (diagnostics.has_errors()) return kExitBadInput;

    const auto base = run_register(*loaded, prepared, options_, nullptr);
    const int period = loaded->reference.scoring.period_years;
    const model::Hours horizon = prepared.profile.horizon.value_or(loaded->model.region.horizon);
    std::vector<double> checkpoints;
    for (double t : {1.0, 6.0, 24.0, 72.0})
      if (t < horizon) checkpoints.push_back(t);
    checkpoints.push_back(horizon);

    std::vector<VariantComparison> comparisons;
    for (const auto& variant : file->variants) {
      if (!variants_.empty() && std::find(variants_.begin(), variants_.end(), variant.id) == variants_.end()) continue;
      model::Diagnostics variant_diagnostics;
      auto changed = with_variant(*loaded, *file, variant, variant_diagnostics);
      if (!changed) return kExitInternal;  // checked above; cannot happen
      const auto reg = run_register(*changed, prepared, options_, nullptr);
      auto comparison = risk_register::compare_registers(base, reg, period);
      comparison.variant = variant.id;
      comparison.title = variant.title;
      comparison.cost = variant.cost;
      const auto scenarios = scenario_failures(loaded->model, variant);
      comparison.base_people = risk_register::people_over_time(loaded->model, *loaded->graph, loaded->reference, scenarios,
                                                               checkpoints, horizon);
      comparison.variant_people = risk_register::people_over_time(changed->model, *changed->graph, changed->reference,
                                                                  scenarios, checkpoints, horizon);
      comparisons.push_back(std::move(comparison));
    }
    risk_register::rank_comparisons(comparisons);
    const std::string name = loaded->model.region.name;
    const std::string content = format_ == "json" ? to_json(comparisons, lang_, name)
                                : format_ == "md" ? to_markdown(comparisons, lang_, name)
                                                  : to_text(comparisons, lang_);
    return write_output(content, output_) ? kExitOk : kExitInternal;
  }

 private:
  std::string model_path_, measure_file_, format_ = "text", lang_ = "nl", output_;
  std::vector<std::string> variants_;
  RegisterRunOptions options_;
};

}  // namespace

std::unique_ptr<Command> make_compare_command() { return std::make_unique<CompareCommand>(); }

}  // namespace knelpunt::cli
