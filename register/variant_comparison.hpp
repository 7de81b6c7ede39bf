#pragma once
/// What a variant of the model (a measure, docs/measures.md) buys: its
/// register against the base register — risks removed, reduced, raised and
/// added, matched by their stable ids — the change in expected annual
/// impact, people affected over time in the model's threat scenarios, and
/// the reduction per euro when the variant has a cost. Rendered by cli/
/// compare_command.cpp. Definitions: docs/measures.md and decision 009.

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "assessors/impact_estimator.hpp"
#include "register/risk.hpp"

namespace knelpunt::risk_register {

/// Yearly probability that stands for a likelihood class: the geometric
/// middle of the class's bounds over the period (A: its upper bound / √10;
/// E: √(lower bound)), converted to one year.
double yearly_probability(const std::vector<catalogs::LikelihoodClass>& classes, catalogs::ClassIndex likelihood,
                          int period_years);

/// Σ over the risks of yearly_probability(likelihood) × impact score: the
/// register's expected annual impact in impact-score points per year.
double expected_annual_impact(const Register& reg, int period_years);

/// People in areas lacking a service at fixed times in one cascade, and its
/// people-hours without service, each area counted once (once per service
/// and hour for people-hours; engine/affected_people.hpp): the figures of the
/// timeline a register entry for that cascade shows.
struct PeopleOverTime {
  model::Hours horizon = 72;   ///< the cascade's own horizon (ImpactEstimator::horizon_of)
  std::vector<double> at_h;    ///< the checkpoints in hours: 1, 6, 24, 72 below the horizon, then the horizon
  std::vector<double> people;  ///< same length
  double people_hours = 0;     ///< Σ area population × hours without a service, per service
};

/// The cascade of one scenario's initial failures (failures of assets the
/// model lacks are skipped) through `estimator` (built on `model` with the
/// profile's horizons), so within the horizon the register gives it (a
/// vital process's own where one applies), and the people affected at each
/// checkpoint. On a model with `recovery`, people whose service is back by
/// a checkpoint no longer count there, and people-hours end when service
/// returns (assessors/impact_estimator.hpp).
PeopleOverTime people_over_time(const model::Model& model, const model::DependencyGraph& graph,
                                const assessors::ImpactEstimator& estimator,
                                const std::vector<model::InitialFailure>& initial);

/// One threat scenario (or a variant's own events) without and with a
/// variant. Scenarios are alternatives, so their people are never summed
/// into one head count (decision 049).
struct ScenarioPeople {
  std::string id;     ///< the scenario's id; the variant's id for its own events
  std::string title;  ///< the scenario's title; empty for a variant's events
  PeopleOverTime base, variant;
  /// True when some checkpoint or the people-hours differ.
  bool changed() const;
};

/// An added critical pair's two assets failing together at t=0, without and
/// with the variant: people-hours without a service within the horizon the
/// register gives that cascade (decision 057). It tells a measure that makes
/// this failure worse from one that only makes the register list the pair
/// (a single point that no longer suffices alone, docs/measures.md).
struct JointFailure {
  double base_people_hours = 0;     ///< an asset the base model lacks is left out
  double variant_people_hours = 0;
};

struct RiskChange {
  std::string id;
  std::string old_level, new_level;  ///< level ids; empty when absent on that side
  /// The levels as readers name them ("zeer hoog" / "very high", not the id
  /// "zeer-hoog"); empty when absent on that side.
  assessors::LocalText old_level_name, new_level_name;
  double old_score = 0, new_score = 0;  ///< impact scores
  /// Assets that fail with it within its horizon, beside its own (the
  /// register's count, `affected`, of the assets compare_registers counts),
  /// on each side; 0 where absent.
  std::size_t old_affected = 0, new_affected = 0;
  assessors::LocalText title;
  std::optional<JointFailure> joint_failure;  ///< added critical pairs only (add_joint_failures)
};

struct VariantComparison {
  std::string variant, title;
  std::optional<double> cost;
  std::vector<RiskChange> removed;  ///< in base only; by base level (highest first), then id
  std::vector<RiskChange> reduced;  ///< lower level with the variant
  std::vector<RiskChange> raised;   ///< higher level with the variant
  std::vector<RiskChange> added;    ///< in the variant only
  /// At the same level on both sides, but with another count of affected
  /// assets or another impact score: a pair that no longer takes the
  /// hospital down still hits the general practice. The largest change in
  /// impact score first, then in affected assets, then in base order.
  std::vector<RiskChange> changed;
  double base_expected_impact = 0, variant_expected_impact = 0;
  std::vector<ScenarioPeople> scenarios;  ///< the model's scenarios in model order, then the variant's events
  /// Σ over the scenarios of their people-hours without and with the variant:
  /// a total of consequences over alternatives, not a head count.
  double base_people_hours() const;
  double variant_people_hours() const;
  /// base − variant expected annual impact, per euro of cost; none without a (positive) cost.
  std::optional<double> reduction_per_euro;
  double reduction() const { return base_expected_impact - variant_expected_impact; }
};

/// Whether an asset counts when affected assets are compared: `compare`
/// counts those both models have, so that a measure's own new asset (a
/// generator that floods with the rest) is not read as more harm.
using CountedAsset = std::function<bool(std::string_view asset)>;

/// Compares the base register with a variant's (both with the same diagram).
/// `counted` (every asset when empty) picks the affected assets that
/// RiskChange::old_affected and new_affected count and `changed` compares.
VariantComparison compare_registers(const Register& base, const Register& variant, int period_years,
                                    const CountedAsset& counted = {});

/// A cascade of initial failures on one side of a comparison (base or variant).
using PeopleOf = std::function<PeopleOverTime(const std::vector<model::InitialFailure>&)>;

/// Sets `joint_failure` of each added risk of `comparison` that is a critical
/// pair (kind "common-cause") in `variant`, the register it was added in.
void add_joint_failures(VariantComparison& comparison, const Register& variant, const PeopleOf& base_people,
                        const PeopleOf& variant_people);

/// Ranks comparisons: those with a cost by reduction per euro (highest first),
/// then those without by reduction; ties by variant id.
void rank_comparisons(std::vector<VariantComparison>& comparisons);

}  // namespace knelpunt::risk_register
