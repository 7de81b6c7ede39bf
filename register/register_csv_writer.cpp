#include "register/register_csv_writer.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "model/text_format.hpp"
#include "register/csv_row_writer.hpp"
#include "register/register_texts.hpp"

namespace knelpunt::risk_register {

namespace {

std::string joined(const std::vector<std::string>& items, std::string_view glue) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += glue;
    out += item;
  }
  return out;
}

/// One criterion's cell: its class, marked when an analyst or the vital
/// process floor gave it; else why there is none (decision 017: a score is
/// never blank without a reason).
std::string criterion_cell(const Risk& risk, const catalogs::ImpactCriterion& criterion, std::string_view lang) {
  const auto& impact = risk.finding.impact;
  const auto scored = std::find_if(impact.begin(), impact.end(),
                                   [&](const assessors::CriterionImpact& c) { return c.criterion == criterion.id; });
  if (scored != impact.end()) {
    const std::string letter(1, catalogs::class_letter(scored->impact_class));
    switch (scored->source) {
      case assessors::ImpactSource::expert: return fmt::format(fmt::runtime(label(Label::cell_expert_class, lang)), letter);
      case assessors::ImpactSource::floor: return fmt::format(fmt::runtime(label(Label::cell_floor_class, lang)), letter);
      case assessors::ImpactSource::estimate: return letter;
    }
  }
  if (std::find(risk.impact_open.begin(), risk.impact_open.end(), criterion.id) != risk.impact_open.end())
    return std::string(label(Label::not_determined, lang));
  return std::string(label(criterion.estimate ? Label::cell_below_class_a : Label::cell_no_rule, lang));
}

}  // namespace

std::string register_to_csv(const Register& reg, std::string_view lang, const CsvOptions& options) {
  std::string out;
  if (options.bom) out += "\xEF\xBB\xBF";
  CsvRowWriter row(out, options.separator);
  for (Label key : {Label::id, Label::level, Label::likelihood, Label::impact, Label::impact_score, Label::title,
                    Label::analyses, Label::kind, Label::assets, Label::vital_processes, Label::operator_name, Label::scenario})
    row.text(label(key, lang));
  for (const auto& criterion : reg.criteria) row.text(fmt::format("{} {}", label(Label::impact, lang), criterion.id));
  for (Label key : {Label::measures, Label::status, Label::owner, Label::justification, Label::date, Label::checked_by})
    row.text(label(key, lang));
  row.end();

  for (const auto& risk : reg.risks) {
    const auto& finding = risk.finding;
    row.text(risk.id);
    row.text(level_name(reg.diagram, risk.level, lang));
    row.text(std::string(1, catalogs::class_letter(risk.likelihood)));
    row.text(impact_class_cell(risk, lang));
    row.number(risk.impact_score);
    row.text(in_language(finding.title, lang));
    // Names for the people who read the spreadsheet (JSON keeps the ids); a
    // knelpunt entry names every analysis it holds.
    std::vector<std::string> analyses;
    for (const auto& analysis : risk.analyses.empty() ? std::vector<std::string>{finding.assessor} : risk.analyses)
      analyses.emplace_back(assessor_name(analysis, lang));
    row.text(joined(analyses, " | "));
    row.text(kind_name(finding.kind, finding.assets.size(), lang));
    row.text(joined(finding.assets, " | "));
    row.text(joined(risk.vital_processes, " | "));
    row.text(joined(risk.operators, " | "));
    row.text(finding.scenario);
    for (const auto& criterion : reg.criteria) row.text(criterion_cell(risk, criterion, lang));
    std::vector<std::string> measure_ids;
    for (const auto& measure : risk.measures) measure_ids.push_back(measure.id);
    row.text(joined(measure_ids, " | "));
    row.text(status_label(risk.tracking.status, lang));
    row.text(risk.tracking.owner);
    row.text(risk.tracking.justification);
    row.text(risk.tracking.date);
    row.text(risk.tracking.checked_by);
    row.end();
  }
  return out;
}

}  // namespace knelpunt::risk_register
