/// geographic: common cause by location (docs/assessors.md). Two kinds of finding:
///
/// - "co-located-redundancy": a redundancy group (need k of n suppliers,
///   n > k) is lost once n − k + 1 suppliers fail. When that many of its
///   non-virtual suppliers share a zone (`zones: true`), or lie within
///   `radius` of one supplier (`radius` > 0), one local event takes the whole
///   group down: the redundancy is not redundancy for that threat. One
///   finding per group, naming every such zone and cluster; its identity is
///   the dependent asset and the co-located suppliers (the register
///   identifies its entry by the local event instead, decision 058).
/// - "zone": every zone whose loss (all its non-virtual assets failing at
///   t = 0) takes down vital assets outside the zone within the horizon; its
///   identity is the zone, so adding an asset to the zone keeps the id.
///
/// Likelihood: the default class of `threat` (default flood) in the threats
/// catalogue, else the scoring catalogue's default class. With likelihoods
/// from simulation (profile `likelihood: {source: simulate}`) and a scenario
/// of `threat` with a frequency in the model: how often the assets one event
/// takes down (the zone's, the largest cluster's) failed together in the
/// runs (decision 040). Measures: the
/// threat's measures plus a redundant feed (and emergency power for power).
/// Options: zones (default true), radius (default 500m; 0 turns it off),
/// threat (default flood; must be in the threats catalogue).

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "assessors/assessor_options.hpp"
#include "assessors/assessor_texts.hpp"
#include "assessors/builtin_assessors.hpp"
#include "assessors/geo_distance.hpp"
#include "assessors/impact_estimator.hpp"
#include "assessors/local_format.hpp"
#include "assessors/simulated_failures.hpp"
#include "assessors/structural_likelihood.hpp"
#include "assessors/structural_measures.hpp"
#include "model/suggest.hpp"

namespace knelpunt::assessors {

namespace {

/// A set of suppliers of one group that one local event takes down together.
struct Cluster {
  LocalText where;                         ///< "zone dijkring-22" / "within 500 m of x"
  std::vector<model::AssetIndex> members;  ///< ascending
};

/// The assets the event of one finding takes down together: a zone's
/// non-virtual members, or a group's largest co-located cluster.
struct LostTogether {
  std::vector<model::AssetIndex> assets;  ///< ascending
  std::string zone;                       ///< the zone's id; empty for a cluster
};

/// The first largest of `clusters` (not empty): the event a redundancy finding is about.
const Cluster& worst_of(const std::vector<Cluster>& clusters) {
  const Cluster* worst = &clusters.front();
  for (const auto& cluster : clusters)
    if (cluster.members.size() > worst->members.size()) worst = &cluster;
  return *worst;
}

class GeographicAssessor : public Assessor {
 public:
  std::string_view name() const override { return "geographic"; }

  void configure(const catalogs::Json& options, const catalogs::ReferenceData& reference,
                 const model::SourceLocation& where, model::Diagnostics& diagnostics) override {
    AssessorOptions reader(options, name(), where, diagnostics, {"zones", "radius", "threat"});
    zones_ = reader.boolean("zones", true);
    radius_m_ = reader.distance_m("radius", 500);
    threat_ = reader.text("threat", "flood");
    keep_effective_options(reader);
    if (!reference.threat(threat_)) {
      std::vector<std::string_view> ids;
      for (const auto& [id, threat] : reference.threats) ids.push_back(id);
      diagnostics.error(where, fmt::format("option 'threat' of assessor 'geographic' is '{}', which the threats catalogue "
                                           "does not have{}; expected one of {}",
                                           threat_, model::did_you_mean(threat_, ids), fmt::join(ids, ", ")));
    }
  }

  std::vector<Finding> assess(const AssessmentContext& context) const override {
    std::vector<Finding> findings;
    std::vector<LostTogether> events;  // events[i]: what findings[i]'s event takes down
    const StructuralMeasures structural(context);
    for (model::GroupIndex g = 0; g < context.graph.group_count(); ++g) {
      auto clusters = co_located(g, context);
      if (clusters.empty()) continue;
      findings.push_back(redundancy_finding(g, clusters, structural, context));
      events.push_back({worst_of(clusters).members, {}});
    }
    if (zones_) zone_findings(context, structural, findings, events);
    if (context.simulated) simulated_likelihoods(context, events, findings);
    return findings;
  }

 private:
  /// The clusters of group g's non-virtual suppliers that are large enough to lose the group.
  std::vector<Cluster> co_located(model::GroupIndex g, const AssessmentContext& context) const {
    const auto& group = context.graph.group(g);
    std::vector<Cluster> clusters;
    if (group.supplier_count <= group.need) return clusters;  // no redundancy to lose
    const std::size_t losses = group.losses_to_fail();
    std::vector<model::AssetIndex> suppliers;
    for (auto s : context.graph.suppliers(g))
      if (!context.graph.is_virtual(s)) suppliers.push_back(s);
    std::sort(suppliers.begin(), suppliers.end());
    suppliers.erase(std::unique(suppliers.begin(), suppliers.end()), suppliers.end());
    std::set<std::vector<model::AssetIndex>> seen;
    if (zones_) {
      std::map<std::string, std::vector<model::AssetIndex>> by_zone;  // sorted by zone id
      for (auto s : suppliers)
        for (const auto& zone : context.model.assets[s].zones) by_zone[zone].push_back(s);
      for (const auto& [zone, members] : by_zone)
        if (members.size() >= losses)
          clusters.push_back({local_text(Phrase::zone_name, zone), members});
    }
    if (radius_m_ > 0) {
      for (auto centre : suppliers) {
        const auto& at = context.model.assets[centre].location;
        if (!at) continue;
        std::vector<model::AssetIndex> members;
        double farthest = 0;
        for (auto s : suppliers) {
          const auto& other = context.model.assets[s].location;
          if (!other) continue;
          const double d = distance_m(*at, *other);
          if (d <= radius_m_) {
            members.push_back(s);
            farthest = std::max(farthest, d);
          }
        }
        if (members.size() < losses || !seen.insert(members).second) continue;
        const std::string label = context.model.assets[centre].id;
        clusters.push_back(
            {local_text(Phrase::within_radius, local_whole(radius_m_), label, local_whole(farthest)), members});
      }
    }
    return clusters;
  }

  Finding redundancy_finding(model::GroupIndex g, const std::vector<Cluster>& clusters,
                             const StructuralMeasures& structural,
                             const AssessmentContext& context) const {
    const auto& group = context.graph.group(g);
    const auto& dependent = context.model.assets[group.asset];
    const auto& written = dependent.depends_on[group.position];
    Finding finding;
    finding.assessor = std::string(name());
    finding.kind = "co-located-redundancy";
    finding.threat = threat_;
    std::vector<model::AssetIndex> co_located_suppliers;
    for (const auto& cluster : clusters)
      co_located_suppliers.insert(co_located_suppliers.end(), cluster.members.begin(), cluster.members.end());
    std::sort(co_located_suppliers.begin(), co_located_suppliers.end());
    co_located_suppliers.erase(std::unique(co_located_suppliers.begin(), co_located_suppliers.end()),
                               co_located_suppliers.end());
    finding.assets.push_back(dependent.id);
    for (auto s : co_located_suppliers) finding.assets.push_back(context.model.assets[s].id);
    std::sort(finding.assets.begin(), finding.assets.end());

    // The kind by its name in each language ("brandstof"), as the title is prose.
    const LocalText kind = written.kind.empty() ? LocalText{"-", "-"} : resource_kind_name(context.reference, written.kind);
    const std::string label = asset_label(dependent);
    // Sorted: the order of a from: list has no meaning and must not change the text.
    std::vector<std::string> supplier_ids = written.from.strings();
    std::sort(supplier_ids.begin(), supplier_ids.end());
    // The event the impact is estimated for: the first largest cluster.
    const Cluster* worst = &worst_of(clusters);
    // The title names the suppliers that stand together: they tell a
    // dependent's groups of one kind apart (two groups of flood protection,
    // each with both its suppliers in one zone), and they are what a reader
    // must move apart. At most kTitleNamed; the evidence names all of them.
    std::vector<std::string> together;
    for (auto s : worst->members) together.push_back(context.model.assets[s].id);
    std::sort(together.begin(), together.end());
    finding.title = local_text(Phrase::co_located_title, label, kind, worst->members.size(), group.supplier_count,
                               bounded_id_list(together, kTitleNamed), worst->where);
    finding.local_event = LocalEvent{together, worst->where, dependent.id};
    finding.description = local_text(Phrase::co_located_description, label, group.need, group.supplier_count,
                                     fmt::join(supplier_ids, ", "), threat_name(context.reference, threat_),
                                     group.losses_to_fail());
    for (const auto& cluster : clusters) {
      std::vector<std::string> ids;
      for (auto s : cluster.members) ids.push_back(context.model.assets[s].id);
      finding.evidence.push_back(local_text(Phrase::cluster_members, cluster.where, fmt::join(ids, ", ")));
    }
    std::vector<engine::Seed> seeds;
    for (auto s : worst->members) seeds.push_back({s, 0});
    auto outcome = context.impact.outcome(seeds);
    take_cascade(finding, std::move(outcome));
    finding.likelihood = threat_likelihood(context);
    finding.measures = measures(worst->members, structural, context);
    return finding;
  }

  void zone_findings(const AssessmentContext& context, const StructuralMeasures& structural,
                     std::vector<Finding>& findings, std::vector<LostTogether>& events) const {
    std::map<std::string, std::vector<model::AssetIndex>> members_of;
    for (model::AssetIndex a = 0; a < context.graph.asset_count(); ++a)
      if (!context.graph.is_virtual(a))
        for (const auto& zone : context.model.assets[a].zones) members_of[zone].push_back(a);
    const auto vital = context.vital_assets();
    for (const auto& [zone, members] : members_of) {
      std::vector<engine::Seed> seeds;
      for (auto a : members) seeds.push_back({a, 0});
      // The impact estimator's run, so that on a model with recovery an asset
      // whose supply is back before its buffer runs out is not counted as hit.
      auto outcome = context.impact.outcome(seeds);
      std::vector<std::string> hit;  // vital assets outside the zone that fail
      for (auto v : vital)
        if (!std::binary_search(members.begin(), members.end(), v) &&
            std::binary_search(outcome.affected.begin(), outcome.affected.end(), context.model.assets[v].id))
          hit.push_back(context.model.assets[v].id);
      if (hit.empty()) continue;
      std::vector<std::string> member_ids;
      for (auto a : members) member_ids.push_back(context.model.assets[a].id);
      // The horizon of this cascade: a vital process may lengthen it (profile `horizons:`).
      const LocalText horizon = local_hours(context.impact.horizon_of(seeds));
      Finding finding;
      finding.assessor = std::string(name());
      finding.kind = "zone";
      finding.subject = zone;
      finding.threat = threat_;
      const LocalText member_count = counted(members.size(), Phrase::assets_one, Phrase::assets_many);
      const LocalText hit_count = counted(hit.size(), Phrase::vital_assets_one, Phrase::vital_assets_many);
      finding.title = local_text(Phrase::zone_title, zone, member_count, hit_count);
      // Named once each, at most kNamed (all of them are in the entry's data):
      // a zone at region scale holds thousands of assets.
      finding.description = local_text(Phrase::zone_description, zone, member_count,
                                       threat_name(context.reference, threat_), horizon, hit_count,
                                       bounded_id_list(hit, kNamed));
      finding.evidence.push_back(local_text(Phrase::zone_members, zone, bounded_id_list(member_ids, kNamed)));
      take_cascade(finding, std::move(outcome));
      finding.likelihood = threat_likelihood(context);
      finding.measures = measures(members, structural, context);
      findings.push_back(std::move(finding));
      events.push_back({members, zone});
    }
  }

  /// Likelihoods from simulation for `findings` (events[i] is what
  /// findings[i]'s event takes down). The runs model a local event only
  /// where a scenario of this threat with a frequency does: then each
  /// finding takes how often its assets failed together in the runs,
  /// whatever the cause; else it keeps the threat's class and says why
  /// (decision 040).
  void simulated_likelihoods(const AssessmentContext& context,
                             const std::vector<LostTogether>& events,
                             std::vector<Finding>& findings) const {
    if (!simulates_threat(context.model, threat_)) {
      for (auto& finding : findings)
        finding.likelihood.rationale =
            local_text(Phrase::threat_not_simulated, finding.likelihood.rationale,
                       threat_name(context.reference, threat_));
      return;
    }
    std::vector<std::vector<model::AssetIndex>> sets;
    for (const auto& event : events)
      if (event.assets.size() > 1) sets.push_back(event.assets);
    const auto together = simulate_joint_failures_for(
        context.model, context.graph, *context.simulated, sets, context.threads, context.progress,
        "geographic: joint failures");
    std::size_t next = 0;  // the next count of `together`
    for (std::size_t i = 0; i < findings.size(); ++i) {
      const auto& event = events[i];
      if (event.assets.size() == 1) {
        findings[i].likelihood = structural_likelihood(event.assets, context);
      } else if (event.zone.empty()) {
        findings[i].likelihood = structural_likelihood(event.assets, context, together[next++]);
      } else {
        const LocalText members =
            counted(event.assets.size(), Phrase::assets_one, Phrase::assets_many);
        findings[i].likelihood = simulated_joint_likelihood(
            local_text(Phrase::zone_all_members, members, event.zone), together[next++], context);
      }
    }
  }

  Likelihood threat_likelihood(const AssessmentContext& context) const {
    const auto* threat = context.reference.threat(threat_);
    if (threat && threat->likelihood) {
      const char letter = catalogs::class_letter(*threat->likelihood);
      return {*threat->likelihood, local_text(Phrase::threat_default_class, letter,
                                              threat_name(context.reference, threat_))};
    }
    const auto& scoring = context.reference.scoring;
    const char letter = catalogs::class_letter(scoring.default_likelihood);
    return {scoring.default_likelihood,
            local_text(Phrase::threat_without_default, threat_name(context.reference, threat_),
                       letter)};
  }

  std::vector<std::string> measures(const std::vector<model::AssetIndex>& assets,
                                    const StructuralMeasures& structural,
                                    const AssessmentContext& context) const {
    auto measures = structural.of(assets);
    if (const auto* threat = context.reference.threat(threat_))
      for (const auto& id : threat->measures)
        if (context.reference.control(id)) measures.push_back(id);
    std::sort(measures.begin(), measures.end());
    measures.erase(std::unique(measures.begin(), measures.end()), measures.end());
    return measures;
  }

  /// Assets a text names at most; the rest it counts.
  static constexpr std::size_t kNamed = 25;
  /// Suppliers a co-located redundancy's title names at most; the rest it counts.
  static constexpr std::size_t kTitleNamed = 4;

  bool zones_ = true;
  double radius_m_ = 500;
  std::string threat_ = "flood";
};

}  // namespace

std::unique_ptr<Assessor> make_geographic_assessor() { return std::make_unique<GeographicAssessor>(); }

}  // namespace knelpunt::assessors
