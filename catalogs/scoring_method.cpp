#include "catalogs/scoring_method.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "catalogs/catalog_json_reader.hpp"

namespace knelpunt::catalogs {

char class_letter(ClassIndex index) { return static_cast<char>('A' + std::clamp(index, 0, kClassCount - 1)); }

std::optional<ClassIndex> parse_class(std::string_view text) {
  if (text.size() != 1 || text[0] < 'A' || text[0] > 'E') return std::nullopt;
  return text[0] - 'A';
}

std::optional<ClassIndex> ImpactCriterion::classify(double value) const {
  std::optional<ClassIndex> result;
  for (int c = 0; c < kClassCount; ++c)
    if (value >= limits[c]) result = c;
  return result;
}

std::optional<int> RiskDiagram::level_index(std::string_view level_id) const {
  for (std::size_t i = 0; i < levels.size(); ++i)
    if (levels[i].id == level_id) return static_cast<int>(i);
  return std::nullopt;
}

const ImpactCriterion* ScoringMethod::criterion(std::string_view criterion_id) const {
  for (const auto& c : criteria)
    if (c.id == criterion_id) return &c;
  return nullptr;
}

const RiskDiagram* ScoringMethod::diagram(std::string_view diagram_id) const {
  for (const auto& d : risk_diagrams)
    if (d.id == diagram_id) return &d;
  return nullptr;
}

double ScoringMethod::total_score(const std::map<std::string, ClassIndex, std::less<>>& impact) const {
  double score = 0;
  // Catalogue order, so the floating-point sum is the same whatever the map holds.
  for (const auto& c : criteria)
    if (auto it = impact.find(c.id); it != impact.end()) score += c.weight * classes[it->second].value;
  return score;
}

std::optional<ClassIndex> ScoringMethod::total_class(double score) const {
  std::optional<ClassIndex> result;
  for (int c = 0; c < kClassCount; ++c)
    if (score >= total_limits[c]) result = c;
  return result;
}

double ScoringMethod::period_probability(double per_year) const {
  const double p = std::clamp(per_year, 0.0, 1.0);
  return 1.0 - std::pow(1.0 - p, period_years);
}

ClassIndex ScoringMethod::likelihood_class(double probability) const {
  for (int c = 0; c < kClassCount; ++c)
    if (!likelihood_classes[c].below || probability < *likelihood_classes[c].below) return c;
  return kClassCount - 1;
}

int ScoringMethod::step(std::string_view condition) const {
  auto it = likelihood_steps.find(condition);
  return it == likelihood_steps.end() ? 0 : it->second;
}

namespace {

void read_classes(const Catalog& catalog, CatalogJsonReader& reader, ScoringMethod& method) {
  const auto where = catalog.where_of("classes");
  const Json* classes = reader.member(catalog.extra, "classes", where, "the scoring catalogue");
  if (!classes) return;
  if (!classes->is_array() || classes->size() != kClassCount) {
    reader.error(where, "'classes' must list the five impact classes A–E, lowest first; expected five entries");
    return;
  }
  for (int c = 0; c < kClassCount; ++c) {
    const Json& item = (*classes)[static_cast<std::size_t>(c)];
    ImpactClass impact_class;
    impact_class.id = reader.text(item, "id", where, "an impact class");
    if (impact_class.id != std::string(1, class_letter(c)))
      reader.error(where, fmt::format("impact class {} has id '{}'; expected '{}' (classes A–E in order)", c + 1,
                                      impact_class.id, class_letter(c)));
    impact_class.name = reader.text(item, "name", where, "an impact class");
    impact_class.name_en = reader.text(item, "name_en", where, "an impact class", false);
    impact_class.value = reader.number(item, "value", where, "an impact class").value_or(0);
    method.classes.push_back(std::move(impact_class));
  }
}

ImpactEstimate read_estimate(const Json& estimate, const model::SourceLocation& where, const std::string& what,
                             CatalogJsonReader& reader) {
  ImpactEstimate e;
  const std::string measure = reader.text(estimate, "measure", where, what + " estimate");
  if (measure == "people")
    e.measure = ImpactEstimate::Measure::people;
  else if (measure == "people_hours")
    e.measure = ImpactEstimate::Measure::people_hours;
  else if (measure == "service_outage")
    e.measure = ImpactEstimate::Measure::service_outage;
  else
    reader.error(where, fmt::format("{} estimates by '{}'; expected measure people, people_hours or service_outage", what,
                                    measure));
  if (auto serve = reader.text(estimate, "serve", where, what + " estimate", false); !serve.empty()) e.serve = serve;
  e.processes = reader.strings(estimate, "processes", where, what + " estimate");
  e.source = reader.text(estimate, "source", where, what + " estimate", e.measure == ImpactEstimate::Measure::service_outage);
  if (e.measure != ImpactEstimate::Measure::service_outage) return e;
  const std::string basis = reader.text(estimate, "basis", where, what + " estimate", false);
  if (basis == "area_km2")
    e.basis = ImpactEstimate::Basis::area_km2;
  else if (!basis.empty() && basis != "population")
    reader.error(where, fmt::format("{} estimate has basis '{}'; expected population or area_km2", what, basis));
  const std::string per = reader.text(estimate, "per", where, what + " estimate", false);
  if (per == "day")
    e.hours_per_unit = 24;
  else if (!per.empty() && per != "hour")
    reader.error(where, fmt::format("{} estimate has per '{}'; expected hour or day", what, per));
  const Json* rates = reader.member(estimate, "rates", where, what + " estimate");
  if (rates && (!rates->is_object() || rates->empty()))
    reader.error(where, fmt::format("'rates' of {} estimate is {}; expected a mapping of services to numbers", what,
                                    rates->dump()));
  else if (rates)
    for (const auto& [service, rate] : rates->items()) {
      if (!rate.is_number() || rate.get<double>() < 0)
        reader.error(where, fmt::format("rate of service '{}' of {} estimate is {}; expected a number ≥ 0", service, what,
                                        rate.dump()));
      else
        e.rates[service] = rate.get<double>();
    }
  return e;
}

void read_criteria(const Catalog& catalog, CatalogJsonReader& reader, ScoringMethod& method) {
  for (const auto& entry : catalog.entries) {
    const Json& f = entry.fields;
    const std::string what = "criterion '" + entry.id + "'";
    ImpactCriterion criterion;
    criterion.id = entry.id;
    criterion.name = reader.text(f, "name", entry.where, what);
    criterion.name_en = reader.text(f, "name_en", entry.where, what, false);
    criterion.interest = reader.text(f, "interest", entry.where, what, false);
    criterion.interest_en = reader.text(f, "interest_en", entry.where, what, false);
    criterion.unit = reader.text(f, "unit", entry.where, what, false);
    criterion.weight = reader.number(f, "weight", entry.where, what).value_or(1);
    if (criterion.weight < 0) reader.error(entry.where, what + " has a negative weight; expected 0 or more");
    if (auto limits = reader.class_limits(f, "limits", entry.where, what)) criterion.limits = *limits;
    if (const Json* estimate = reader.member(f, "estimate", entry.where, what, false))
      criterion.estimate = read_estimate(*estimate, entry.where, what, reader);
    if (const Json* expert = reader.member(f, "expert", entry.where, what, false))
      criterion.expert = ExpertJudgement{reader.text(*expert, "reason", entry.where, what + " expert"),
                                         reader.text(*expert, "reason_en", entry.where, what + " expert", false)};
    // Never silently blank: a criterion is estimated by a rule or left to an
    // analyst. One with neither (a model's override written before version 3)
    // is left to an analyst, and the register says so.
    if (criterion.estimate && criterion.expert)
      reader.error(entry.where, what + " has both 'estimate' and 'expert'; expected one: a rule, or 'expert' (not "
                                       "determined from the model, with a reason)");
    if (!criterion.estimate && !criterion.expert)
      criterion.expert = ExpertJudgement{"de catalogus geeft geen schattingsregel",
                                         "the catalogue gives no estimation rule"};
    method.criteria.push_back(std::move(criterion));
  }
  if (method.criteria.empty())
    reader.error(catalog.where, "the scoring catalogue has no criteria; expected the impact criteria as its entries");
}

/// The optional `vital_process_floor`: it must name a criterion the catalogue estimates and a class.
void read_floor(const Catalog& catalog, CatalogJsonReader& reader, ScoringMethod& method) {
  const auto where = catalog.where_of("vital_process_floor");
  const Json* floor = reader.member(catalog.extra, "vital_process_floor", where, "the scoring catalogue", false);
  if (!floor) return;
  VitalProcessFloor out;
  out.criterion = reader.text(*floor, "criterion", where, "'vital_process_floor'");
  const std::string letter = reader.text(*floor, "class", where, "'vital_process_floor'");
  if (auto c = parse_class(letter))
    out.impact_class = *c;
  else
    reader.error(where, fmt::format("'class' of 'vital_process_floor' is '{}'; expected a class A–E", letter));
  out.rationale = reader.text(*floor, "rationale", where, "'vital_process_floor'");
  out.rationale_en = reader.text(*floor, "rationale_en", where, "'vital_process_floor'", false);
  const auto* criterion = method.criterion(out.criterion);
  if (!criterion || !criterion->estimate)
    reader.error(where, fmt::format("'vital_process_floor' names criterion '{}'; expected a criterion of this catalogue "
                                    "with an 'estimate'",
                                    out.criterion));
  method.vital_process_floor = std::move(out);
}

void read_likelihood(const Catalog& catalog, CatalogJsonReader& reader, ScoringMethod& method) {
  const auto where = catalog.where_of("likelihood");
  const Json* likelihood = reader.member(catalog.extra, "likelihood", where, "the scoring catalogue");
  if (!likelihood) return;
  if (auto years = reader.number(*likelihood, "period_years", where, "'likelihood'")) {
    if (*years < 1 || *years != std::floor(*years))
      reader.error(where, "'likelihood.period_years' must be a whole number of years ≥ 1");
    else
      method.period_years = static_cast<int>(*years);
  }
  const Json* classes = reader.member(*likelihood, "classes", where, "'likelihood'");
  if (classes && (!classes->is_array() || classes->size() != kClassCount)) {
    reader.error(where, "'likelihood.classes' must list the five classes A–E; expected five entries");
  } else if (classes) {
    std::optional<double> previous;
    for (int c = 0; c < kClassCount; ++c) {
      const Json& item = (*classes)[static_cast<std::size_t>(c)];
      LikelihoodClass likelihood_class;
      likelihood_class.id = reader.text(item, "id", where, "a likelihood class");
      if (likelihood_class.id != std::string(1, class_letter(c)))
        reader.error(where, fmt::format("likelihood class {} has id '{}'; expected '{}'", c + 1, likelihood_class.id,
                                        class_letter(c)));
      likelihood_class.name = reader.text(item, "name", where, "a likelihood class");
      likelihood_class.name_en = reader.text(item, "name_en", where, "a likelihood class", false);
      likelihood_class.below = reader.number(item, "below", where, "a likelihood class", c + 1 < kClassCount);
      if (likelihood_class.below && previous && !(*likelihood_class.below > *previous))
        reader.error(where, "'likelihood.classes' bounds must increase from A to D; expected strictly increasing 'below'");
      previous = likelihood_class.below;
      method.likelihood_classes.push_back(std::move(likelihood_class));
    }
  }
  auto class_of = [&](const Json& object, std::string_view key, std::string_view what) -> std::optional<ClassIndex> {
    const std::string text = reader.text(object, key, where, what);
    if (text.empty()) return std::nullopt;
    auto c = parse_class(text);
    if (!c) reader.error(where, fmt::format("'{}' of {} is '{}'; expected a class A–E", key, what, text));
    return c;
  };
  if (auto c = class_of(*likelihood, "default", "'likelihood'")) method.default_likelihood = *c;
  if (const Json* steps = reader.member(*likelihood, "steps", where, "'likelihood'")) {
    if (auto c = class_of(*steps, "base", "'likelihood.steps'")) method.cyber_base_likelihood = *c;
    for (const auto& [condition, value] : steps->items()) {
      if (condition == "base") continue;
      if (!value.is_number_integer())
        reader.error(where, fmt::format("likelihood step '{}' is {}; expected a whole number of classes", condition,
                                        value.dump()));
      else
        method.likelihood_steps[condition] = value.get<int>();
    }
  }
}

void read_aggregation(const Catalog& catalog, CatalogJsonReader& reader, ScoringMethod& method) {
  const auto where = catalog.where_of("aggregation");
  const Json* aggregation = reader.member(catalog.extra, "aggregation", where, "the scoring catalogue");
  if (!aggregation) return;
  const std::string method_name = reader.text(*aggregation, "method", where, "'aggregation'");
  if (method_name != "weighted-sum")
    reader.error(where, fmt::format("'aggregation.method' is '{}'; expected weighted-sum", method_name));
  if (auto limits = reader.class_limits(*aggregation, "limits", where, "'aggregation'")) method.total_limits = *limits;
}

void read_diagrams(const Catalog& catalog, CatalogJsonReader& reader, ScoringMethod& method) {
  const auto where = catalog.where_of("risk_diagrams");
  const Json* diagrams = reader.member(catalog.extra, "risk_diagrams", where, "the scoring catalogue");
  if (!diagrams) return;
  if (!diagrams->is_array() || diagrams->empty()) {
    reader.error(where, "'risk_diagrams' is empty or not a list; expected at least one risk diagram");
    return;
  }
  for (const auto& item : *diagrams) {
    RiskDiagram diagram;
    diagram.id = reader.text(item, "id", where, "a risk diagram");
    const std::string what = "risk diagram '" + diagram.id + "'";
    diagram.name = reader.text(item, "name", where, what);
    diagram.name_en = reader.text(item, "name_en", where, what, false);
    if (const Json* levels = reader.member(item, "levels", where, what); levels && levels->is_array()) {
      for (const auto& level : *levels)
        diagram.levels.push_back({reader.text(level, "id", where, what + " level"), reader.text(level, "name", where, what + " level"),
                                  reader.text(level, "name_en", where, what + " level", false)});
    }
    if (diagram.levels.empty()) reader.error(where, what + " has no levels; expected a list of levels, lowest first");
    const Json* cells = reader.member(item, "cells", where, what);
    if (cells) {
      for (int l = 0; l < kClassCount; ++l) {
        const std::string letter(1, class_letter(l));
        auto row = cells->find(letter);
        if (row == cells->end() || !row->is_array() || row->size() != kClassCount) {
          reader.error(where, fmt::format("{}: cells.{} must list five level ids (impact A–E)", what, letter));
          continue;
        }
        for (int i = 0; i < kClassCount; ++i) {
          const Json& cell = (*row)[static_cast<std::size_t>(i)];
          auto index = cell.is_string() ? diagram.level_index(cell.get<std::string>()) : std::nullopt;
          if (!index)
            reader.error(where, fmt::format("{}: cell likelihood {} impact {} is {}; expected one of its level ids", what,
                                            letter, class_letter(i), cell.dump()));
          else
            diagram.cells[l][i] = *index;
        }
      }
    }
    method.risk_diagrams.push_back(std::move(diagram));
  }
}

}  // namespace

ScoringMethod read_scoring_method(const Catalog& scoring, model::Diagnostics& diagnostics) {
  ScoringMethod method;
  CatalogJsonReader reader(diagnostics);
  read_classes(scoring, reader, method);
  read_criteria(scoring, reader, method);
  read_aggregation(scoring, reader, method);
  read_floor(scoring, reader, method);
  read_likelihood(scoring, reader, method);
  read_diagrams(scoring, reader, method);
  // Callers index classes and likelihood classes by ClassIndex: keep five of each.
  method.classes.resize(kClassCount);
  method.likelihood_classes.resize(kClassCount);
  return method;
}

}  // namespace knelpunt::catalogs
