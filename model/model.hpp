#pragma once
/// The domain types of a knelpunt model (docs/model.md). Plain data: loading
/// lives in model_loader.hpp, validation in model_validator.hpp.

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "model/boxed.hpp"
#include "model/diagnostic.hpp"
#include "model/duration.hpp"
#include "model/impact_bases.hpp"
#include "model/text_list.hpp"

namespace knelpunt::model {

/// Rinaldi et al. (2001) classes of interdependency.
enum class DependencyType : std::uint8_t { physical, cyber, geographic, logical };

/// "physical", "cyber", … ; parse returns nothing for an unknown word.
std::string to_string(DependencyType type);
std::optional<DependencyType> parse_dependency_type(std::string_view text);

/// What a group's buffer (its time_to_impact) keeps running once the group
/// is lost (docs/model.md, Supply from sources): the asset and what it passes
/// on (a UPS, a water tower, a fuel depot), or the asset alone (a battery for
/// a substation's own controls), which then stops passing the group's kind on
/// at once.
enum class BufferMode : std::uint8_t { pass_on, own };

/// "pass-on" or "own"; parse returns nothing for an unknown word.
std::string to_string(BufferMode mode);
std::optional<BufferMode> parse_buffer_mode(std::string_view text);

/// A redundancy group: the asset needs `need` of the suppliers in `from`.
/// When fewer are left, it fails `time_to_impact` hours later.
struct DependencyGroup {
  /// Resource kind (catalogs/resource-kinds.yaml); may be empty. A shared
  /// text: a national table repeats a handful of kinds over millions of
  /// groups, and the CSV loader gives equal kinds one copy.
  SharedText kind;
  /// Supplier ids, in the order written; the CSV loader gives equal ids one
  /// copy (model/text_list.hpp).
  TextList from;
  std::uint32_t need = 1;         ///< 1 ≤ need ≤ from.size()
  DependencyType type = DependencyType::physical;
  BufferMode buffer = BufferMode::pass_on;  ///< `buffer:`; default pass-on
  Hours time_to_impact = 0;
  SourceLocation where;
  /// Where `kind` is written, for errors about it, when that is not `where`
  /// (YAML); empty for a CSV row, where both are the row. Behind a pointer:
  /// 8 bytes instead of 24 for each of millions of groups.
  Boxed<SourceLocation> kind_where;
};

struct GeoLocation {
  double lat = 0;
  double lon = 0;
};

struct CyberProduct {
  std::string vendor;
  std::string product;
  std::string version;
};

/// The cyber profile of an asset; `present` is false when the model gives none.
struct CyberProfile {
  bool present = false;
  bool internet_exposed = false;
  std::string remote_access = "none";  ///< none | vpn | vendor-vpn | direct
  std::string network;                 ///< it | ot | mixed, or empty when unknown
  std::vector<CyberProduct> products;
  std::vector<std::string> controls;
};

/// A population area (docs/model.md "Areas"): a wijk, buurt or municipality
/// whose residents are counted once however many assets serve them.
struct Area {
  std::string id;  ///< unique; [a-z0-9][a-z0-9._-]*
  std::string name;
  double population = 0;  ///< residents, ≥ 0
  std::string cbs;        ///< CBS wijk/buurt/gemeente code, e.g. WK050501; may be empty
  std::optional<GeoLocation> location;
  std::optional<double> area_km2;  ///< > 0 when given
  SourceLocation where;
};

/// An asset's supply of one people-facing service (an id from
/// catalogs/resource-kinds.yaml) to population areas: the areas lose that
/// service while the asset is down (docs/decisions/013-population-areas.md).
struct ServiceSupply {
  std::string service;
  std::vector<std::string> areas;  ///< area ids, sorted, unique
  SourceLocation where;
};

/// Resource kinds an asset covers itself, so that it has no dependency group
/// of them although its type needs them (an own generator or well, power
/// through the data centre that hosts it). The needs check does not ask for
/// these (docs/model.md).
struct SelfSupplied {
  std::vector<std::string> kinds;  ///< sorted, unique
  SourceLocation where = {};       ///< where `self_supplied:` is written
};

struct Asset {
  std::string id;  ///< unique; [a-z0-9][a-z0-9._-]*
  std::string name;
  /// Type, process and operator are shared texts (model/shared_text.hpp): a
  /// national inventory repeats a few hundred values over a million assets,
  /// and the CSV loader gives equal cells one copy (docs/performance.md).
  SharedText type;     ///< catalogs/asset-types.yaml; may be empty
  SharedText process;  ///< catalogs/vital-processes.yaml; may be empty
  SharedText operator_name;
  std::optional<GeoLocation> location;
  TextList zones;  ///< sorted, unique; the CSV loader gives equal zones one copy
  ImpactBases serves;                   ///< impact bases, e.g. population
  /// The services it gives to population areas, sorted by service; when
  /// empty, `serves.population` stands for the people it serves (an area of
  /// its own that may overlap others: engine/affected_people.hpp).
  std::vector<ServiceSupply> supplies;
  std::optional<double> p;               ///< probability of failure per year
  bool is_virtual = false;               ///< logic only: relays failures, never fails itself
  /// Repair/restart time after a failure before the asset can run again
  /// (docs/restoration.md); nothing = an initial failure is permanent and a
  /// loss of supply needs no restart.
  std::optional<Hours> recovery;
  /// Restart time after a loss of supply only (≥ 0), when it differs from
  /// the repair after damage in `recovery`; nothing = `recovery` is used for
  /// both (docs/restoration.md).
  std::optional<Hours> restart;
  /// Behind a pointer (model/boxed.hpp): most assets of a national inventory have none.
  Boxed<CyberProfile> cyber;
  std::vector<DependencyGroup> depends_on;
  /// Resource kinds the asset covers itself (`self_supplied:`). Behind a
  /// pointer (model/boxed.hpp): few assets list any.
  Boxed<SelfSupplied> self_supplied;
  SourceLocation where;

  /// `serves.population`, or 0.
  double population() const;
};

/// An asset failing at a time, as a scenario or `--fail ID@T` states it.
struct InitialFailure {
  std::string asset;
  Hours at = 0;
  SourceLocation where;
};

/// The largest scenario frequency a model may state, per year (about once a
/// minute: anything above is a unit error, not a scenario).
inline constexpr double kMaxScenarioFrequency = 1e6;

struct Scenario {
  std::string id;
  std::string title;
  std::string threat;  ///< catalogs/threats.yaml; may be empty
  std::vector<InitialFailure> initial;
  std::optional<char> likelihood;  ///< 'A'…'E' when the model states it
  /// Occurrences per year when the model states it (never together with
  /// `likelihood`): `simulate` samples the scenario with it, the register
  /// derives its likelihood class from it (docs/model.md, Scenarios).
  std::optional<double> frequency;
  SourceLocation where;
};

struct Region {
  std::string name;
  std::string authority;
  Hours horizon = 72;  ///< default analysis horizon
  SourceLocation horizon_where = {};  ///< where `horizon` was written; an empty file when defaulted
  /// Resource kinds the model leaves out for every asset (people, supplies,
  /// road access): the needs check does not ask for them; sorted, unique (docs/model.md).
  std::vector<std::string> not_modelled = {};
  SourceLocation not_modelled_where = {};
};

/// A loaded, validated model. Assets are sorted by id; every supplier id
/// resolves. Built by load_model(); other layers only read it.
struct Model {
  int format_version = 1;
  Region region;
  std::vector<Asset> assets;        ///< sorted by id
  std::vector<Area> areas;          ///< population areas, sorted by id
  std::vector<Scenario> scenarios;  ///< sorted by id
  std::string root;                 ///< the model directory
  std::vector<std::string> files;   ///< every file read, relative to root, sorted
  /// Resource kinds whose supply need not trace back to a source
  /// (`grounded: false` in the resource-kinds catalogue or the model's
  /// override; docs/model.md, Supply from sources). Every other non-empty
  /// kind is grounded. Filled by the loader from CatalogIndex.
  std::set<std::string, std::less<>> ungrounded_kinds;

  /// Index of the asset with this id in `assets`, or nothing.
  std::optional<std::size_t> find(std::string_view id) const;
  /// Rebuilds the id index; call after changing `assets`.
  void reindex();
  /// Index of the area with this id in `areas` (sorted), or nothing.
  std::optional<std::size_t> find_area(std::string_view id) const;

 private:
  /// The id index: an open-addressing table (linear probing) of positions
  /// in `assets`, plus one (0 = an empty slot), at most half full. It keeps
  /// no copy of an id: at national scale a map of a million id strings cost
  /// about 70 MB and a cache miss per node (docs/performance.md). A slot
  /// naming an asset that is gone (assets changed without reindex) never
  /// matches, so a stale index answers "not found" instead of reading past
  /// the end.
  std::vector<std::uint32_t> index_;
  /// The slot of `id` in a non-empty index_: the one naming an asset with
  /// that id, else the empty slot where its probe ends (slots naming an
  /// asset that is gone are passed over). find and reindex share it.
  std::size_t probe(std::string_view id) const;
};

/// True for ids of the form [a-z0-9][a-z0-9._-]*.
bool is_valid_id(std::string_view id);

}  // namespace knelpunt::model
