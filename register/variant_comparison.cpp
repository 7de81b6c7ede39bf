#include "register/variant_comparison.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "register/register_texts.hpp"

namespace knelpunt::risk_register {

double yearly_probability(const std::vector<catalogs::LikelihoodClass>& classes, catalogs::ClassIndex likelihood,
                          int period_years) {
  const auto i = static_cast<std::size_t>(likelihood);
  const double upper = i < classes.size() && classes[i].below ? *classes[i].below : 1.0;
  const double lower = i > 0 && i - 1 < classes.size() && classes[i - 1].below ? *classes[i - 1].below : upper / 10.0;
  const double period = std::sqrt(lower * upper);
  return 1.0 - std::pow(1.0 - std::min(period, 0.999999), 1.0 / std::max(1, period_years));
}

double expected_annual_impact(const Register& reg, int period_years) {
  double total = 0;
  for (const auto& risk : reg.risks)
    total += yearly_probability(reg.likelihood_classes, risk.likelihood, period_years) * risk.impact_score;
  return total;
}

PeopleOverTime people_over_time(const model::Model& model, const model::DependencyGraph& graph,
                                const assessors::ImpactEstimator& estimator,
                                const std::vector<model::InitialFailure>& initial) {
  std::vector<engine::Seed> seeds;
  for (const auto& failure : initial)
    if (auto index = model.find(failure.asset); index && !graph.is_virtual(static_cast<model::AssetIndex>(*index)))
      seeds.push_back({static_cast<model::AssetIndex>(*index), failure.at});
  PeopleOverTime result;
  result.horizon = estimator.horizon_of(seeds);
  for (double t : {1.0, 6.0, 24.0, 72.0})
    if (t < result.horizon) result.at_h.push_back(t);
  result.at_h.push_back(result.horizon);
  result.people.assign(result.at_h.size(), 0.0);
  if (seeds.empty()) return result;
  // In full: the timeline is evidence that `brief` leaves out.
  const auto outcome = estimator.outcome(seeds);
  result.people_hours = outcome.people_hours;
  for (std::size_t c = 0; c < result.at_h.size(); ++c)
    for (const auto& point : outcome.timeline)
      if (point.t_h <= result.at_h[c]) result.people[c] = point.people;
  return result;
}

bool ScenarioPeople::changed() const {
  return base.at_h != variant.at_h || base.people != variant.people || base.people_hours != variant.people_hours;
}

double VariantComparison::base_people_hours() const {
  double total = 0;
  for (const auto& scenario : scenarios) total += scenario.base.people_hours;
  return total;
}

double VariantComparison::variant_people_hours() const {
  double total = 0;
  for (const auto& scenario : scenarios) total += scenario.variant.people_hours;
  return total;
}

VariantComparison compare_registers(const Register& base, const Register& variant, int period_years,
                                    const CountedAsset& counted) {
  VariantComparison comparison;
  const auto affected_of = [&](const Risk& risk) {
    if (!counted) return risk.finding.affected.size();
    return static_cast<std::size_t>(
        std::count_if(risk.finding.affected.begin(), risk.finding.affected.end(), counted));
  };
  std::map<std::string, const Risk*> in_variant;
  for (const auto& risk : variant.risks) in_variant[risk.id] = &risk;
  std::map<std::string, const Risk*> in_base;
  for (const auto& risk : base.risks) in_base[risk.id] = &risk;
  // A risk as it was (`before`, in base) and is (`after`, in the variant);
  // either may be absent. The title is the newest one.
  auto change_of = [&](const Risk* before, const Risk* after) {
    RiskChange change;
    change.id = after ? after->id : before->id;
    change.title = after ? after->finding.title : before->finding.title;
    if (before) {
      change.old_level = level_id(base.diagram, before->level);
      change.old_level_name = {level_name(base.diagram, before->level, "nl"),
                               level_name(base.diagram, before->level, "en")};
      change.old_score = before->impact_score;
      change.old_affected = affected_of(*before);
    }
    if (after) {
      change.new_level = level_id(variant.diagram, after->level);
      change.new_level_name = {level_name(variant.diagram, after->level, "nl"),
                               level_name(variant.diagram, after->level, "en")};
      change.new_score = after->impact_score;
      change.new_affected = affected_of(*after);
    }
    return change;
  };
  // Base risks are in register order (level, likelihood, score, id): keep it.
  for (const auto& risk : base.risks) {
    auto it = in_variant.find(risk.id);
    if (it == in_variant.end()) {
      comparison.removed.push_back(change_of(&risk, nullptr));
      continue;
    }
    const Risk& now = *it->second;
    if (now.level < risk.level)
      comparison.reduced.push_back(change_of(&risk, &now));
    else if (now.level > risk.level)
      comparison.raised.push_back(change_of(&risk, &now));
    else if (auto change = change_of(&risk, &now);
             change.new_score != change.old_score || change.new_affected != change.old_affected)
      comparison.changed.push_back(std::move(change));
  }
  // The largest changes first (impact score, then affected assets), the
  // register's order among equals: a board reads the few that matter first.
  std::stable_sort(comparison.changed.begin(), comparison.changed.end(), [](const RiskChange& a, const RiskChange& b) {
    const auto score = [](const RiskChange& c) { return std::abs(c.new_score - c.old_score); };
    const auto assets = [](const RiskChange& c) {
      return c.new_affected > c.old_affected ? c.new_affected - c.old_affected : c.old_affected - c.new_affected;
    };
    if (score(a) != score(b)) return score(a) > score(b);
    return assets(a) > assets(b);
  });
  for (const auto& risk : variant.risks)
    if (!in_base.count(risk.id)) comparison.added.push_back(change_of(nullptr, &risk));
  comparison.base_expected_impact = expected_annual_impact(base, period_years);
  comparison.variant_expected_impact = expected_annual_impact(variant, period_years);
  return comparison;
}

void add_joint_failures(VariantComparison& comparison, const Register& variant, const PeopleOf& base_people,
                        const PeopleOf& variant_people) {
  std::map<std::string_view, const Risk*> by_id;
  for (const auto& risk : variant.risks) by_id.emplace(risk.id, &risk);
  for (auto& change : comparison.added) {
    const auto it = by_id.find(change.id);
    if (it == by_id.end() || it->second->finding.kind != "common-cause") continue;
    std::vector<model::InitialFailure> both;
    for (const auto& asset : it->second->finding.assets) both.push_back({asset, 0, {}});
    change.joint_failure = JointFailure{base_people(both).people_hours, variant_people(both).people_hours};
  }
}

void rank_comparisons(std::vector<VariantComparison>& comparisons) {
  for (auto& c : comparisons)
    c.reduction_per_euro = c.cost && *c.cost > 0 ? std::optional<double>(c.reduction() / *c.cost) : std::nullopt;
  std::stable_sort(comparisons.begin(), comparisons.end(), [](const VariantComparison& a, const VariantComparison& b) {
    if (a.reduction_per_euro.has_value() != b.reduction_per_euro.has_value()) return a.reduction_per_euro.has_value();
    if (a.reduction_per_euro && *a.reduction_per_euro != *b.reduction_per_euro)
      return *a.reduction_per_euro > *b.reduction_per_euro;
    if (a.reduction() != b.reduction()) return a.reduction() > b.reduction();
    return a.variant < b.variant;
  });
}

}  // namespace knelpunt::risk_register
