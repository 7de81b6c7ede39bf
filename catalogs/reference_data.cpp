#include "catalogs/reference_data.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "catalogs/catalog_json_reader.hpp"

namespace knelpunt::catalogs {

namespace {

template <class T>
const T* lookup(const ById<T>& map, std::string_view id) {
  auto it = map.find(id);
  return it == map.end() ? nullptr : &it->second;
}

}  // namespace

const VitalProcess* ReferenceData::process(std::string_view id) const { return lookup(processes, id); }
const Threat* ReferenceData::threat(std::string_view id) const { return lookup(threats, id); }
const Control* ReferenceData::control(std::string_view id) const { return lookup(controls, id); }
const Baseline* ReferenceData::baseline(std::string_view id) const { return lookup(baselines, id); }
const ResourceKind* ReferenceData::resource_kind(std::string_view id) const { return lookup(resource_kinds, id); }

std::vector<std::string> ReferenceData::services_not_affecting_residents() const {
  std::vector<std::string> services;
  for (const auto& [id, kind] : resource_kinds)
    if (!kind.affects_residents) services.push_back(id);
  return services;  // ById is ordered by id
}

namespace {

void read_processes(const Catalog& catalog, CatalogJsonReader& reader, ReferenceData& data) {
  for (const auto& entry : catalog.entries) {
    const std::string what = "vital process '" + entry.id + "'";
    VitalProcess process{entry.id,
                         reader.text(entry.fields, "name", entry.where, what),
                         reader.text(entry.fields, "name_en", entry.where, what, false),
                         reader.text(entry.fields, "category", entry.where, what),
                         reader.text(entry.fields, "sector", entry.where, what, false),
                         reader.text(entry.fields, "sector_en", entry.where, what, false)};
    if (process.category != "A" && process.category != "B" && process.category != "regional")
      reader.error(entry.where, fmt::format("{} has category '{}'; expected A, B or regional", what, process.category));
    data.processes[entry.id] = std::move(process);
  }
}

void read_resource_kinds(const Catalog& catalog, CatalogJsonReader& reader, ReferenceData& data) {
  for (const auto& entry : catalog.entries) {
    const std::string what = "resource kind '" + entry.id + "'";
    bool grounded = true;
    if (const Json* value = reader.member(entry.fields, "grounded", entry.where, what, false)) {
      if (value->is_boolean()) grounded = value->get<bool>();
      else reader.error(entry.where, fmt::format("'grounded' of {} is {}; expected true or false", what, value->dump()));
    }
    bool affects_residents = true;
    if (const Json* value = reader.member(entry.fields, "affects_residents", entry.where, what, false)) {
      if (value->is_boolean()) affects_residents = value->get<bool>();
      else
        reader.error(entry.where,
                     fmt::format("'affects_residents' of {} is {}; expected true or false", what, value->dump()));
    }
    data.resource_kinds[entry.id] = {entry.id, reader.text(entry.fields, "name", entry.where, what, false),
                                     reader.text(entry.fields, "name_en", entry.where, what, false), grounded,
                                     affects_residents};
  }
}

void read_asset_types(const Catalog& catalog, CatalogJsonReader& reader, ReferenceData& data) {
  for (const auto& entry : catalog.entries) {
    const std::string what = "asset type '" + entry.id + "'";
    AssetType type{entry.id,
                   reader.text(entry.fields, "name", entry.where, what),
                   reader.text(entry.fields, "name_en", entry.where, what, false),
                   reader.text(entry.fields, "sector", entry.where, what, false),
                   reader.text(entry.fields, "process", entry.where, what, false),
                   reader.strings(entry.fields, "impact_basis", entry.where, what),
                   reader.strings(entry.fields, "needs", entry.where, what)};
    data.asset_types[entry.id] = std::move(type);
  }
}

void read_threats(const Catalog& catalog, CatalogJsonReader& reader, ReferenceData& data) {
  for (const auto& entry : catalog.entries) {
    const Json& f = entry.fields;
    const std::string what = "threat '" + entry.id + "'";
    Threat threat;
    threat.id = entry.id;
    threat.name = reader.text(f, "name", entry.where, what);
    threat.name_en = reader.text(f, "name_en", entry.where, what, false);
    threat.kind = reader.text(f, "kind", entry.where, what, false);
    if (!threat.kind.empty() && threat.kind != "cyber" && threat.kind != "physical")
      reader.error(entry.where, fmt::format("{} has kind '{}'; expected cyber or physical", what, threat.kind));
    threat.description = reader.text(f, "description", entry.where, what, false);
    threat.entry = reader.strings(f, "entry", entry.where, what);
    threat.entry_text = reader.text(f, "entry_text", entry.where, what, false);
    if (const Json* attack = reader.member(f, "attack", entry.where, what, false)) {
      if (!attack->is_array()) {
        reader.error(entry.where, what + ": 'attack' is not a list; expected ATT&CK techniques {id, matrix, name}");
      } else {
        for (const auto& technique : *attack)
          threat.attack.push_back({reader.text(technique, "id", entry.where, what + " technique"),
                                   reader.text(technique, "matrix", entry.where, what + " technique", false),
                                   reader.text(technique, "name", entry.where, what + " technique", false)});
      }
    }
    threat.measures = reader.strings(f, "measures", entry.where, what);
    if (auto text = reader.text(f, "likelihood", entry.where, what, false); !text.empty()) {
      threat.likelihood = parse_class(text);
      if (!threat.likelihood)
        reader.error(entry.where, fmt::format("{} has likelihood '{}'; expected a class A–E", what, text));
    }
    data.threats[entry.id] = std::move(threat);
  }
}

void read_controls(const Catalog& catalog, CatalogJsonReader& reader, ReferenceData& data) {
  for (const auto& entry : catalog.entries) {
    const Json& f = entry.fields;
    const std::string what = "control '" + entry.id + "'";
    Control control;
    control.id = entry.id;
    control.name = reader.text(f, "name", entry.where, what);
    control.name_en = reader.text(f, "name_en", entry.where, what, false);
    control.framework = reader.text(f, "framework", entry.where, what, false);
    control.description = reader.text(f, "description", entry.where, what, false);
    control.mitigates = reader.strings(f, "mitigates", entry.where, what);
    control.applies_to = reader.strings(f, "applies_to", entry.where, what);
    control.answers = reader.strings(f, "answers", entry.where, what);
    for (const auto& exposure : control.answers)
      if (std::find(kCyberExposures.begin(), kCyberExposures.end(), exposure) == kCyberExposures.end())
        reader.error(entry.where, fmt::format("{} answers unknown exposure '{}'; expected one of {}", what, exposure,
                                              fmt::join(kCyberExposures, ", ")));
    if (auto weight = reader.number(f, "weight", entry.where, what, false)) {
      if (*weight < 1 || *weight > 3 || *weight != static_cast<int>(*weight))
        reader.error(entry.where, fmt::format("{} has weight {}; expected 1, 2 or 3", what, *weight));
      else
        control.weight = static_cast<int>(*weight);
    }
    data.controls[entry.id] = std::move(control);
  }
  const auto where = catalog.where_of("baselines");
  const Json* baselines = reader.member(catalog.extra, "baselines", where, "the controls catalogue", false);
  if (!baselines) return;
  if (!baselines->is_array()) {
    reader.error(where, "'baselines' is not a list; expected baselines {id, name, controls}");
    return;
  }
  for (const auto& item : *baselines) {
    Baseline baseline;
    baseline.id = reader.text(item, "id", where, "a baseline");
    const std::string what = "baseline '" + baseline.id + "'";
    baseline.name = reader.text(item, "name", where, what);
    baseline.name_en = reader.text(item, "name_en", where, what, false);
    baseline.controls = reader.strings(item, "controls", where, what);
    baseline.applies_to = reader.strings(item, "applies_to", where, what);
    if (data.baselines.count(baseline.id))
      reader.error(where, fmt::format("duplicate baseline '{}'; expected each id once", baseline.id));
    data.baselines[baseline.id] = std::move(baseline);
  }
}

/// `mitigates` is the inverse of the threats' `measures` (docs/catalogs.md).
/// The shipped catalogues agree; a region that overrides one side only
/// would get measures suggested for threats the control does not claim to
/// mitigate (or the reverse), so say where they disagree. A warning: the
/// register still works, from the threats' `measures`.
/// A disagreeing pair is blamed on the side a model overrode (the shipped
/// catalogues agree), else on the control; one warning per entry and kind,
/// naming every partner.
void check_mitigation_agreement(const CatalogSet& set, CatalogJsonReader& reader, const ReferenceData& data) {
  const Catalog* threats = set.find("threats");
  const Catalog* controls = set.find("controls");
  auto contains = [](const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
  };
  auto from_model = [&](const Catalog* catalog, const std::string& id) {
    const CatalogEntry* entry = catalog->find(id);
    return entry && contains(catalog->overridden_by, entry->where.file);
  };
  using Partners = std::map<std::string, std::vector<std::string>>;  // sorted by entry, partners in id order
  Partners control_lacks;   // control -> threats listing it as a measure that it does not mitigate
  Partners control_claims;  // control -> threats it mitigates that do not list it
  Partners threat_lacks;    // threat -> controls mitigating it that it does not list
  Partners threat_claims;   // threat -> controls it lists that do not mitigate it
  for (const auto& [threat_id, threat] : data.threats)
    for (const auto& [control_id, control] : data.controls) {
      const bool listed = contains(threat.measures, control_id);
      const bool mitigated = contains(control.mitigates, threat_id);
      if (listed == mitigated) continue;
      const bool blame_threat = from_model(threats, threat_id) && !from_model(controls, control_id);
      if (listed)
        (blame_threat ? threat_claims[threat_id] : control_lacks[control_id]).push_back(blame_threat ? control_id : threat_id);
      else
        (blame_threat ? threat_lacks[threat_id] : control_claims[control_id]).push_back(blame_threat ? control_id : threat_id);
    }
  auto one_or_many = [](const std::vector<std::string>& ids, const char* one, const char* many) {
    return ids.size() == 1 ? one : many;
  };
  for (const auto& [id, partners] : control_lacks)
    reader.warning(controls->find(id)->where,
                   fmt::format("control '{}' does not list {} in mitigates, but {} the control among {} measures; "
                               "expected the two to agree (add {} to mitigates, or remove the control from {} measures)",
                               id, fmt::join(partners, ", "), one_or_many(partners, "that threat lists", "those threats list"),
                               one_or_many(partners, "its", "their"), fmt::join(partners, ", "),
                               one_or_many(partners, "the threat's", "their")));
  for (const auto& [id, partners] : control_claims)
    reader.warning(controls->find(id)->where,
                   fmt::format("control '{}' mitigates {}, but {} not list the control among {} measures; expected the "
                               "two to agree (add the control to {} measures, or remove {} from mitigates)",
                               id, fmt::join(partners, ", "), one_or_many(partners, "that threat does", "those threats do"),
                               one_or_many(partners, "its", "their"), one_or_many(partners, "the threat's", "their"),
                               fmt::join(partners, ", ")));
  for (const auto& [id, partners] : threat_lacks)
    reader.warning(threats->find(id)->where,
                   fmt::format("threat '{}' does not list {} among its measures, but {} the threat; expected the two "
                               "to agree (add {} to measures, or remove the threat from {} mitigates)",
                               id, fmt::join(partners, ", "),
                               one_or_many(partners, "that control mitigates", "those controls mitigate"),
                               fmt::join(partners, ", "), one_or_many(partners, "the control's", "their")));
  for (const auto& [id, partners] : threat_claims)
    reader.warning(threats->find(id)->where,
                   fmt::format("threat '{}' lists {} among its measures, but {} not list the threat in mitigates; "
                               "expected the two to agree (add the threat to {} mitigates, or remove {} from measures)",
                               id, fmt::join(partners, ", "), one_or_many(partners, "that control does", "those controls do"),
                               one_or_many(partners, "the control's", "their"), fmt::join(partners, ", ")));
}

/// Every id a catalogue refers to must exist in the one it refers to.
void check_references(const CatalogSet& set, CatalogJsonReader& reader, const ReferenceData& data) {
  auto check = [&](const model::SourceLocation& where, const std::string& from, std::string_view what,
                   const std::string& id, bool found) {
    if (!found) reader.error(where, fmt::format("{} refers to unknown {} '{}'; expected an id of that catalogue", from, what, id));
  };
  const Catalog* threats = set.find("threats");
  for (const auto& [id, threat] : data.threats)
    for (const auto& measure : threat.measures)
      check(threats->find(id)->where, "threat '" + id + "'", "control", measure, data.control(measure) != nullptr);
  const Catalog* controls = set.find("controls");
  for (const auto& [id, control] : data.controls)
    for (const auto& threat : control.mitigates)
      check(controls->find(id)->where, "control '" + id + "'", "threat", threat, data.threat(threat) != nullptr);
  check_mitigation_agreement(set, reader, data);
  for (const auto& [id, baseline] : data.baselines)
    for (const auto& control : baseline.controls)
      check(controls->where_of("baselines"), "baseline '" + id + "'", "control", control, data.control(control) != nullptr);
  const Catalog* types = set.find("asset-types");
  const Catalog* kinds = set.find("resource-kinds");
  for (const auto& [id, type] : data.asset_types) {
    if (!type.process.empty())
      check(types->find(id)->where, "asset type '" + id + "'", "vital process", type.process, data.process(type.process) != nullptr);
    for (const auto& need : type.needs)
      check(types->find(id)->where, "asset type '" + id + "'", "resource kind", need, kinds->find(need) != nullptr);
  }
  for (const auto& criterion : data.scoring.criteria)
    if (criterion.estimate)
      for (const auto& process : criterion.estimate->processes)
        check(set.find("scoring")->find(criterion.id)->where, "criterion '" + criterion.id + "'", "vital process",
              process, data.process(process) != nullptr);
}

}  // namespace

ReferenceData read_reference_data(const CatalogSet& set, model::Diagnostics& diagnostics) {
  ReferenceData data;
  CatalogJsonReader reader(diagnostics);
  for (auto name : kCatalogNames)
    if (!set.find(name)) {
      diagnostics.error({}, fmt::format("catalogue '{}' is missing; expected catalogs/{}.yaml", name, name));
      return data;
    }
  read_processes(*set.find("vital-processes"), reader, data);
  read_asset_types(*set.find("asset-types"), reader, data);
  read_resource_kinds(*set.find("resource-kinds"), reader, data);
  read_threats(*set.find("threats"), reader, data);
  read_controls(*set.find("controls"), reader, data);
  data.scoring = read_scoring_method(*set.find("scoring"), diagnostics);
  check_references(set, reader, data);
  return data;
}

}  // namespace knelpunt::catalogs
