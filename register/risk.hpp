#pragma once
/// The risk register (docs/register.md): one entry per risk, scored in the
/// catalogue's risk diagram, with a stable id and the tracking fields people
/// set. Built by register_builder.hpp; written by the register_*_writer files.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "assessors/finding.hpp"
#include "register/register_changes.hpp"
#include "catalogs/catalog.hpp"
#include "catalogs/scoring_method.hpp"

namespace knelpunt::risk_register {

/// What people record about a risk in the tracking file (tracking.hpp).
struct Tracking {
  std::string status = "unchecked";  ///< unchecked | in-treatment | accepted | mitigated | false-positive
  std::string owner, justification, date, checked_by;
  std::string matched;  ///< the tracking key (an id or a wildcard pattern) that applied; empty when none
  /// `impact_expert`: an analyst's class per criterion id. It fills a
  /// criterion knelpunt does not determine, or replaces an estimate; the
  /// register marks it as expert judgement (source `expert`).
  std::map<std::string, catalogs::ClassIndex, std::less<>> impact_expert = {};
  std::string impact_rationale = {};  ///< why; required with impact_expert
};

/// A suggested measure from catalogs/controls.yaml.
struct Measure {
  std::string id;
  assessors::LocalText name;
};

struct Risk {
  std::string id;  ///< stable, e.g. KP-SPOF-3f2a9c (risk_id.hpp)
  assessors::Finding finding;
  std::vector<std::string> vital_processes;  ///< processes of finding.assets, sorted, unique
  std::vector<std::string> operators;        ///< operators of the same assets, sorted, unique (partners' view)
  catalogs::ClassIndex likelihood = 0;       ///< = finding.likelihood.likelihood_class
  double impact_score = 0;                   ///< Σ weight × class value
  std::optional<catalogs::ClassIndex> impact_class;  ///< total; none when no criterion scored
  int level = 0;                              ///< index into the diagram's levels
  /// Criteria the catalogue leaves to expert judgement that no analyst has
  /// scored for this entry (tracking `impact_expert`), in catalogue order:
  /// shown as "niet bepaald (expertoordeel)", never left out silently.
  std::vector<std::string> impact_open;
  assessors::LocalText score_explanation;     ///< how likelihood, impact and level were found
  std::vector<Measure> measures;
  Tracking tracking;
  /// The analyses (assessors) whose findings this entry holds; one for every
  /// entry but a knelpunt (knelpunt_entries.hpp), which may hold several.
  std::vector<std::string> analyses;
  /// The ids the entry's findings had as separate entries before they were
  /// merged into one knelpunt, sorted; empty for an entry not merged.
  std::vector<std::string> replaces;
  /// The evidence lines (indices into finding.evidence, ascending) a reader
  /// needs first: a knelpunt's analysis titles. Empty: the first lines are.
  std::vector<std::size_t> key_evidence = {};
};

/// A vital process and the sector the vital-process catalogue puts it in,
/// so that the register can count its entries per sector.
struct ProcessSector {
  std::string process;
  assessors::LocalText sector;
};

/// The feed a register was assessed with (from the cache), for its header.
struct FeedInfo {
  std::string feed;        ///< "kev" | "epss"
  bool present = false;    ///< false: no cached copy (a warning at assess time)
  std::string feed_date;   ///< the feed's own date (KEV dateReleased, EPSS score_date), else its version
  std::size_t entries = 0;
  std::string feed_version = {};  ///< the feed's own version (KEV catalogVersion, EPSS model_version), or ""
};

/// A catalogue the register was made with, for its header: which edition of
/// the reference data and method stands behind the scores
/// (docs/decisions/014-register-metadata.md).
struct CatalogVersion {
  std::string id;           ///< the catalogue's name, e.g. "scoring"
  int version = 0;          ///< its `version:`
  bool defaults = false;    ///< `source.defaults`: its figures are knelpunt defaults, not official ones
  bool overridden = false;  ///< the model's `catalogs:` block changes it
};

/// The horizon one assessor ran with and where it came from
/// (assessors/horizon_resolution.hpp): "assessor", "profile" or "model".
struct AssessorHorizon {
  std::string assessor;
  double horizon_h = 72;
  std::string source;
};

/// A tracking entry whose key matched no risk: reported, never dropped silently.
struct UnmatchedTracking {
  std::string key;
  std::string where;  ///< file:line:col
  /// When the entry's pattern does match risks but a more specific entry
  /// won every one of them: those entries' keys, sorted. Empty when the
  /// entry matches no risk at all.
  std::vector<std::string> shadowed_by = {};
  /// When the key is an id that a knelpunt entry replaced: that entry's id.
  std::string now_in = {};
  /// The entry was applied to `now_in`: its key is the id that co-located
  /// redundancy had before it was identified by its event (decision 058),
  /// and it was the only tracking entry for it.
  bool applied = false;
};

/// One row of a table by level: the entries of one sector or one operator.
struct LevelRow {
  /// The sector's or operator's name; empty for the entries that have none
  /// (no vital process, or no operator in the model).
  assessors::LocalText name;
  std::vector<std::size_t> by_level;  ///< lowest level first, as RegisterSummary::by_level
  std::size_t total = 0;              ///< the entries of the row, each once (the sum of by_level)
};

/// Entries per level for each of the sectors (or operators) they touch. An
/// entry that touches two counts in both rows, so the rows add up to more
/// than the register's entries; `multiple` says by how many entries.
struct LevelTable {
  /// Sorted by Dutch name (the same order in both languages), the row
  /// without a name last; only rows with entries.
  std::vector<LevelRow> rows;
  std::size_t multiple = 0;  ///< entries counted in more than one row
};

/// Which entries the register lists (the profile's `register:` section) and
/// what it leaves out, counted (register_selection.hpp, decision 020).
struct RegisterListing {
  int min_level = 0;            ///< the lowest level listed
  std::size_t max_entries = 0;  ///< at most this many entries listed
  std::size_t not_listed = 0;   ///< entries computed but not listed
  /// The entries not listed per sector and level, counted as the summary
  /// counts the listed ones (register_summary.hpp).
  LevelTable not_listed_by_sector;
  /// The entries not listed per kind and level (critical pairs are most of
  /// them at region scale); each entry in one row.
  LevelTable not_listed_by_kind;
  /// The entries not listed per level (index = level); each entry once.
  std::vector<std::size_t> not_listed_by_level;
};

/// An entry this run computed that the register does not list: below the
/// listing's lowest level or beyond its most entries (decision 020), or
/// outside an `assess --operator` view. Written to the JSON register so that
/// a later comparison (`diff`, `assess --previous`) can tell "no longer
/// listed" and "merged" from "resolved" (docs/register.md).
struct ComputedRisk {
  std::string id;
  int level = 0;                           ///< its level's rank in the diagram, lowest = 0
  std::vector<std::string> replaces = {};  ///< the ids it replaces (Risk::replaces)
};

struct ReportGraph;

struct Register {
  // The tool, the date asked for, the model and the method.
  std::string tool_version;  ///< knelpunt's version (CMake project VERSION)
  std::string date;          ///< YYYY-MM-DD from `assess --date`, or "" (outputs carry no date unless asked)
  std::vector<CatalogVersion> catalogs;  ///< in catalogs::kCatalogNames order
  std::string model_name, authority;
  std::string model_digest;   ///< fingerprint of the dependency graph (graph_digest)
  double horizon_h = 72;
  std::string profile;        ///< profile file name, or "default"
  std::string diagram_id;
  catalogs::RiskDiagram diagram;
  std::vector<catalogs::LikelihoodClass> likelihood_classes;
  int likelihood_period_years = 5;  ///< the likelihood classes' period (catalogs/scoring.yaml)
  std::vector<catalogs::ImpactClass> impact_classes;
  std::vector<catalogs::ImpactCriterion> criteria;
  std::vector<FeedInfo> feeds;
  std::vector<std::string> assessors;  ///< that ran, in order
  std::vector<AssessorHorizon> horizons;  ///< the horizon each assessor used, in the same order
  /// The options each assessor ran with, defaults included (Assessor::effective_options), in the same order.
  std::vector<catalogs::Json> assessor_options = {};
  /// The profile's `horizons:`: vital process → the horizon of cascades
  /// that start at one of its assets, sorted by process.
  std::vector<std::pair<std::string, double>> process_horizons = {};
  /// Sorted: level (highest first), likelihood (highest first), impact score
  /// (highest first), then id.
  std::vector<Risk> risks;
  std::vector<UnmatchedTracking> unmatched_tracking;
  /// Set when select_entries chose what to list; none: no selection was made (a merged register).
  std::optional<RegisterListing> listing;
  /// The entries this run computed that `risks` does not hold, sorted by id.
  std::vector<ComputedRisk> not_listed_entries = {};
  /// Every process of the vital-process catalogue with its sector, sorted by process id.
  std::vector<ProcessSector> process_sectors = {};
  /// Every resource kind (service) of the catalogue by id, sorted, with its
  /// name as prose writes it (assessors/local_format.hpp resource_kind_name).
  std::vector<std::pair<std::string, assessors::LocalText>> service_names = {};
  /// Every threat of the catalogue by id, sorted, with its name as prose
  /// writes it (assessors/local_format.hpp threat_name: "overstroming (flood)").
  std::vector<std::pair<std::string, assessors::LocalText>> threat_names = {};
  /// Every vital process of the catalogue by id, sorted, with its name
  /// ("Regionale distributie elektriciteit"): the registers a reader opens
  /// name processes, the JSON and CSV give their ids.
  std::vector<std::pair<std::string, assessors::LocalText>> process_names = {};
  /// What changed since the register given to `assess --previous`, or none
  /// (register_changes.hpp); the Markdown and HTML registers show it.
  std::optional<RegisterChanges> changes = std::nullopt;
  /// The laid-out dependency graph for the HTML report (report_dependency_graph.hpp);
  /// set only when an HTML report is written, none otherwise.
  std::shared_ptr<const ReportGraph> dependency_graph = {};
};

}  // namespace knelpunt::risk_register
