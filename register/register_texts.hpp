#pragma once
/// The fixed texts of the register writers and the register diff, in Dutch
/// (the default) and English: one table (register_texts.cpp), one lookup.
/// Model and catalogue texts are not here; `in_language` and the name
/// lookups below pick those in the right language.

#include <string>
#include <string_view>

#include "assessors/finding.hpp"
#include "register/risk.hpp"

namespace knelpunt::risk_register {

/// Every label, heading and sentence fragment the writers use.
enum class Label {
  // Column and field names.
  id,
  level,
  likelihood,
  impact,
  impact_score,
  title,
  description,
  assessor,
  kind,
  assets,
  vital_processes,
  scenario,
  threat,
  subject,
  affected,
  measures,
  status,
  owner,
  justification,
  date,
  checked_by,
  matched,
  // Tracking statuses (ids stay in JSON/CSV; these are for people).
  status_unchecked,
  status_in_treatment,
  status_accepted,
  status_mitigated,
  status_false_positive,
  // Markdown document.
  register_title,
  authority,
  horizon,
  profile,
  model_digest,
  summary,
  summary_holds,
  risk_one,
  risk_many,
  per_assessor,
  tracking,
  feeds,
  feed_absent,
  feed_entries,
  tool,
  catalogs,
  catalog_overridden,
  scoring_defaults_note,
  unmatched_tracking,
  unmatched_tracking_intro,
  risk_diagram,
  diagram_corner,
  not_in_diagram,
  overview,
  risks,
  chain,
  fails,
  via,
  down_for,
  back_at,
  chain_omitted_lead,
  chain_step_one,
  chain_step_many,
  chain_omitted_why,
  evidence,
  cves,
  required_action,
  due_date,
  known_ransomware,
  percentile,
  timeline,
  time,
  assets_failed,
  people,
  impact_per_criterion,
  criterion,
  impact_class,
  value,
  basis,
  total,
  score,
  no_impact,
  not_determined,
  not_determined_hint,
  expert_judgement,
  expert_replaces,
  cell_expert_class,
  cell_floor_class,
  cell_below_class_a,
  cell_no_rule,
  scoring_overridden_note,
  score_explanation,
  none,
  no_count,
  // Register diff.
  diff_title,
  added,
  resolved,
  changed,
  unchanged,
  no_differences,
  changes,
  old_register,
  new_register,
  languages_differ,
  affected_count,
  // Changes since a previous register (assess --previous).
  since_previous,
  compared_with,
  since_previous_headline,
  no_longer_listed,
  merged_into_entry,
  merged_why,
  no_longer_listed_why,
  not_assessed,
  not_assessed_why,
  analyses_not_run,
  analyses_changed,
  not_assessed_reason,
  resolved_why,
  previous_level,
  level_now,
  what_changed,
  previous_title,
  services_timeline,
  services_short,
  services_lost,
  previous_in_other_language,
  // Names of the assessors and of the kinds of finding (the ids stay in JSON).
  assessor_single_point,
  assessor_cascade_reach,
  assessor_geographic,
  assessor_cyber_exposure,
  assessor_missing_controls,
  assessor_scenario,
  option_max_order,
  option_min_vital,
  option_top,
  option_min_reach,
  option_zones,
  option_radius,
  option_threat,
  option_kev,
  option_epss_threshold,
  option_baseline,
  option_min_weight,
  option_horizon,
  kind_spof,
  kind_common_cause,
  kind_critical_pair,
  kind_reach,
  kind_co_located_redundancy,
  kind_zone,
  kind_exposure,
  kind_missing_controls,
  kind_scenario,
  kind_knelpunt,
  // Knelpunt entries (knelpunt_entries.hpp).
  knelpunt_title,
  co_located_shared_title,
  governing_likelihood,
  other_likelihoods,
  scenario_passes_through,
  knelpunt_one,
  knelpunt_many,
  pair_in_one_place_title,
  or_word,
  analyses,
  replaces,
  now_in,
  applied_to,
  // Compact Markdown.
  fail_many,
  highest_risks,
  heaviest_consequence,
  impact_from_sum,
  impact_from_weight,
  fail_with_none,
  fail_with_one,
  fail_with_many,
  fail_within_none,
  fail_within_one,
  fail_within_many,
  register_order_note,
  operator_name,
  per_operator,
  no_operator,
  // Board-ready Markdown: tables per sector and operator, short entries, the appendix.
  sector,
  per_sector,
  no_sector,
  sector_rule,
  operator_rule,
  in_rows_one,
  in_rows_many,
  in_rows_none,
  instead_of,
  level_rule,
  appendix_title,
  appendix_intro,
  appendix,
  chain_short,
  step_one,
  step_many,
  affected_one,
  affected_many,
  further_evidence,
  line_one,
  line_many,
  chain_cut_why,
  impact_basis,
  per_assessor_note,
  // What the register does not list (register_selection.hpp) and the table of
  // every asset (asset_table_writer.hpp).
  not_listed,
  not_listed_computed,
  not_listed_rule,
  not_listed_min_level,
  not_listed_max_entries,
  likelihood_classes_legend,
  not_listed_per_kind,
  kind_rule,
  not_listed_per_sector,
  not_listed_full_table,
  asset_column,
  name,
  asset_type,
  vital_process,
  own_entry,
  listed,
  yes,
  no,
  failing_assets,
  people_hours,
  other_entries,
  in_every_entry,
  criteria_scored,
  criteria_scored_hint,
  cascades_of,
  // The dependency graph picture (graph_svg_writer.hpp).
  graph_folded,
  graph_legend_a,
  graph_legend_b,
  graph_legend_regional,
  graph_legend_none,
  graph_legend_junction,
  graph_legend_via,
  graph_legend_geographic,
  graph_legend_single_point,
  graph_legend_pair,
  graph_legend_path,
  graph_other_sector,
  graph_hidden,
  graph_after,
  graph_heading,
  graph_intro,
  graph_reduced,
  graph_failed,
  // The HTML report (register_html_writer.hpp).
  report_contents,
  levels_heading,
  diagram_dots,
  diagram_more,
  legend,
  colour_note,
  filter_all,
  filter_search,
  filter_shown,
  sort_hint,
  rank,
  back_to_overview,
  no_filter_match,
  per_sector_and_operator,
  page_footer_feeds,
  people_short,
  // The Excel register (register_xlsx_writer.hpp): sheet names (at most 31
  // characters, none of []:*?/\) and the columns not named above.
  sheet_register,
  sheet_impact,
  sheet_chain,
  sheet_evidence,
  sheet_vulnerabilities,
  sheet_timeline,
  sheet_measures,
  sheet_assets,
  sheet_about,
  step,
  hours_after_start,
  down_hours,
  back_hours,
  line_number,
  source,
  source_estimate,
  source_floor,
  source_expert,
  vendor,
  product,
  epss,
  measure,
  item,
  risk_diagram_id,
  listed_entries,
  tracking_fill_in,
  status_prompt,
  status_refused,
  date_prompt,
};

/// The label in `lang` ("en": English; anything else: Dutch).
std::string_view label(Label key, std::string_view lang);

/// `text` with its first letter upper case: labels are lower case so that
/// they fit in sentences, and headings, list labels and sentences start with
/// a capital (ASCII letters only: the tables' texts start with one).
std::string capitalized(std::string_view text);

/// The people's label of a tracking status id (unchecked, in-treatment,
/// accepted, mitigated, false-positive); an unknown id is returned as is.
std::string_view status_label(std::string_view status, std::string_view lang);

/// The readers' name of an assessor id (single-point → "enkelvoudig faalpunt");
/// an unknown id is returned as is.
std::string_view assessor_name(std::string_view assessor, std::string_view lang);

/// An assessor option as people read it ("grootste combinatie" for
/// max_order); the option's key itself when it has no name here.
std::string_view assessor_option_name(std::string_view option, std::string_view lang);

/// Assessor ids as people read them, joined by ", " ("enkelvoudig faalpunt, cyberblootstelling").
std::string assessor_names(const std::vector<std::string>& assessors, std::string_view lang);

/// The readers' name of a finding kind (spof → "enkelvoudig faalpunt",
/// common-cause → "kritieke combinatie"); an unknown kind is returned as is.
std::string_view kind_name(std::string_view kind, std::string_view lang);
/// The same for a finding about `asset_count` assets: a common cause of two
/// is a "kritiek paar", as its title says (assessors/assessor_texts).
std::string_view kind_name(std::string_view kind, std::size_t asset_count, std::string_view lang);

/// A model or catalogue text in `lang`, falling back to Dutch when the
/// English text is missing (catalogue `name_en` keys are optional).
const std::string& in_language(const assessors::LocalText& text, std::string_view lang);
/// The same for a catalogue entry's `name` / `name_en` pair.
const std::string& in_language(const std::string& nl, const std::string& en, std::string_view lang);

/// The id of level `level` of `diagram`; "?" when out of range (a builder
/// bug, shown rather than crashing a report).
std::string level_id(const catalogs::RiskDiagram& diagram, int level);
/// The name of level `level` in `lang`; "?" when out of range.
std::string level_name(const catalogs::RiskDiagram& diagram, int level, std::string_view lang);

/// A risk's total impact class for a spreadsheet cell: its letter, or why it
/// has none ("geen criterium gescoord").
std::string impact_class_cell(const Risk& risk, std::string_view lang);
/// The name of likelihood class `index` in `lang`; "" when the register has no such class.
std::string likelihood_name(const Register& reg, catalogs::ClassIndex index, std::string_view lang);
/// The likelihood classes as probabilities over the period, in one line
/// under the risk diagram: "Kansklassen, als kans op minstens één keer in 5
/// jaar: A onder 0,05%; B 0,05% tot 0,5%; …; E 50% of meer".
std::string likelihood_classes_legend(const Register& reg, std::string_view lang);
/// The name of impact class `index` in `lang`; "" when the register has no such class.
std::string impact_class_name(const Register& reg, catalogs::ClassIndex index, std::string_view lang);
/// The name of criterion `id` in `lang`; "" when the register does not list it.
std::string criterion_name(const Register& reg, std::string_view id, std::string_view lang);

}  // namespace knelpunt::risk_register
