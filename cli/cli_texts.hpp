#pragma once
/// The fixed texts of the analysis reports (`whatif`, `reach`/`merge`,
/// `cutsets`, `compare`, `simulate`), in Dutch (the default) and English: one table
/// (cli_texts.cpp), one lookup, in the style of the assessors' and the
/// register's text tables (assessors/assessor_texts.hpp,
/// register/register_texts.hpp). Each entry is a format string whose `{}`
/// fields both languages fill with the same arguments in the same order;
/// where a count changes the words, the table has a `_one` and a `_many`
/// entry. Error messages and --help stay English (decision 016): they are
/// for the operators of the tool, not for the readers of a report.

#include <cstddef>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "model/duration.hpp"

namespace knelpunt::cli {

/// Every text the reports write.
enum class CliText {
  // Shared.
  the_model,
  no_count,
  assets_one,
  assets_many,
  areas_one,
  areas_many,
  virtual_assets_one,
  virtual_assets_many,
  upper_bound_overlap,
  upper_bound,
  within_horizon,
  within_horizon_unbounded,
  within,
  within_unbounded,
  // whatif.
  cascade,
  cascade_with_restoration,
  cascade_heading,
  initial_at,
  virtual_marker,
  initial_failure,
  via,
  suppliers_lost,
  no_supply_from_source,
  buffer,
  back,
  restart,
  recovery,
  failed_summary_one,
  failed_summary_many,
  people_in_areas,
  people_none,
  uncounted_services_lost,
  returns_one,
  returns_many,
  restoration_summary,
  stay_up,
  affected_as_register,
  affected_other_horizon,
  affected_within,
  // reach.
  reach_heading,
  reach_asset_heading_one,
  reach_asset_heading_many,
  column_asset,
  column_name,
  column_reach,
  column_population,
  reach_legend,
  reach_legend_population,
  reach_legend_upper_bound,
  reach_legend_recovery,
  reach_legend_own_horizon,
  column_within,
  column_people,
  // cutsets.
  cutsets_heading,
  cutsets_without_repairs,
  cut_sets_one,
  cut_sets_many,
  any_order,
  order_heading,
  order_single_points,
  order_pairs,
  probability_exact,
  probability_bounds,
  probability_too_large,
  column_criticality,
  fussell_vesely_not_computed,
  // compare.
  cost,
  unknown,
  expected_annual_impact,
  per_million_euro,
  risks,
  risks_counts,
  people_per_scenario,
  scenario_people_hours,
  joint_failure,
  joint_failure_same,
  joint_failure_less,
  joint_failure_worse,
  variant_own_events,
  scenarios_other_unchanged_one,
  scenarios_other_unchanged_many,
  scenarios_all_unchanged_one,
  scenarios_all_unchanged_many,
  no_scenarios,
  people_hours_summed_one,
  people_hours_summed_many,
  measures_compared,
  compare_table_header,
  risks_removed,
  risks_reduced,
  risks_raised,
  risks_added,
  risks_changed,
  changed_affected,
  changed_score,
  // simulate.
  simulate_heading,
  simulate_nothing_fails,
  simulate_assets_heading,
  column_runs,
  column_fraction,
  column_ci95,
  column_value,
  simulate_people_heading,
  simulate_mean,
  simulate_exceedance_heading,
  column_people_at_least,
  simulate_legend,
  simulate_people_hours_heading,
  simulate_scenarios_heading,
  column_scenario,
  column_per_year,
  simulate_joint_heading,
  column_assets_together,
};

/// The format string of `key` in `lang` ("en": English; anything else: Dutch).
std::string_view cli_text(CliText key, std::string_view lang);

/// `key` in `lang` formatted with `args`.
template <class... Args>
std::string cli_format(CliText key, std::string_view lang, const Args&... args) {
  return fmt::format(fmt::runtime(cli_text(key, lang)), args...);
}

/// The time limit of a sentence: "binnen 72 uur", or "zonder tijdsgrens" for an
/// unbounded horizon (kNever); English "within horizon 72h" / "within horizon
/// inf", or with `say_horizon` false "within 72h" / "within inf".
std::string within(model::Hours horizon, std::string_view lang, bool say_horizon = true);

/// `count` with its noun: `one` for 1, `many` otherwise; in Dutch a count of
/// 0 is "geen" (no_count: "geen objecten", not "0 objecten"). The count
/// is written with the thousands grouping of `lang`.
std::string counted(std::size_t count, CliText one, CliText many, std::string_view lang);

}  // namespace knelpunt::cli
