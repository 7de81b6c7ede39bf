#pragma once
/// A finding: what an assessor reports about the model (docs/assessors.md). The
/// register (register/) turns findings into risks: it scores them with the
/// catalogue's risk diagram, gives them stable ids and adds tracking.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalogs/scoring_method.hpp"

namespace knelpunt::assessors {

/// A text in the register's two languages: Dutch (the default) and English.
struct LocalText {
  std::string nl;
  std::string en;
  const std::string& in(std::string_view lang) const { return lang == "en" ? en : nl; }
  friend bool operator==(const LocalText&, const LocalText&) = default;
};

/// One step of a cause-effect chain: `asset` fails at `t_h` hours because of `via`
/// (a supplier id, or empty for an initial failure). On a model with
/// `recovery` (docs/restoration.md) the step also says how long the asset is
/// down within the horizon and, when it is up again at the horizon, when it
/// came back for good; without recovery nothing comes back and both are empty.
struct ChainStep {
  std::string asset;
  double t_h = 0;
  std::string via;
  std::optional<double> down_h = std::nullopt;  ///< total time down within the horizon (restoration only)
  std::optional<double> back_h = std::nullopt;  ///< end of its last outage, when it ends within the horizon (restoration only)
  friend bool operator==(const ChainStep&, const ChainStep&) = default;
};

/// A known exploited vulnerability (CISA KEV) of a product an asset runs.
struct CveEvidence {
  std::string cve;
  std::string vendor_project, product;  ///< as KEV names them
  std::string required_action;
  std::string due_date;
  bool known_ransomware = false;       ///< knownRansomwareCampaignUse = Known
  std::optional<double> epss;          ///< EPSS score when the cache has one
  std::optional<double> epss_percentile;
  friend bool operator==(const CveEvidence&, const CveEvidence&) = default;
};

/// People affected at a moment of a cascade (for scenario timelines): the
/// state just after everything that happens at `t_h`. Without recovery
/// failures are permanent and the counts only grow; with recovery they fall
/// again as service returns.
struct TimelinePoint {
  double t_h = 0;
  std::size_t assets_failed = 0;  ///< non-virtual assets down at t_h
  /// People in areas lacking a service at t_h, each area once
  /// (engine/affected_people.hpp; an asset without areas counts its own population).
  double people = 0;
  /// The services (the model's `supplies` services, sorted ids) lacking in
  /// at least one area at t_h; an asset's own population without areas
  /// names no service.
  std::vector<std::string> services_lost = {};
  friend bool operator==(const TimelinePoint&, const TimelinePoint&) = default;
};

/// Where a criterion's class comes from: a rule of the scoring catalogue
/// (`estimate`), the catalogue's floor for a vital process when no rule
/// reaches class A (`floor`), or an analyst's class from the tracking file
/// (`expert`, register/tracking.hpp).
enum class ImpactSource { estimate, floor, expert };

/// The impact on one criterion of the Regionaal Risicoprofiel.
struct CriterionImpact {
  std::string criterion;           ///< "2.3"
  catalogs::ClassIndex impact_class = 0;
  double value = 0;                ///< in the criterion's unit; 0 when stated, not estimated
  LocalText basis;                 ///< how the value was found
  ImpactSource source = ImpactSource::estimate;
  friend bool operator==(const CriterionImpact&, const CriterionImpact&) = default;
};

struct Likelihood {
  catalogs::ClassIndex likelihood_class = 2;
  LocalText rationale;  ///< which rule and which inputs gave the class
  friend bool operator==(const Likelihood&, const Likelihood&) = default;
};

/// What other entries already count of a cascade (decision 046): the
/// members of a cut set that have an entry of their own as a single point,
/// each with the values of its own cascade per criterion of the scoring
/// catalogue (catalogue order; 0 for a criterion without an estimate). An
/// outcome given such a baseline classes each estimated criterion by what
/// the cascade adds to the largest of them: its own value minus that one,
/// never below 0 (ImpactEstimator::outcome).
struct CountedElsewhere {
  struct Member {
    std::string id;              ///< the asset whose own entry counts `values`
    std::vector<double> values;  ///< per criterion
    friend bool operator==(const Member&, const Member&) = default;
  };
  std::vector<Member> members;  ///< at least one, in id order

  /// The baseline of criterion `c`: the largest of the members' values (0
  /// for a criterion beyond their values).
  double baseline(std::size_t c) const;
  /// The member whose value is the baseline of criterion `c`: the first in
  /// id order of those with the largest.
  const std::string& counted_by(std::size_t c) const;
  /// The members' ids, in id order.
  std::vector<std::string> ids() const;

  friend bool operator==(const CountedElsewhere&, const CountedElsewhere&) = default;
};

/// One local event a finding is about (geographic's co-located redundancy):
/// what it takes down at t = 0 — the seeds of the finding's cascade — and
/// where. Findings with the same event have the same cascade, so the
/// register gives them one entry (decision 054). Not part of the identity.
struct LocalEvent {
  std::vector<std::string> assets;  ///< taken down at t = 0, sorted
  LocalText where;                  ///< "zone compartiment-zuid", "binnen 500 m van …"
  std::string dependent;            ///< the asset whose redundancy the event defeats
  friend bool operator==(const LocalEvent&, const LocalEvent&) = default;
};

/// A finding. Its identity — (assessor, kind, sorted assets, scenario, subject) — must
/// not depend on anything but the risk itself, so that the register id stays
/// the same across runs and unrelated model edits.
struct Finding {
  std::string assessor;             ///< "single-point", …
  std::string kind;                 ///< "spof", "common-cause", "reach", "co-located", "exposure", …
  std::vector<std::string> assets;  ///< the assets the risk is about, sorted; part of the identity
  std::string scenario;             ///< scenario id, or empty; part of the identity
  std::string subject;              ///< a further identity key (a zone, a baseline), or empty; part of the identity
  std::string threat;               ///< threat id (catalogs/threats.yaml), or empty
  LocalText title;
  LocalText description;            ///< one or two sentences; may be empty
  std::vector<std::string> affected;   ///< non-virtual assets that fail within the horizon, sorted
  /// The horizon of the finding's own cascade, in hours: the assessor's, or
  /// a vital process's own (profile `horizons:`); absent without a cascade.
  std::optional<double> horizon_h;
  std::vector<ChainStep> chain;        ///< cause and effect, in time order
  std::size_t chain_omitted = 0;       ///< steps left out of `chain` by the profile's limits.chain_steps
  std::vector<LocalText> evidence;     ///< further facts: cut sets, zones, distances, controls missing, …
  std::vector<CveEvidence> cves;       ///< sorted by cve id
  std::vector<TimelinePoint> timeline; ///< people affected over time, when relevant
  Likelihood likelihood;
  std::vector<CriterionImpact> impact; ///< scored criteria, in catalogue order; unscored ones absent
  /// Why `impact` is empty, when it is and the finding is detailed
  /// (CascadeOutcome::no_impact_reason); empty otherwise.
  LocalText no_impact_reason;
  std::vector<std::string> measures;   ///< control ids (catalogs/controls.yaml), sorted, unique
  std::optional<LocalEvent> local_event;  ///< the event the cascade is of, for a local threat's finding
  /// Assets the entry concerns beside its subject `assets`, sorted; not part
  /// of the identity: the assets whose redundancy a critical pair's local
  /// event defeats (decision 056). Their operators and vital processes see
  /// the entry.
  std::vector<std::string> concerns;
  /// The baseline the finding's impact is counted beyond (decision 046), when
  /// part of its cascade is counted in other entries: kept so that detailing
  /// a finding given in brief writes the same basis texts a full run does.
  std::optional<CountedElsewhere> counted_elsewhere;
  /// True for a finding given in brief (decision 021): its identity, title,
  /// description, likelihood, impact and measures are final, but `affected`,
  /// `chain` and `timeline` are empty until Assessment::detail fills them
  /// in. Assessors brief only when AssessmentContext::in_brief allows it.
  bool brief = false;
  friend bool operator==(const Finding&, const Finding&) = default;
};

}  // namespace knelpunt::assessors
