#pragma once
/// The fixed texts of the assessors (titles, descriptions, evidence, impact
/// bases and likelihood rationales), in Dutch (the default) and English: one
/// table (assessor_texts.cpp), one lookup, in the style of the register's
/// text table (register/register_texts.hpp). Each entry is a format string
/// whose `{}` fields both languages fill with the same arguments in the same
/// order; where a count changes the words, the table has a `_one` and a
/// `_many` entry. Model and catalogue texts are not here: they come in as
/// arguments.

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include <fmt/format.h>

#include "assessors/finding.hpp"

namespace knelpunt::assessors {

/// Every text an assessor writes.
enum class Phrase {
  // Counted nouns, used as arguments of the sentences below.
  no_count,
  other_assets_one,
  other_assets_many,
  vital_assets_one,
  vital_assets_many,
  assets_one,
  assets_many,
  failed_assets_one,
  failed_assets_many,
  controls_one,
  controls_many,
  // Shared.
  list_and,
  list_or,
  unit_people,
  unit_people_hours,
  unit_euros,
  unit_hectares,
  unit_square_kilometre_days,
  unit_expert_score,
  threat_attack,
  threat_default_class,
  // Impact estimator: how a criterion's value was found.
  impact_scope,
  hours_down_restored,
  hours_down_permanent,
  impact_basis_people_hours,
  impact_basis_people,
  impact_basis_beyond,
  areas_one,
  areas_many,
  counted_areas,
  counted_areas_per_service,
  counted_assets,
  upper_bound_note,
  counted_service_people,
  counted_service_surface,
  per_day_note,
  unknown_surface_note,
  impact_basis_service,
  vital_process_floor,
  vital_process_floor_many,
  // Why an outcome has no impact class (CascadeOutcome::no_impact_reason).
  no_impact_none_fail,
  no_impact_one_fails,
  no_impact_many_fail,
  no_impact_no_vital_process,
  no_impact_no_floor,
  no_impact_nobody,
  no_impact_below_class_a,
  no_impact_value,
  no_impact_uncounted,
  // Likelihood rules.
  structural_unknown_p,
  failure_probability,
  structural_per_year,
  simulated_per_year,
  simulated_joint_per_year,
  cyber_base_only,
  cyber_steps,
  cyber_clamped,
  cyber_step,
  cyber_step_kev_product,
  cyber_step_kev_ransomware,
  cyber_step_epss,
  cyber_step_mfa,
  cyber_step_segmentation,
  // single-point.
  spof_title,
  spof_description_one,
  spof_description_many,
  critical_pair_title,
  critical_combination_title,
  critical_pair_description_one,
  critical_pair_description_many,
  cut_set_evidence,
  repaired_pair_evidence,
  repaired_pair_evidence_either,
  member_single_point_one,
  member_single_point_many,
  list_and_more,
  restored_in_time,
  // cascade-reach.
  reach_title_one,
  reach_title_many,
  reach_description_one,
  reach_description_many,
  reach_description_nobody_one,
  reach_description_nobody_many,
  reach_evidence,
  // geographic.
  zone_name,
  within_radius,
  co_located_title,
  co_located_description,
  cluster_members,
  zone_title,
  zone_description,
  zone_members,
  threat_without_default,
  zone_all_members,
  threat_not_simulated,
  // cyber-exposure.
  exposure_internet,
  exposure_remote_access,
  exposure_remote_vpn,
  exposure_remote_vendor_vpn,
  exposure_remote_direct,
  exposure_mixed_network,
  exposure_kev_one,
  exposure_kev_many,
  exposure_title,
  product,
  kev_version_caveat,
  kev_not_checked,
  exposure_description_one,
  exposure_description_many,
  // missing-controls.
  missing_controls_title,
  missing_control,
  missing_list,
  missing_weight,
  network_unknown,
  network_it,
  network_ot,
  network_mixed,
  missing_controls_description_one,
  missing_controls_description_many,
  missing_half_weight,
  // scenario.
  scenario_title,
  scenario_description_one,
  scenario_description_many,
  initial_failure_at,
  scenario_stated_class,
  scenario_no_likelihood,
  scenario_frequency_class,
  likelihood_range_below,
  likelihood_range_between,
  likelihood_range_from,
};

/// The format string of `key` in `lang` ("en": English; anything else: Dutch).
std::string_view phrase(Phrase key, std::string_view lang);

/// `one` when `count` is 1, else `many`.
constexpr Phrase by_count(std::size_t count, Phrase one, Phrase many) { return count == 1 ? one : many; }

namespace detail {
/// A whole number in the Dutch format: a dot between thousands from four
/// digits on ("9.935", "999", "-1.234").
std::string dutch_integer(long long value);

inline const std::string& in_language(const LocalText& text, bool english) { return english ? text.en : text.nl; }
template <class T>
decltype(auto) in_language(const T& value, bool english) {
  // Counts in Dutch text are written as Dutch numbers ("9.935 vitale
  // objecten"); English keeps the compact form ("9935 vital assets").
  if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool> && !std::is_same_v<T, char>)
    return english ? fmt::format("{}", value) : dutch_integer(static_cast<long long>(value));
  else
    return static_cast<const T&>(value);
}
}  // namespace detail

/// `key` formatted in both languages with `args`; an argument that is itself a
/// LocalText is taken in the language being formatted, a whole number
/// (not bool or char) in each language's number format.
template <class... Args>
LocalText local_text(Phrase key, const Args&... args) {
  return {fmt::format(fmt::runtime(phrase(key, "nl")), detail::in_language(args, false)...),
          fmt::format(fmt::runtime(phrase(key, "en")), detail::in_language(args, true)...)};
}

/// `count` with the counted noun: local_text(by_count(count, one, many), count);
/// a count of 0 is written with no_count ("geen andere objecten", not
/// "0 andere objecten"; English keeps "0 other assets").
LocalText counted(std::size_t count, Phrase one, Phrase many);

/// `ids` joined with ", ", at most `at_most` of them: the rest as a count
/// ("a, b en 31 andere" / "a, b and 31 more"). A text names a bounded number
/// of assets; the full list is the entry's data (its affected assets).
LocalText bounded_id_list(const std::vector<std::string>& ids, std::size_t at_most);

/// The name of a criterion's unit (catalogs/scoring.yaml: people, people-hours,
/// euros, hectares, square-kilometre-days, expert-score) in both languages;
/// another unit as it is written.
LocalText unit_text(std::string_view unit);

/// The texts joined with `separator`, each language apart.
LocalText joined(const std::vector<LocalText>& parts, std::string_view separator);
/// Plain texts (ids, names) joined with `separator`, which is a phrase.
LocalText joined(const std::vector<std::string>& parts, Phrase separator);
/// Plain texts (ids, names) as a list in prose: "a, b en c" / "a, b and c"
/// (commas, the last two joined with Phrase::list_and).
LocalText listed(const std::vector<std::string>& parts);

}  // namespace knelpunt::assessors
