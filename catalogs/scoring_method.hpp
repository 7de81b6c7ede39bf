#pragma once
/// The Dutch national risk method as data (catalogs/scoring.yaml,
/// docs/catalogs.md): impact classes A–E per criterion of the Regionaal
/// Risicoprofiel, their weighted sum, likelihood classes A–E over a period,
/// the likelihood steps of cyber exposure, and the 5×5 risk diagrams. Every
/// number comes from the catalogue (and a model's overrides); none is in code.

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalogs/catalog.hpp"
#include "model/diagnostic.hpp"

namespace knelpunt::catalogs {

/// A class A–E as an index 0–4 (A = 0).
using ClassIndex = int;
inline constexpr int kClassCount = 5;
/// 'A' … 'E'.
char class_letter(ClassIndex index);
/// 0 … 4 for 'A' … 'E', else nothing.
std::optional<ClassIndex> parse_class(std::string_view text);

struct ImpactClass {
  std::string id;  ///< "A" … "E"
  std::string name, name_en;
  double value = 0;  ///< score of the class in the weighted sum
};

/// How knelpunt estimates a criterion from a cascade, when it can
/// (docs/catalogs.md, "Scoring"). `people` and `people_hours` count people
/// or people-hours of the `serve` basis; `service_outage` sums, over the
/// model's areas and the services in `rates`, the area's basis (residents,
/// or km² of surface) × the time it lacks that service within the horizon
/// (in hours, or days with `per: day`) × the service's rate: euros per
/// person-hour for costs, victims per person-hour for a proxy, 1 for a plain
/// measure. The catalogue states the rates' source (`source`).
struct ImpactEstimate {
  enum class Measure { people, people_hours, service_outage };
  enum class Basis { population, area_km2 };
  Measure measure = Measure::people;
  std::string serve = "population";  ///< the `serves` key summed over failed non-virtual assets
  std::vector<std::string> processes;  ///< only failed assets of these processes count; empty = all
  Basis basis = Basis::population;      ///< service_outage: what an area counts
  double hours_per_unit = 1;            ///< service_outage: 1 (`per: hour`) or 24 (`per: day`)
  std::map<std::string, double, std::less<>> rates;  ///< service_outage: service → factor, sorted by service
  std::string source;                   ///< where the rates come from, or that they are knelpunt defaults
};

/// A criterion knelpunt does not estimate from a model: an analyst scores
/// it (the tracking file's `impact_expert`), and until then the register
/// shows it as "niet bepaald (expertoordeel)" with this reason.
struct ExpertJudgement {
  std::string reason, reason_en;  ///< why the model cannot give it
};

struct ImpactCriterion {
  std::string id;  ///< "2.3"
  std::string name, name_en, interest, interest_en, unit;
  double weight = 1;
  std::optional<ImpactEstimate> estimate;
  /// Exactly one of `estimate` and `expert` is set: a criterion with neither
  /// in the catalogue is read as expert judgement ("no estimation rule").
  std::optional<ExpertJudgement> expert;
  std::array<double, kClassCount> limits{};  ///< lower limit of each class in `unit`, increasing

  /// The class of `value`: the highest class whose lower limit ≤ value;
  /// nothing when below class A's limit (no impact on this criterion).
  std::optional<ClassIndex> classify(double value) const;
};

struct LikelihoodClass {
  std::string id, name, name_en;
  std::optional<double> below;  ///< upper bound (exclusive) of the probability over the period; none for E
};

struct RiskLevel {
  std::string id, name, name_en;
};

struct RiskDiagram {
  std::string id, name, name_en;
  std::vector<RiskLevel> levels;  ///< lowest first
  /// cells[likelihood][impact] = index into `levels`.
  std::array<std::array<int, kClassCount>, kClassCount> cells{};

  /// Index of the level with this id, or nothing.
  std::optional<int> level_index(std::string_view id) const;
};

/// The lowest impact of a cascade that takes down an asset of a vital
/// process when no estimate reaches class A (`vital_process_floor` in the
/// catalogue): no knelpunt of a vital process is left without an impact
/// class. A knelpunt default with its rationale, never an official figure.
struct VitalProcessFloor {
  std::string criterion;        ///< e.g. "3.1"
  ClassIndex impact_class = 0;  ///< e.g. A
  std::string rationale, rationale_en;
};

struct ScoringMethod {
  std::vector<ImpactClass> classes;         ///< A … E
  std::vector<ImpactCriterion> criteria;    ///< in catalogue order
  std::array<double, kClassCount> total_limits{};  ///< lower limit of the total score per class
  int period_years = 5;
  std::vector<LikelihoodClass> likelihood_classes;  ///< A … E
  ClassIndex default_likelihood = 2;              ///< of a structural finding with no p
  ClassIndex cyber_base_likelihood = 1;           ///< where cyber-exposure findings start
  std::map<std::string, int, std::less<>> likelihood_steps;  ///< condition → classes up (+) or down (−)
  std::vector<RiskDiagram> risk_diagrams;
  std::optional<VitalProcessFloor> vital_process_floor;

  /// The criterion with this id, or nullptr.
  const ImpactCriterion* criterion(std::string_view id) const;
  /// The risk diagram with this id, or nullptr.
  const RiskDiagram* diagram(std::string_view id) const;
  /// Σ weight × class value over the scored criteria (criterion id → class).
  double total_score(const std::map<std::string, ClassIndex, std::less<>>& impact) const;
  /// The total impact class of a score; nothing when below class A's limit.
  std::optional<ClassIndex> total_class(double score) const;
  /// Probability of at least one occurrence in `period_years` for a yearly probability.
  double period_probability(double per_year) const;
  /// The likelihood class of a probability over the period.
  ClassIndex likelihood_class(double period_probability) const;
  /// The step of a likelihood condition (0 when the catalogue has none).
  int step(std::string_view condition) const;
};

/// Reads and checks the scoring catalogue: five classes A–E, increasing
/// limits, a complete 5×5 diagram whose cells name its levels, … Problems
/// are diagnostics at the entry or key that holds them.
ScoringMethod read_scoring_method(const Catalog& scoring, model::Diagnostics& diagnostics);

}  // namespace knelpunt::catalogs
