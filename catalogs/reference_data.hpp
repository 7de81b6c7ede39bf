#pragma once
/// Typed views of the effective catalogues that assessors read: vital
/// processes (category A/B), asset types, threats (entry conditions, ATT&CK
/// techniques, measures), controls and baselines, and the scoring method.

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "catalogs/catalog_set.hpp"
#include "catalogs/scoring_method.hpp"
#include "model/diagnostic.hpp"

namespace knelpunt::catalogs {

struct VitalProcess {
  std::string id, name, name_en;
  std::string category;  ///< "A", "B" or "regional"
  std::string sector, sector_en;
};

struct AssetType {
  std::string id, name, name_en, sector, process;
  std::vector<std::string> impact_basis;  ///< `serves` keys that matter for this type
  std::vector<std::string> needs;         ///< resource kinds it typically depends on
};

/// A resource kind (resource-kinds catalogue): what one asset takes from
/// another, and the services areas get (docs/model.md).
struct ResourceKind {
  std::string id, name, name_en;
  /// False where mutual support is real: suppliers on a same-kind cycle then
  /// count without tracing back to a source (docs/model.md, Supply from sources).
  bool grounded = true;
  /// False for a service whose loss does not disrupt a resident's day
  /// (municipal services): people and people-hours do not count it
  /// (engine/affected_people.hpp, decision 059); criteria that rate it by
  /// name (3.1 costs, service_outage) still do.
  bool affects_residents = true;
};

struct AttackTechnique {
  std::string id;      ///< "T1486", "T0866"
  std::string matrix;  ///< "enterprise" | "ics"
  std::string name;
};

struct Threat {
  std::string id, name, name_en;
  std::string kind;  ///< "cyber" | "physical"
  std::string description;
  std::vector<std::string> entry;  ///< entry-condition words (docs/catalogs.md)
  std::string entry_text;
  std::vector<AttackTechnique> attack;
  std::vector<std::string> measures;  ///< control ids
  std::optional<ClassIndex> likelihood;  ///< default likelihood of a scenario of this threat
};

/// The cyber exposures of an asset that a control's `answers` may name
/// (docs/catalogs.md): reachable from the internet, any remote access,
/// remote access by a vendor, direct remote access, IT and OT in one network,
/// a product in the KEV catalogue, and one used in ransomware campaigns.
inline constexpr std::array<std::string_view, 7> kCyberExposures{
    "internet-exposed", "remote-access", "vendor-remote-access", "direct-remote-access",
    "mixed-network",    "kev-product",   "kev-ransomware"};

struct Control {
  std::string id, name, name_en;
  std::string framework;  ///< "iec62443" | "bio" | "basis"
  std::string description;
  std::vector<std::string> mitigates;   ///< threat ids
  std::vector<std::string> applies_to;  ///< "it", "ot"
  std::vector<std::string> answers;     ///< cyber exposures (kCyberExposures) it is the measure for
  int weight = 1;                       ///< 1–3: how much its absence matters
};

struct Baseline {
  std::string id, name, name_en;
  std::vector<std::string> controls;
  std::vector<std::string> applies_to;  ///< "it", "ot"
};

/// Sorted by id; lookups by id.
template <class T>
using ById = std::map<std::string, T, std::less<>>;

struct ReferenceData {
  ById<VitalProcess> processes;
  ById<AssetType> asset_types;
  ById<ResourceKind> resource_kinds;
  ById<Threat> threats;
  ById<Control> controls;
  ById<Baseline> baselines;
  ScoringMethod scoring;

  /// Lookups; nullptr when absent.
  const VitalProcess* process(std::string_view id) const;
  const Threat* threat(std::string_view id) const;
  const Control* control(std::string_view id) const;
  const Baseline* baseline(std::string_view id) const;
  const ResourceKind* resource_kind(std::string_view id) const;
  /// The resource kinds with affects_residents false, sorted by id: the
  /// services engine::PeopleServed leaves out.
  std::vector<std::string> services_not_affecting_residents() const;
};

/// Builds the typed views, checking field types and cross references
/// (measures, mitigates and baseline controls name existing ids).
ReferenceData read_reference_data(const CatalogSet& set, model::Diagnostics& diagnostics);

}  // namespace knelpunt::catalogs
