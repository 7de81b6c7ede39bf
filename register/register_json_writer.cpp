#include "register/register_json_writer.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>

#include "model/text_format.hpp"
#include "register/register_summary.hpp"
#include "register/register_texts.hpp"

namespace knelpunt::risk_register {

namespace {

using Json = nlohmann::ordered_json;

/// The schema's rule: a text that is absent is null, never "".
Json text_or_null(const std::string& text) { return text.empty() ? Json(nullptr) : Json(text); }

/// JSON has no infinity; an unbounded horizon or time is null.
using model::json_hours;

Json string_array(const std::vector<std::string>& items) {
  Json out = Json::array();
  for (const auto& item : items) out.push_back(item);
  return out;
}

std::string class_id(catalogs::ClassIndex index) { return std::string(1, catalogs::class_letter(index)); }

Json method_json(const Register& reg, std::string_view lang) {
  const auto& diagram = reg.diagram;
  Json risk_diagram;
  risk_diagram["id"] = diagram.id.empty() ? reg.diagram_id : diagram.id;
  risk_diagram["name"] = in_language(diagram.name, diagram.name_en, lang);
  risk_diagram["levels"] = Json::array();
  for (const auto& level : diagram.levels)
    risk_diagram["levels"].push_back(Json{{"id", level.id}, {"name", in_language(level.name, level.name_en, lang)}});
  Json cells = Json::object();
  for (catalogs::ClassIndex l = 0; l < catalogs::kClassCount; ++l) {
    Json row = Json::array();
    for (catalogs::ClassIndex i = 0; i < catalogs::kClassCount; ++i)
      row.push_back(level_id(diagram, diagram.cells[static_cast<std::size_t>(l)][static_cast<std::size_t>(i)]));
    cells[class_id(l)] = std::move(row);
  }
  risk_diagram["cells"] = std::move(cells);

  Json method;
  method["profile"] = reg.profile;
  method["risk_diagram"] = std::move(risk_diagram);
  method["likelihood_classes"] = Json::array();
  for (const auto& c : reg.likelihood_classes) {
    Json item;
    item["id"] = c.id;
    item["name"] = in_language(c.name, c.name_en, lang);
    item["below"] = c.below ? Json(*c.below) : Json(nullptr);
    method["likelihood_classes"].push_back(std::move(item));
  }
  method["impact_classes"] = Json::array();
  for (const auto& c : reg.impact_classes)
    method["impact_classes"].push_back(
        Json{{"id", c.id}, {"name", in_language(c.name, c.name_en, lang)}, {"value", c.value}});
  method["criteria"] = Json::array();
  for (const auto& c : reg.criteria)
    method["criteria"].push_back(Json{{"id", c.id},
                                      {"name", in_language(c.name, c.name_en, lang)},
                                      {"weight", c.weight},
                                      {"unit", c.unit},
                                      {"rule", c.estimate ? "estimate" : "expert-judgement"}});
  // Whose class limits these are: knelpunt's defaults, unless the model overrides the scoring catalogue.
  for (const auto& catalog : reg.catalogs)
    if (catalog.id == "scoring")
      method["class_limits"] = !catalog.defaults    ? "catalogue"
                               : catalog.overridden ? "knelpunt-defaults-with-model-overrides"
                                                    : "knelpunt-defaults";
  return method;
}

/// A table by level as {"rows": [{<name_key>: name or null, "by_level": {…}, "total": n}], "in_more_than_one_row": n}.
Json level_table_json(const Register& reg, const LevelTable& table, const char* name_key, std::string_view lang) {
  Json rows = Json::array();
  for (const auto* row : rows_by_name(table, lang)) {
    Json by_level = Json::object();
    for (std::size_t l = 0; l < reg.diagram.levels.size() && l < row->by_level.size(); ++l)
      by_level[reg.diagram.levels[l].id] = row->by_level[l];
    rows.push_back(Json{{name_key, row->name.nl.empty() ? Json(nullptr) : Json(in_language(row->name, lang))},
                        {"by_level", std::move(by_level)},
                        {"total", row->total}});
  }
  return Json{{"rows", std::move(rows)}, {"in_more_than_one_row", table.multiple}};
}

Json summary_json(const Register& reg, std::string_view lang) {
  const RegisterSummary summary = summarize(reg);
  Json out;
  out["risks"] = reg.risks.size();
  Json by_level = Json::object();
  for (std::size_t l = 0; l < reg.diagram.levels.size(); ++l) by_level[reg.diagram.levels[l].id] = summary.by_level[l];
  out["by_level"] = std::move(by_level);
  Json by_assessor = Json::object();
  for (const auto& [assessor, count] : summary.by_assessor) by_assessor[assessor] = count;
  out["by_assessor"] = std::move(by_assessor);
  Json by_status = Json::object();
  for (const auto& [status, count] : summary.by_status) by_status[status] = count;
  out["by_status"] = std::move(by_status);
  out["by_sector"] = level_table_json(reg, summary.by_sector, "sector", lang);
  out["by_operator"] = level_table_json(reg, summary.by_operator, "operator", lang);
  return out;
}

/// The profile's horizons per vital process, sorted by process.
Json process_horizons_json(const Register& reg) {
  Json out = Json::array();
  for (const auto& [process, hours] : reg.process_horizons)
    out.push_back(Json{{"process", process}, {"horizon_h", json_hours(hours)}});
  return out;
}

/// What the register lists and what it leaves out (register_selection.hpp);
/// null when no selection was made (a merged register).
Json listing_json(const Register& reg, std::string_view lang) {
  if (!reg.listing) return nullptr;
  const auto& listing = *reg.listing;
  Json by_level = Json::object();
  for (std::size_t l = 0; l < reg.diagram.levels.size(); ++l)
    by_level[reg.diagram.levels[l].id] = listing.not_listed_by_level.at(l);
  return Json{
      {"min_level", reg.diagram.levels.at(static_cast<std::size_t>(listing.min_level)).id},
      {"max_entries", listing.max_entries},
      {"listed", reg.risks.size()},
      {"not_listed", listing.not_listed},
      {"not_listed_by_level", std::move(by_level)},
      {"not_listed_by_kind", level_table_json(reg, listing.not_listed_by_kind, "kind", lang)},
      {"not_listed_by_sector",
       level_table_json(reg, listing.not_listed_by_sector, "sector", lang)}};
}

Json chain_json(const assessors::Finding& finding) {
  Json chain = Json::array();
  for (const auto& step : finding.chain) {
    Json entry{{"asset", step.asset}, {"t_h", json_hours(step.t_h)}, {"via", text_or_null(step.via)}};
    // Only on models with recovery (docs/restoration.md): absent, not null, elsewhere.
    if (step.down_h) entry["down_h"] = json_hours(*step.down_h);
    if (step.back_h) entry["back_h"] = json_hours(*step.back_h);
    chain.push_back(std::move(entry));
  }
  return chain;
}

Json cves_json(const assessors::Finding& finding) {
  Json cves = Json::array();
  for (const auto& cve : finding.cves) {
    Json item;
    item["cve"] = cve.cve;
    item["vendor_project"] = text_or_null(cve.vendor_project);
    item["product"] = text_or_null(cve.product);
    item["required_action"] = text_or_null(cve.required_action);
    item["due_date"] = text_or_null(cve.due_date);
    item["known_ransomware"] = cve.known_ransomware;
    item["epss"] = cve.epss ? Json(*cve.epss) : Json(nullptr);
    item["epss_percentile"] = cve.epss_percentile ? Json(*cve.epss_percentile) : Json(nullptr);
    cves.push_back(std::move(item));
  }
  return cves;
}

Json timeline_json(const assessors::Finding& finding) {
  Json timeline = Json::array();
  for (const auto& point : finding.timeline)
    timeline.push_back(Json{{"t_h", json_hours(point.t_h)},
                            {"assets_failed", point.assets_failed},
                            {"people", point.people},
                            {"services_lost", point.services_lost}});
  return timeline;
}

Json likelihood_json(const Register& reg, const Risk& risk, std::string_view lang) {
  Json likelihood;
  likelihood["class"] = class_id(risk.likelihood);
  likelihood["name"] = likelihood_name(reg, risk.likelihood, lang);
  likelihood["rationale"] = text_or_null(in_language(risk.finding.likelihood.rationale, lang));
  return likelihood;
}

Json impact_json(const Register& reg, const Risk& risk, std::string_view lang) {
  Json impact;
  impact["criteria"] = Json::array();
  for (const auto& c : risk.finding.impact) {
    Json item;
    item["criterion"] = c.criterion;
    item["name"] = criterion_name(reg, c.criterion, lang);
    item["class"] = class_id(c.impact_class);
    item["value"] = c.value;
    item["basis"] = text_or_null(in_language(c.basis, lang));
    item["source"] = c.source == assessors::ImpactSource::expert ? "expert"
                     : c.source == assessors::ImpactSource::floor ? "floor"
                                                                 : "estimate";
    impact["criteria"].push_back(std::move(item));
  }
  // Criteria left to an analyst that nobody has scored: "niet bepaald (expertoordeel)".
  impact["not_determined"] = string_array(risk.impact_open);
  impact["score"] = risk.impact_score;
  impact["class"] = risk.impact_class ? Json(class_id(*risk.impact_class)) : Json(nullptr);
  // Without a class, why: never a blank score without a reason.
  if (!risk.impact_class && !risk.finding.no_impact_reason.in(lang).empty())
    impact["no_class_reason"] = risk.finding.no_impact_reason.in(lang);
  return impact;
}

Json tracking_json(const Tracking& t) {
  Json tracking;
  tracking["status"] = t.status;
  tracking["owner"] = text_or_null(t.owner);
  tracking["justification"] = text_or_null(t.justification);
  tracking["date"] = text_or_null(t.date);
  tracking["checked_by"] = text_or_null(t.checked_by);
  tracking["matched"] = text_or_null(t.matched);
  return tracking;
}

/// One risk. The key order is part of the written bytes (the goldens hold it).
Json risk_json(const Register& reg, const Risk& risk, std::string_view lang) {
  const auto& finding = risk.finding;
  Json out;
  out["id"] = risk.id;
  out["title"] = in_language(finding.title, lang);
  out["description"] = text_or_null(in_language(finding.description, lang));
  out["assessor"] = finding.assessor;
  out["analyses"] = string_array(risk.analyses);
  out["replaces"] = string_array(risk.replaces);
  out["kind"] = finding.kind;
  out["assets"] = string_array(finding.assets);
  out["concerns"] = string_array(finding.concerns);
  out["vital_processes"] = string_array(risk.vital_processes);
  out["operators"] = string_array(risk.operators);
  out["scenario"] = text_or_null(finding.scenario);
  out["threat"] = text_or_null(finding.threat);
  out["subject"] = text_or_null(finding.subject);
  out["affected"] = string_array(finding.affected);
  // The horizon of the risk's own cascade: `affected`, `chain` and the impact are within it.
  if (finding.horizon_h) out["horizon_h"] = json_hours(*finding.horizon_h);
  out["chain"] = chain_json(finding);
  // Only when the profile's limits.chain_steps cut the chain: absent, not 0, elsewhere.
  if (finding.chain_omitted > 0) out["chain_omitted"] = finding.chain_omitted;
  out["evidence"] = Json::array();
  for (const auto& text : finding.evidence) out["evidence"].push_back(in_language(text, lang));
  out["cves"] = cves_json(finding);
  out["timeline"] = timeline_json(finding);
  out["likelihood"] = likelihood_json(reg, risk, lang);
  out["impact"] = impact_json(reg, risk, lang);
  out["level"] = Json{{"id", level_id(reg.diagram, risk.level)}, {"name", level_name(reg.diagram, risk.level, lang)}};
  out["cell"] = Json{{"likelihood", class_id(risk.likelihood)},
                     {"impact", risk.impact_class ? Json(class_id(*risk.impact_class)) : Json(nullptr)}};
  out["score_explanation"] = text_or_null(in_language(risk.score_explanation, lang));
  out["measures"] = Json::array();
  for (const auto& measure : risk.measures)
    out["measures"].push_back(Json{{"id", measure.id}, {"name", in_language(measure.name, lang)}});
  out["tracking"] = tracking_json(risk.tracking);
  return out;
}

/// `value` as 2-space indented JSON. Invalid UTF-8 in a model string
/// becomes U+FFFD instead of an exception.
std::string dump(const Json& value) {
  return value.dump(2, ' ', false, Json::error_handler_t::replace);
}

/// Appends `value` as dump() writes it to `out`, every line shifted right by
/// `indent` spaces (the depth it is written at): straight into the register's
/// text, line by line, without a copy of its own.
void append_dump(std::string& out, const Json& value, std::size_t indent) {
  const std::string text = dump(value);
  const std::string_view rest(text);
  for (std::size_t begin = 0; begin < rest.size();) {
    const std::size_t end = std::min(rest.find('\n', begin), rest.size() - 1) + 1;
    out.append(indent, ' ');
    out.append(rest.substr(begin, end - begin));
    begin = end;
  }
}

}  // namespace

std::string register_to_json(const Register& reg, std::string_view lang) {
  Json out;
  out["format"] = "knelpunt-register/1";
  out["lang"] = lang == "en" ? "en" : "nl";
  out["tool"] = Json{{"name", "knelpunt"}, {"version", reg.tool_version}};
  // Only when asked for (assess --date): outputs carry no date otherwise (docs/decisions/014-register-metadata.md).
  if (!reg.date.empty()) out["date"] = reg.date;
  out["model"] = Json{{"name", reg.model_name},
                      {"authority", text_or_null(reg.authority)},
                      {"digest", text_or_null(reg.model_digest)},
                      {"horizon_h", json_hours(reg.horizon_h)},
                      {"process_horizons", process_horizons_json(reg)}};
  out["method"] = method_json(reg, lang);
  out["catalogs"] = Json::array();
  for (const auto& catalog : reg.catalogs)
    out["catalogs"].push_back(Json{{"id", catalog.id},
                                   {"version", catalog.version},
                                   {"defaults", catalog.defaults},
                                   {"overridden", catalog.overridden}});
  out["feeds"] = Json::array();
  for (const auto& feed : reg.feeds)
    out["feeds"].push_back(Json{{"feed", feed.feed},
                                {"present", feed.present},
                                {"feed_date", text_or_null(feed.feed_date)},
                                {"feed_version", text_or_null(feed.feed_version)},
                                {"entries", feed.entries}});
  out["assessors"] = string_array(reg.assessors);
  // The horizon each assessor actually used: an assessor's own horizon may
  // differ from the model's horizon_h above.
  out["horizons"] = Json::array();
  for (const auto& h : reg.horizons)
    out["horizons"].push_back(
        Json{{"assessor", h.assessor}, {"horizon_h", json_hours(h.horizon_h)}, {"source", h.source}});
  // The options each assessor ran with, defaults included: `diff` tells an
  // analysis run with other options from a solved risk (decision 030).
  out["assessor_options"] = Json::object();
  for (std::size_t i = 0; i < reg.assessors.size() && i < reg.assessor_options.size(); ++i)
    out["assessor_options"][reg.assessors[i]] = reg.assessor_options[i];
  out["summary"] = summary_json(reg, lang);
  out["listing"] = listing_json(reg, lang);
  out["not_listed_entries"] = Json::array();
  for (const auto& entry : reg.not_listed_entries)
    out["not_listed_entries"].push_back(
        Json{{"id", entry.id},
             {"level", reg.diagram.levels.at(static_cast<std::size_t>(entry.level)).id},
             {"replaces", string_array(entry.replaces)}});
  out["risks"] = Json::array();
  out["unmatched_tracking"] = Json::array();
  for (const auto& u : reg.unmatched_tracking)
    out["unmatched_tracking"].push_back(
        Json{{"key", u.key}, {"where", u.where}, {"now_in", text_or_null(u.now_in)}, {"applied", u.applied}});
  std::string text = dump(out);
  if (reg.risks.empty()) return text + "\n";

  // The risks are dumped one at a time into the empty array's place, so only
  // one risk's JSON tree exists at a time: on a large region the trees of all
  // risks took several times the memory of the text (docs/performance.md).
  // Same bytes as dumping the whole tree: an element of the top-level array
  // sits 4 spaces deep. Strings never hold a raw newline (dump escapes it), so
  // this top-level key at 2 spaces is found only where the writer put it.
  const std::string_view marker = "\n  \"risks\": []";
  const auto at = text.find(marker);
  std::string result(text, 0, at);
  result += "\n  \"risks\": [";
  for (std::size_t i = 0; i < reg.risks.size(); ++i) {
    result += i == 0 ? "\n" : ",\n";
    append_dump(result, risk_json(reg, reg.risks[i], lang), 4);
  }
  result += "\n  ]";
  result.append(text, at + marker.size());
  result += '\n';  // in place: `result + "\n"` copied a region's whole register once more
  return result;
}

}  // namespace knelpunt::risk_register
