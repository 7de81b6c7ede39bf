#include "model/model_validator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

#include "model/permute_in_place.hpp"
#include "model/shared_text_memo.hpp"
#include "model/suggest.hpp"

namespace knelpunt::model {

namespace {

/// Hints cost O(ids) each: give them for the first few misses only.
constexpr std::size_t kMaxHints = 50;

class Validator {
 public:
  Validator(Model& model, const CatalogIndex* catalogs, Diagnostics& diagnostics)
      : model_(model),
        catalogs_(catalogs),
        diagnostics_(diagnostics),
        known_asset_(KnownAsset{&model}) {}

  void run(TableDependencies table_dependencies, std::vector<TableSupply> table_supplies) {
    unique_assets();
    unique_areas();
    // A table lists an asset's dependencies on consecutive rows, mostly:
    // the last asset found is asked first.
    std::string last_asset;
    std::optional<std::size_t> last_index;
    table_dependencies.consume([&](TableDependency& dependency) {
      if (!last_index || dependency.asset != last_asset) {
        last_index = model_.find(dependency.asset);
        last_asset = dependency.asset;
      }
      const auto index = last_index;
      if (!index) {
        diagnostics_.error(dependency.group.where,
                           fmt::format("dependency of unknown asset '{}'{}; expected an asset defined in the model",
                                       dependency.asset, hint(dependency.asset)));
        return;
      }
      model_.assets[*index].depends_on.push_back(std::move(dependency.group));
    });
    if (catalogs_)
      for (const auto& kind : model_.region.not_modelled)
        check_catalog(catalogs_->resource_kinds, kind, model_.region.not_modelled_where, "resource kind",
                      "resource-kinds.yaml");
    for (auto& entry : table_supplies) {
      auto index = model_.find(entry.asset);
      if (!index) {
        diagnostics_.error(entry.supply.where,
                           fmt::format("supply of unknown asset '{}'{}; expected an asset defined in the model",
                                       entry.asset, hint(entry.asset)));
        continue;
      }
      model_.assets[*index].supplies.push_back(std::move(entry.supply));
    }
    for (auto& asset : model_.assets) {
      check_asset(asset);
      check_supplies(asset);
      check_needs(asset);
    }
    check_scenarios();
  }

 private:
  /// The positions of `assets` in the order of a stable sort by id. Each
  /// id's first 16 bytes are packed big-endian into two integers (zeros
  /// past its end), which order as the bytes do: ids hold no NUL byte, so a
  /// shorter id sorts before a longer one it begins. Most comparisons are
  /// then two integer ones, without reading the assets; equal keys compare
  /// the rest of the ids, then the positions (a total order, so the sort
  /// need not be stable).
  static std::vector<std::size_t> id_order(const std::vector<Asset>& assets) {
    struct Key {
      std::uint64_t high = 0, low = 0;
      std::size_t position = 0;
    };
    auto packed = [](const std::string& id, std::size_t from) {
      std::uint64_t value = 0;
      for (std::size_t k = from; k < from + 8; ++k)
        value = (value << 8) | (k < id.size() ? static_cast<unsigned char>(id[k]) : 0u);
      return value;
    };
    std::vector<Key> keys(assets.size());
    for (std::size_t i = 0; i < assets.size(); ++i)
      keys[i] = {packed(assets[i].id, 0), packed(assets[i].id, 8), i};
    std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
      if (a.high != b.high) return a.high < b.high;
      if (a.low != b.low) return a.low < b.low;
      const auto& x = assets[a.position].id;
      const auto& y = assets[b.position].id;
      if (x.size() > 16 || y.size() > 16)
        if (const int order = x.compare(y); order != 0) return order < 0;
      return a.position < b.position;
    });
    std::vector<std::size_t> order(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i) order[i] = keys[i].position;
    return order;
  }

  void unique_assets() {
    auto& assets = model_.assets;
    // Sort a permutation, not the assets: moving large structs dominates
    // otherwise. The assets are then permuted in place, cycle by cycle, and
    // the duplicates dropped in place: a second vector of them would double
    // the loader's peak memory at national scale (docs/performance.md).
    // Inventories are mostly exported in id order: then the stable order is
    // the order read, and one pass of comparisons replaces the sort.
    const bool in_order = std::is_sorted(
        assets.begin(), assets.end(), [](const Asset& a, const Asset& b) { return a.id < b.id; });
    if (!in_order) permute_in_place(assets, id_order(assets));
    // Equal ids are now adjacent, in the order they were read: the first stays.
    std::size_t kept = 0;
    for (std::size_t i = 0; i < assets.size(); ++i) {
      if (kept > 0 && assets[kept - 1].id == assets[i].id) {
        diagnostics_.error(assets[i].where,
                           fmt::format("duplicate asset id '{}' (first defined at {}); expected "
                                       "each id to be defined once",
                                       assets[i].id, assets[kept - 1].where.to_string()));
        continue;
      }
      if (kept != i) assets[kept] = std::move(assets[i]);
      ++kept;
    }
    assets.erase(assets.begin() + static_cast<std::ptrdiff_t>(kept), assets.end());
    model_.reindex();
  }

  /// Areas sorted by id like assets (determinism); duplicates reported and dropped.
  void unique_areas() {
    auto& areas = model_.areas;
    std::stable_sort(areas.begin(), areas.end(), [](const Area& a, const Area& b) { return a.id < b.id; });
    std::vector<Area> unique;
    unique.reserve(areas.size());
    for (auto& area : areas) {
      if (!unique.empty() && unique.back().id == area.id) {
        diagnostics_.error(area.where, fmt::format("duplicate area id '{}' (first defined at {}); expected each "
                                                   "area id to be defined once",
                                                   area.id, unique.back().where.to_string()));
        continue;
      }
      unique.push_back(std::move(area));
    }
    areas = std::move(unique);
  }

  /// The services an asset gives to areas (docs/decisions/013-population-areas.md):
  /// known services and areas; one entry per service.
  void check_supplies(Asset& asset) {
    if (asset.supplies.empty()) return;
    std::vector<std::string_view> area_ids;
    for (const auto& supply : asset.supplies) {
      if (catalogs_)
        check_catalog(catalogs_->resource_kinds, supply.service, supply.where, "service", "resource-kinds.yaml");
      for (const auto& area : supply.areas) {
        if (model_.find_area(area)) continue;
        if (area_ids.empty())
          for (const auto& known : model_.areas) area_ids.push_back(known.id);
        diagnostics_.error(supply.where, fmt::format("asset '{}' supplies {} to unknown area '{}'{}; expected the id "
                                                     "of an area under 'areas:' or in an areas table",
                                                     asset.id, supply.service, area, did_you_mean(area, area_ids)));
      }
    }
    // One entry per service: the same service written twice serves the union of its areas.
    auto& supplies = asset.supplies;
    std::stable_sort(supplies.begin(), supplies.end(),
                     [](const ServiceSupply& a, const ServiceSupply& b) { return a.service < b.service; });
    std::vector<ServiceSupply> merged;
    for (auto& supply : supplies) {
      if (merged.empty() || merged.back().service != supply.service) {
        merged.push_back(std::move(supply));
        continue;
      }
      auto& areas = merged.back().areas;
      areas.insert(areas.end(), supply.areas.begin(), supply.areas.end());
      std::sort(areas.begin(), areas.end());
      areas.erase(std::unique(areas.begin(), areas.end()), areas.end());
    }
    supplies = std::move(merged);
  }

  std::string hint(std::string_view id) {
    if (hints_given_++ >= kMaxHints) return "";
    if (id_views_.empty()) {
      id_views_.reserve(model_.assets.size());
      for (const auto& asset : model_.assets) id_views_.push_back(asset.id);
    }
    return did_you_mean(id, id_views_);
  }

  void check_catalog(const std::set<std::string, std::less<>>& entries, const std::string& value,
                     const SourceLocation& where, std::string_view what, std::string_view file) {
    if (!catalogs_ || value.empty() || entries.count(value)) return;
    std::vector<std::string_view> candidates(entries.begin(), entries.end());
    diagnostics_.error(where, fmt::format("unknown {} '{}'{}; expected an id from catalogs/{} (see knelpunt "
                                          "catalog show {})",
                                          what, value, did_you_mean(value, candidates), file,
                                          file.substr(0, file.size() - 5)));
  }

  void check_asset(const Asset& asset) {
    if (catalogs_) {
      check_catalog(catalogs_->asset_types, asset.type, asset.where, "asset type", "asset-types.yaml");
      check_catalog(catalogs_->vital_processes, asset.process, asset.where, "vital process", "vital-processes.yaml");
      if (!catalogs_->controls.empty())
        for (const auto& control : asset.cyber->controls)
          check_catalog(catalogs_->controls, control, asset.where, "control", "controls.yaml");
    }
    if (asset.is_virtual && asset.p && *asset.p > 0)
      diagnostics_.error(asset.where, fmt::format("virtual asset '{}' has a failure probability; expected none: "
                                                  "virtual assets never fail by themselves",
                                                  asset.id));
    for (const auto& group : asset.depends_on) {
      if (catalogs_)
        check_catalog(catalogs_->resource_kinds, group.kind,
                      group.kind_where->file.empty() ? group.where : *group.kind_where,
                      "resource kind", "resource-kinds.yaml");
      // The readers refuse this in a model file; a measure variant's
      // add_supplier reaches the model only through here.
      if (std::find(group.from.begin(), group.from.end(), asset.id) != group.from.end())
        diagnostics_.error(group.where, fmt::format("asset '{}' depends on itself; expected other assets as suppliers",
                                                    asset.id));
      for (const auto& supplier : group.from)
        if (known_asset_(supplier) == 0)
          diagnostics_.error(group.where, fmt::format("asset '{}' depends on unknown asset '{}'{}; expected the id "
                                                      "of an asset in the model",
                                                      asset.id, supplier, hint(supplier)));
      // An own buffer stops the asset passing its kind on while it lasts
      // (docs/model.md, Supply from sources); without a kind or a time it
      // changes nothing, which is not what its writer meant.
      if (group.buffer == BufferMode::own && group.kind.empty())
        diagnostics_.warning(group.where, fmt::format("a dependency of '{}' has 'buffer: own' but no 'kind', so it "
                                                      "changes nothing; expected a kind for the buffer to stop passing on",
                                                      asset.id));
      else if (group.buffer == BufferMode::own && group.time_to_impact == 0)
        diagnostics_.warning(group.where, fmt::format("a dependency of '{}' has 'buffer: own' and time_to_impact 0, "
                                                      "so it changes nothing; expected a time_to_impact for the buffer",
                                                      asset.id));
    }
  }

  /// A warning when the asset has no dependency group of a kind its type
  /// `needs` (catalogs/asset-types.yaml), unless the asset lists the kind in
  /// `self_supplied` or the model in `region.not_modelled`: a completeness
  /// hint, since a forgotten supply hides every cascade through it.
  void check_needs(const Asset& asset) {
    if (!catalogs_ || asset.type.empty() || asset.is_virtual) return;
    for (const auto& kind : asset.self_supplied->kinds)
      check_catalog(catalogs_->resource_kinds, kind, asset.self_supplied->where, "resource kind",
                    "resource-kinds.yaml");
    const auto needs = catalogs_->type_needs.find(asset.type);
    if (needs == catalogs_->type_needs.end()) return;
    const auto listed = [](const std::vector<std::string>& kinds, const std::string& kind) {
      return std::binary_search(kinds.begin(), kinds.end(), kind);
    };
    std::vector<std::string> missing;
    for (const auto& kind : needs->second) {
      const bool has_group = std::any_of(asset.depends_on.begin(), asset.depends_on.end(),
                                         [&](const DependencyGroup& group) { return group.kind == kind; });
      if (!has_group && !listed(asset.self_supplied->kinds, kind) &&
          !listed(model_.region.not_modelled, kind))
        missing.push_back("'" + kind + "'");
    }
    if (missing.empty()) return;
    const bool one = missing.size() == 1;
    // "'a'", "'a' or 'b'", "'a', 'b' or 'c'"
    std::string kinds = missing.back();
    if (!one) kinds = fmt::format("{} or {}", fmt::join(missing.begin(), missing.end() - 1, ", "), missing.back());
    diagnostics_.warning(
        asset.where,
        fmt::format("asset '{}' (type {}) has no dependency of kind {}; expected {}, as its type needs [{}] "
                    "(catalogs/asset-types.yaml); add a depends_on group of {}, or list {} in the asset's "
                    "self_supplied (or the model's region.not_modelled) when {} deliberately absent (docs/model.md)",
                    asset.id, asset.type, kinds, one ? "one" : "one of each",
                    fmt::join(needs->second, ", "), one ? "that kind" : "each", one ? "it" : "them",
                    one ? "it is" : "they are"));
  }

  void check_scenarios() {
    auto& scenarios = model_.scenarios;
    std::stable_sort(scenarios.begin(), scenarios.end(), [](const Scenario& a, const Scenario& b) { return a.id < b.id; });
    for (std::size_t i = 0; i < scenarios.size(); ++i) {
      const auto& scenario = scenarios[i];
      if (i > 0 && scenarios[i - 1].id == scenario.id)
        diagnostics_.error(scenario.where, fmt::format("duplicate scenario id '{}' (first defined at {}); expected "
                                                       "each id once",
                                                       scenario.id, scenarios[i - 1].where.to_string()));
      if (catalogs_) check_catalog(catalogs_->threats, scenario.threat, scenario.where, "threat", "threats.yaml");
      for (const auto& initial : scenario.initial) {
        auto index = model_.find(initial.asset);
        if (!index)
          diagnostics_.error(initial.where, fmt::format("scenario '{}' fails unknown asset '{}'{}; expected the id "
                                                        "of an asset in the model",
                                                        scenario.id, initial.asset, hint(initial.asset)));
        else if (model_.assets[*index].is_virtual)
          diagnostics_.error(initial.where, fmt::format("scenario '{}' fails virtual asset '{}'; expected a real "
                                                        "asset: virtual assets never fail by themselves",
                                                        scenario.id, initial.asset));
      }
    }
  }

  /// 1 when an asset has the id, else 0; asked for once per supplier buffer
  /// (the tables intern them), valid once unique_assets has sorted the assets.
  struct KnownAsset {
    const Model* model;
    std::uint32_t operator()(std::string_view id) const { return model->find(id) ? 1 : 0; }
  };
  Model& model_;
  const CatalogIndex* catalogs_;
  Diagnostics& diagnostics_;
  SharedTextMemo<KnownAsset> known_asset_;
  std::vector<std::string_view> id_views_;
  std::size_t hints_given_ = 0;
};

}  // namespace

void validate_model(Model& model, TableDependencies table_dependencies,
                    const CatalogIndex* catalogs, Diagnostics& diagnostics,
                    std::vector<TableSupply> table_supplies) {
  Validator(model, catalogs, diagnostics).run(std::move(table_dependencies), std::move(table_supplies));
}

}  // namespace knelpunt::model
