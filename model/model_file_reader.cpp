#include "model/model_file_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "model/versioned_yaml_file.hpp"
#include "model/yaml_fields.hpp"

namespace knelpunt::model {

namespace {

std::vector<std::string> sorted_unique(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  items.erase(std::unique(items.begin(), items.end()), items.end());
  return items;
}

class FileReader {
 public:
  FileReader(const YamlDocument& document, bool entry, Diagnostics& diagnostics)
      : doc_(document), entry_(entry), fields_(document, diagnostics) {}

  /// The assets of a list node (for measure files, which add assets in model format).
  std::vector<Asset> read_assets(YamlNodeId list) {
    if (doc_.node(list).kind != YamlKind::null && fields_.expect_sequence(list, "'add_assets'"))
      for (YamlNodeId item : doc_.node(list).children) read_asset(item);
    return std::move(fragment_.assets);
  }

  /// One dependency group in model format, for `owner`; nothing when it is unusable.
  std::optional<DependencyGroup> read_dependency(YamlNodeId node, const std::string& owner) {
    Asset holder;
    holder.id = owner;
    read_group(node, "asset '" + owner + "'", holder);
    if (holder.depends_on.empty()) return std::nullopt;
    return std::move(holder.depends_on.front());
  }

  /// A cyber block in model format.
  CyberProfile read_cyber_block(YamlNodeId node, const std::string& owner) {
    Asset holder;
    read_cyber(node, "asset '" + owner + "'", holder);
    return *holder.cyber;
  }

  ModelFragment read() {
    const YamlNodeId root = doc_.root();
    if (root == kNoYamlNode) return std::move(fragment_);
    if (!fields_.expect_mapping(root, "the file")) return std::move(fragment_);
    if (entry_)
      // `catalogs:` overrides are read by catalogs/catalog_set (model/ does not know catalogues).
      fields_.check_keys(root, "the model", {"knelpunt", "region", "include", "tables", "areas", "assets", "scenarios", "catalogs"});
    else
      fields_.check_keys(root, "an included file", {"knelpunt", "include", "tables", "areas", "assets", "scenarios"});
    read_version(root);
    if (auto region = doc_.find(root, "region"); region != kNoYamlNode && entry_) read_region(region);
    if (auto include = doc_.find(root, "include"); include != kNoYamlNode) read_includes(include);
    if (auto tables = doc_.find(root, "tables"); tables != kNoYamlNode) read_tables(tables);
    if (auto areas = doc_.find(root, "areas"); areas != kNoYamlNode) {
      if (doc_.node(areas).kind != YamlKind::null && fields_.expect_sequence(areas, "'areas'"))
        for (YamlNodeId item : doc_.node(areas).children) read_area(item);
    }
    if (auto assets = doc_.find(root, "assets"); assets != kNoYamlNode) {
      if (doc_.node(assets).kind != YamlKind::null && fields_.expect_sequence(assets, "'assets'"))
        for (YamlNodeId item : doc_.node(assets).children) read_asset(item);
    }
    if (auto scenarios = doc_.find(root, "scenarios"); scenarios != kNoYamlNode) {
      if (doc_.node(scenarios).kind != YamlKind::null && fields_.expect_sequence(scenarios, "'scenarios'"))
        for (YamlNodeId item : doc_.node(scenarios).children) read_scenario(item);
    }
    return std::move(fragment_);
  }

 private:
  void read_version(YamlNodeId root) {
    // Required in model.yaml only; an included file may leave it out.
    if (auto version = check_format_version(fields_, root, {"knelpunt", 1}, entry_))
      fragment_.format_version = static_cast<int>(*version);
  }

  void read_region(YamlNodeId node) {
    if (!fields_.expect_mapping(node, "'region'")) return;
    fields_.check_keys(node, "'region'", {"name", "authority", "horizon", "not_modelled"});
    Region region;
    if (auto v = doc_.find(node, "name"); v != kNoYamlNode) region.name = fields_.string(v, "'region.name'").value_or("");
    if (auto v = doc_.find(node, "authority"); v != kNoYamlNode)
      region.authority = fields_.string(v, "'region.authority'").value_or("");
    if (auto v = doc_.find(node, "horizon"); v != kNoYamlNode)
      if (auto hours = duration(v, "'region.horizon'", true)) {
        region.horizon = *hours;
        region.horizon_where = fields_.where(v);
      }
    if (auto v = doc_.find(node, "not_modelled"); v != kNoYamlNode) {
      region.not_modelled_where = fields_.where(v);
      if (auto kinds = fields_.strings(v, "'region.not_modelled'")) region.not_modelled = sorted_unique(*kinds);
    }
    fragment_.region = region;
  }

  void read_includes(YamlNodeId node) {
    if (doc_.node(node).kind == YamlKind::scalar) {
      fragment_.includes.push_back({doc_.node(node).value, fields_.where(node)});
      return;
    }
    if (!fields_.expect_sequence(node, "'include'")) return;
    for (YamlNodeId item : doc_.node(node).children)
      if (auto path = fields_.string(item, "an include")) fragment_.includes.push_back({*path, fields_.where(item)});
  }

  void read_tables(YamlNodeId node) {
    if (!fields_.expect_mapping(node, "'tables'")) return;
    fields_.check_keys(node, "'tables'", {"assets", "dependencies", "areas", "supplies"});
    if (auto v = doc_.find(node, "assets"); v != kNoYamlNode)
      if (auto path = fields_.string(v, "'tables.assets'")) fragment_.assets_table = PathReference{*path, fields_.where(v)};
    if (auto v = doc_.find(node, "dependencies"); v != kNoYamlNode)
      if (auto path = fields_.string(v, "'tables.dependencies'"))
        fragment_.dependencies_table = PathReference{*path, fields_.where(v)};
    if (auto v = doc_.find(node, "areas"); v != kNoYamlNode)
      if (auto path = fields_.string(v, "'tables.areas'")) fragment_.areas_table = PathReference{*path, fields_.where(v)};
    if (auto v = doc_.find(node, "supplies"); v != kNoYamlNode)
      if (auto path = fields_.string(v, "'tables.supplies'"))
        fragment_.supplies_table = PathReference{*path, fields_.where(v)};
  }

  /// One population area (docs/model.md "Areas").
  void read_area(YamlNodeId node) {
    if (!fields_.expect_mapping(node, "an area")) return;
    fields_.check_keys(node, "an area", {"id", "name", "population", "cbs", "lat", "lon", "area_km2"});
    const YamlNodeId id_node = doc_.find(node, "id");
    if (id_node == kNoYamlNode) {
      fields_.error(node, "an area has no 'id'; expected 'id: some-id'");
      return;
    }
    auto area_id = id(id_node, "area id");
    if (!area_id) return;
    Area area;
    area.id = *area_id;
    area.where = fields_.where(id_node);
    const std::string what = "area '" + area.id + "'";
    if (auto v = doc_.find(node, "name"); v != kNoYamlNode)
      area.name = fields_.string(v, fmt::format("'name' of {}", what)).value_or("");
    if (auto v = doc_.find(node, "cbs"); v != kNoYamlNode)
      area.cbs = fields_.string(v, fmt::format("'cbs' of {}", what)).value_or("");
    const YamlNodeId population = doc_.find(node, "population");
    if (population == kNoYamlNode) {
      fields_.error(node, fmt::format("{} has no 'population'; expected 'population: 12000' (residents)", what));
    } else if (auto count = fields_.number(population, fmt::format("'population' of {}", what))) {
      if (*count < 0)
        fields_.error(population, fmt::format("'population' of {} is negative; expected a count of 0 or more", what));
      else
        area.population = *count;
    }
    if (auto v = doc_.find(node, "area_km2"); v != kNoYamlNode) {
      if (auto km2 = fields_.number(v, fmt::format("'area_km2' of {}", what))) {
        if (*km2 <= 0)
          fields_.error(v, fmt::format("'area_km2' of {} is {}; expected a positive surface in km²", what, *km2));
        else
          area.area_km2 = *km2;
      }
    }
    const YamlNodeId lat_node = doc_.find(node, "lat"), lon_node = doc_.find(node, "lon");
    if ((lat_node == kNoYamlNode) != (lon_node == kNoYamlNode)) {
      fields_.error(node, fmt::format("{} has only one of lat and lon; expected both (lat: 51.81, lon: 4.67) or neither", what));
    } else if (lat_node != kNoYamlNode) {
      area.location = read_lat_lon(lat_node, lon_node);
    }
    fragment_.areas.push_back(std::move(area));
  }

  /// `supplies: [{service: power, areas: [binnenstad, …]}, …]` of an asset.
  void read_supplies(YamlNodeId node, const std::string& what, Asset& asset) {
    if (doc_.node(node).kind == YamlKind::null) return;
    if (!fields_.expect_sequence(node, fmt::format("'supplies' of {}", what))) return;
    for (YamlNodeId item : doc_.node(node).children) {
      if (!fields_.expect_mapping(item, fmt::format("a supply of {}", what))) continue;
      fields_.check_keys(item, "a supply", {"service", "areas"});
      ServiceSupply supply;
      supply.where = fields_.where(item);
      const YamlNodeId service = doc_.find(item, "service");
      const YamlNodeId areas = doc_.find(item, "areas");
      if (service == kNoYamlNode || areas == kNoYamlNode) {
        fields_.error(item, fmt::format("a supply of {} lacks 'service' or 'areas'; expected "
                                        "{{service: power, areas: [area-id, …]}}",
                                        what));
        continue;
      }
      auto service_id = fields_.string(service, fmt::format("'service' of a supply of {}", what));
      auto area_ids = fields_.strings(areas, fmt::format("'areas' of a supply of {}", what), true);
      if (!service_id || !area_ids) continue;
      if (area_ids->empty()) {
        fields_.error(areas, fmt::format("'areas' of a supply of {} is empty; expected at least one area id", what));
        continue;
      }
      supply.service = *service_id;
      supply.areas = *area_ids;
      std::sort(supply.areas.begin(), supply.areas.end());
      supply.areas.erase(std::unique(supply.areas.begin(), supply.areas.end()), supply.areas.end());
      asset.supplies.push_back(std::move(supply));
    }
  }

  std::optional<Hours> duration(YamlNodeId node, std::string_view what, bool allow_infinite = false) {
    const auto& n = doc_.node(node);
    if (n.kind == YamlKind::scalar) {
      if (auto hours = parse_duration(n.value, allow_infinite)) return hours;
      const bool negative = !n.value.empty() && n.value.front() == '-';
      fields_.error(node, fmt::format("{} is '{}'{}; expected a duration such as 0, 90m, 4h, 3d, 2w or PT4H{}",
                                      what, n.value, negative ? " (negative)" : "",
                                      allow_infinite ? " (or inf)" : ""));
      return std::nullopt;
    }
    fields_.error(node, fmt::format("{} is {}; expected a duration such as 4h", what, describe(n.kind)));
    return std::nullopt;
  }

  std::optional<std::string> id(YamlNodeId node, std::string_view what) {
    auto value = fields_.string(node, what);
    if (!value) return std::nullopt;
    if (!is_valid_id(*value)) {
      fields_.error(node, fmt::format("{} '{}' is not a valid id; expected lower-case letters, digits "
                                      "and . _ - (starting with a letter or digit)",
                                      what, *value));
      return std::nullopt;
    }
    return value;
  }

  void read_asset(YamlNodeId node) {
    if (!fields_.expect_mapping(node, "an asset")) return;
    fields_.check_keys(node, "an asset",
                       {"id", "name", "type", "process", "operator", "location", "zones", "serves",
                        "supplies", "p", "virtual", "recovery", "restart", "cyber", "depends_on", "self_supplied"});
    Asset asset;
    asset.where = fields_.where(node);
    const YamlNodeId id_node = doc_.find(node, "id");
    if (id_node == kNoYamlNode) {
      fields_.error(node, "an asset has no 'id'; expected 'id: some-id'");
      return;
    }
    auto asset_id = id(id_node, "asset id");
    if (!asset_id) return;
    asset.id = *asset_id;
    asset.where = fields_.where(id_node);
    const std::string what = "asset '" + asset.id + "'";
    auto text = [&](const char* key, auto& out) {
      if (auto v = doc_.find(node, key); v != kNoYamlNode)
        out = fields_.string(v, fmt::format("'{}' of {}", key, what)).value_or("");
    };
    text("name", asset.name);
    text("type", asset.type);
    text("process", asset.process);
    text("operator", asset.operator_name);
    if (auto v = doc_.find(node, "location"); v != kNoYamlNode) read_location(v, what, asset);
    if (auto v = doc_.find(node, "zones"); v != kNoYamlNode) {
      if (auto zones = fields_.strings(v, fmt::format("'zones' of {}", what))) {
        asset.zones = *zones;
        std::sort(asset.zones.begin(), asset.zones.end());
        asset.zones.erase(std::unique(asset.zones.begin(), asset.zones.end()), asset.zones.end());
      }
    }
    if (auto v = doc_.find(node, "serves"); v != kNoYamlNode) read_serves(v, what, asset);
    if (auto v = doc_.find(node, "supplies"); v != kNoYamlNode) read_supplies(v, what, asset);
    if (auto v = doc_.find(node, "p"); v != kNoYamlNode) {
      if (auto p = fields_.number(v, fmt::format("'p' of {}", what))) {
        if (*p < 0 || *p > 1)
          fields_.error(v, fmt::format("'p' of {} is {}; expected a probability between 0 and 1", what, *p));
        else
          asset.p = *p;
      }
    }
    if (auto v = doc_.find(node, "virtual"); v != kNoYamlNode)
      asset.is_virtual = fields_.boolean(v, fmt::format("'virtual' of {}", what)).value_or(false);
    read_restoration_times(node, what, asset);
    if (auto v = doc_.find(node, "cyber"); v != kNoYamlNode) read_cyber(v, what, asset);
    if (auto v = doc_.find(node, "self_supplied"); v != kNoYamlNode) {
      asset.self_supplied.edit().where = fields_.where(v);
      if (auto kinds = fields_.strings(v, fmt::format("'self_supplied' of {}", what)))
        asset.self_supplied.edit().kinds = sorted_unique(*kinds);
    }
    if (auto v = doc_.find(node, "depends_on"); v != kNoYamlNode) {
      if (doc_.node(v).kind != YamlKind::null && fields_.expect_sequence(v, fmt::format("'depends_on' of {}", what)))
        for (YamlNodeId item : doc_.node(v).children) read_group(item, what, asset);
    }
    fragment_.assets.push_back(std::move(asset));
  }

  /// `recovery` and `restart` (docs/restoration.md); after `virtual`, which forbids both.
  void read_restoration_times(YamlNodeId node, const std::string& what, Asset& asset) {
    if (auto v = doc_.find(node, "recovery"); v != kNoYamlNode) {
      // docs/restoration.md: a recovery is a positive repair or restart time;
      // virtual assets never fail by themselves and need none.
      if (auto hours = duration(v, fmt::format("'recovery' of {}", what))) {
        if (*hours <= 0)
          fields_.error(v, fmt::format("'recovery' of {} is '{}'; expected a positive duration such as 12h (leave it "
                                       "out when the asset needs no restart)",
                                       what, doc_.node(v).value));
        else if (asset.is_virtual)
          fields_.error(v, fmt::format("'recovery' of {} is given but the asset is virtual; expected none: virtual "
                                       "assets never fail by themselves",
                                       what));
        else
          asset.recovery = *hours;
      }
    }
    if (auto v = doc_.find(node, "restart"); v != kNoYamlNode) {
      // docs/restoration.md: the restart after a loss of supply, when it
      // differs from the repair in `recovery`; 0 = back as soon as supplied.
      if (auto hours = duration(v, fmt::format("'restart' of {}", what))) {
        if (asset.is_virtual)
          fields_.error(
              v, fmt::format(
                     "'restart' of {} is given but the asset is virtual; expected none: virtual "
                     "assets are back as soon as their groups are",
                     what));
        else
          asset.restart = *hours;
      }
    }
  }

  void read_location(YamlNodeId node, const std::string& what, Asset& asset) {
    if (!fields_.expect_mapping(node, fmt::format("'location' of {}", what))) return;
    fields_.check_keys(node, "'location'", {"lat", "lon"});
    auto lat_node = doc_.find(node, "lat"), lon_node = doc_.find(node, "lon");
    if (lat_node == kNoYamlNode || lon_node == kNoYamlNode) {
      fields_.error(node, fmt::format("'location' of {} lacks lat or lon; expected {{lat: 51.8, lon: 4.67}}", what));
      return;
    }
    asset.location = read_lat_lon(lat_node, lon_node);
  }

  /// A point from its two nodes; nothing (after an error at the offending
  /// node) when either is not a number in range.
  std::optional<GeoLocation> read_lat_lon(YamlNodeId lat_node, YamlNodeId lon_node) {
    auto lat = fields_.number(lat_node, "'lat'");
    auto lon = fields_.number(lon_node, "'lon'");
    if (lat && (*lat < -90 || *lat > 90)) {
      fields_.error(lat_node, fmt::format("latitude {} is out of range; expected -90 to 90", *lat));
      lat.reset();
    }
    if (lon && (*lon < -180 || *lon > 180)) {
      fields_.error(lon_node, fmt::format("longitude {} is out of range; expected -180 to 180", *lon));
      lon.reset();
    }
    if (!lat || !lon) return std::nullopt;
    return GeoLocation{*lat, *lon};
  }

  void read_serves(YamlNodeId node, const std::string& what, Asset& asset) {
    if (!fields_.expect_mapping(node, fmt::format("'serves' of {}", what))) return;
    for (auto [key, value] : fields_.entries(node)) {
      const std::string& name = doc_.node(key).value;
      if (auto amount = fields_.number(value, fmt::format("'serves.{}' of {}", name, what))) {
        if (*amount < 0)
          fields_.error(value, fmt::format("'serves.{}' of {} is negative; expected a count of 0 or more", name, what));
        else
          asset.serves[name] = *amount;
      }
    }
  }

  void read_cyber(YamlNodeId node, const std::string& what, Asset& asset) {
    if (!fields_.expect_mapping(node, fmt::format("'cyber' of {}", what))) return;
    fields_.check_keys(node, "'cyber'", {"internet_exposed", "remote_access", "network", "products", "controls"});
    CyberProfile& cyber = asset.cyber.edit();
    cyber.present = true;
    if (auto v = doc_.find(node, "internet_exposed"); v != kNoYamlNode)
      cyber.internet_exposed = fields_.boolean(v, "'cyber.internet_exposed'").value_or(false);
    if (auto v = doc_.find(node, "remote_access"); v != kNoYamlNode) {
      auto value = fields_.string(v, "'cyber.remote_access'");
      if (value && *value != "none" && *value != "vpn" && *value != "vendor-vpn" && *value != "direct")
        fields_.error(v, fmt::format("'cyber.remote_access' is '{}'; expected none, vpn, vendor-vpn or direct", *value));
      else if (value)
        cyber.remote_access = *value;
    }
    if (auto v = doc_.find(node, "network"); v != kNoYamlNode) {
      auto value = fields_.string(v, "'cyber.network'");
      if (value && *value != "it" && *value != "ot" && *value != "mixed")
        fields_.error(v, fmt::format("'cyber.network' is '{}'; expected it, ot or mixed", *value));
      else if (value)
        cyber.network = *value;
    }
    if (auto v = doc_.find(node, "products"); v != kNoYamlNode) {
      if (fields_.expect_sequence(v, "'cyber.products'")) {
        for (YamlNodeId item : doc_.node(v).children) {
          if (!fields_.expect_mapping(item, "a product")) continue;
          fields_.check_keys(item, "a product", {"vendor", "product", "version"});
          CyberProduct product;
          if (auto x = doc_.find(item, "vendor"); x != kNoYamlNode) product.vendor = fields_.string(x, "'vendor'").value_or("");
          if (auto x = doc_.find(item, "product"); x != kNoYamlNode) product.product = fields_.string(x, "'product'").value_or("");
          if (auto x = doc_.find(item, "version"); x != kNoYamlNode) product.version = fields_.string(x, "'version'").value_or("");
          if (product.product.empty())
            fields_.error(item, "a product has no 'product'; expected {vendor: …, product: …, version: …}");
          cyber.products.push_back(std::move(product));
        }
      }
    }
    if (auto v = doc_.find(node, "controls"); v != kNoYamlNode) {
      if (auto controls = fields_.strings(v, "'cyber.controls'")) {
        cyber.controls = *controls;
        std::sort(cyber.controls.begin(), cyber.controls.end());
        cyber.controls.erase(std::unique(cyber.controls.begin(), cyber.controls.end()), cyber.controls.end());
      }
    }
  }

  void read_group(YamlNodeId node, const std::string& what, Asset& asset) {
    if (!fields_.expect_mapping(node, fmt::format("a dependency of {}", what))) return;
    fields_.check_keys(node, "a dependency", {"kind", "from", "need", "type", "time_to_impact", "buffer"});
    DependencyGroup group;
    group.where = fields_.where(node);
    if (auto v = doc_.find(node, "kind"); v != kNoYamlNode) {
      group.kind = fields_.string(v, "'kind'").value_or("");
      group.kind_where = fields_.where(v);
    }
    const YamlNodeId from = doc_.find(node, "from");
    if (from == kNoYamlNode) {
      fields_.error(node, fmt::format("a dependency of {} has no 'from'; expected 'from: [supplier-id, …]'", what));
      return;
    }
    auto suppliers = fields_.strings(from, "'from'", true);
    if (!suppliers) return;
    if (suppliers->empty()) {
      fields_.error(from, fmt::format("'from' of a dependency of {} is empty; expected at least one supplier id", what));
      return;
    }
    bool ok = true;
    const auto& items = doc_.node(from).kind == YamlKind::sequence ? doc_.node(from).children
                                                                   : std::vector<YamlNodeId>{from};
    for (std::size_t i = 0; i < suppliers->size(); ++i) {
      const auto& supplier = (*suppliers)[i];
      if (!is_valid_id(supplier)) {
        fields_.error(items[i], fmt::format("supplier '{}' is not a valid id; expected lower-case letters, "
                                            "digits and . _ -", supplier));
        ok = false;
      } else if (supplier == asset.id) {
        fields_.error(items[i], fmt::format("{} depends on itself; expected other assets as suppliers", what));
        ok = false;
      } else if (std::find(suppliers->begin(), suppliers->begin() + static_cast<std::ptrdiff_t>(i), supplier) !=
                 suppliers->begin() + static_cast<std::ptrdiff_t>(i)) {
        fields_.error(items[i], fmt::format("supplier '{}' is listed twice in one dependency; expected each "
                                            "supplier once per group", supplier));
        ok = false;
      }
    }
    group.from = *suppliers;
    if (auto v = doc_.find(node, "need"); v != kNoYamlNode) {
      if (auto need = fields_.integer(v, "'need'")) {
        if (*need < 1 || static_cast<std::size_t>(*need) > suppliers->size()) {
          fields_.error(v, fmt::format("'need' is {}; expected 1 to {} (the number of suppliers in 'from')",
                                       *need, suppliers->size()));
        } else {
          group.need = static_cast<std::uint32_t>(*need);
        }
      }
    }
    if (auto v = doc_.find(node, "type"); v != kNoYamlNode) {
      if (auto type = fields_.string(v, "'type'")) {
        if (auto parsed = parse_dependency_type(*type)) group.type = *parsed;
        else {
          fields_.error(v, fmt::format("dependency type '{}' is unknown; expected physical, cyber, geographic or logical", *type));
        }
      }
    }
    if (auto v = doc_.find(node, "time_to_impact"); v != kNoYamlNode) {
      if (auto hours = duration(v, "'time_to_impact'")) group.time_to_impact = *hours;
    }
    if (auto v = doc_.find(node, "buffer"); v != kNoYamlNode) {
      if (auto text = fields_.string(v, "'buffer'")) {
        if (auto mode = parse_buffer_mode(*text)) group.buffer = *mode;
        else fields_.error(v, fmt::format("buffer '{}' is unknown; expected pass-on or own", *text));
      }
    }
    // Errors in need, type, time_to_impact or buffer are reported above and keep the
    // group, so that its suppliers are still checked; bad supplier ids drop it.
    if (ok) asset.depends_on.push_back(std::move(group));
  }

  void read_scenario(YamlNodeId node) {
    if (!fields_.expect_mapping(node, "a scenario")) return;
    fields_.check_keys(
        node, "a scenario",
        {"id", "title", "description", "threat", "initial", "likelihood", "frequency"});
    Scenario scenario;
    scenario.where = fields_.where(node);
    const YamlNodeId id_node = doc_.find(node, "id");
    if (id_node == kNoYamlNode) {
      fields_.error(node, "a scenario has no 'id'; expected 'id: some-id'");
      return;
    }
    auto scenario_id = id(id_node, "scenario id");
    if (!scenario_id) return;
    scenario.id = *scenario_id;
    if (auto v = doc_.find(node, "title"); v != kNoYamlNode) scenario.title = fields_.string(v, "'title'").value_or("");
    if (auto v = doc_.find(node, "threat"); v != kNoYamlNode) scenario.threat = fields_.string(v, "'threat'").value_or("");
    if (auto v = doc_.find(node, "likelihood"); v != kNoYamlNode) {
      auto value = fields_.string(v, "'likelihood'");
      if (value && value->size() == 1 && (*value)[0] >= 'A' && (*value)[0] <= 'E') scenario.likelihood = (*value)[0];
      else if (value) fields_.error(v, fmt::format("likelihood '{}' is unknown; expected a class A, B, C, D or E", *value));
    }
    if (auto v = doc_.find(node, "frequency"); v != kNoYamlNode) {
      const auto what = fmt::format("'frequency' of scenario '{}'", scenario.id);
      if (auto frequency = fields_.number(v, what)) {
        if (!(*frequency >= 0) || !std::isfinite(*frequency) || *frequency > kMaxScenarioFrequency)
          fields_.error(v, fmt::format("{} is {}; expected occurrences per year from 0 to {}", what,
                                       *frequency, kMaxScenarioFrequency));
        else if (scenario.likelihood)
          // One number per thing: the register derives the class from the frequency.
          fields_.error(
              v, fmt::format(
                     "scenario '{}' has both 'likelihood' and 'frequency'; expected one of them "
                     "(the register derives the likelihood class from the frequency)",
                     scenario.id));
        else
          scenario.frequency = *frequency;
      }
    }
    const YamlNodeId initial = doc_.find(node, "initial");
    if (initial == kNoYamlNode) {
      fields_.error(node, fmt::format("scenario '{}' has no 'initial'; expected a list of assets that fail", scenario.id));
    } else if (fields_.expect_sequence(initial, "'initial'")) {
      for (YamlNodeId item : doc_.node(initial).children) read_initial(item, scenario);
      if (doc_.node(initial).children.empty())
        fields_.error(initial, "'initial' is empty; expected at least one asset that fails");
    }
    fragment_.scenarios.push_back(std::move(scenario));
  }

  void read_initial(YamlNodeId node, Scenario& scenario) {
    const auto& n = doc_.node(node);
    if (n.kind == YamlKind::scalar) {
      auto failure = parse_initial_failure(n.value);
      if (!failure) {
        fields_.error(node, fmt::format("initial failure '{}' is malformed; expected 'asset-id' or 'asset-id@2h'", n.value));
        return;
      }
      failure->where = fields_.where(node);
      scenario.initial.push_back(*failure);
      return;
    }
    if (!fields_.expect_mapping(node, "an initial failure")) return;
    fields_.check_keys(node, "an initial failure", {"asset", "at"});
    InitialFailure failure;
    failure.where = fields_.where(node);
    const YamlNodeId asset = doc_.find(node, "asset");
    if (asset == kNoYamlNode) {
      fields_.error(node, "an initial failure has no 'asset'; expected {asset: id, at: 2h}");
      return;
    }
    auto asset_id = fields_.string(asset, "'asset'");
    if (!asset_id) return;
    failure.asset = *asset_id;
    if (auto v = doc_.find(node, "at"); v != kNoYamlNode) {
      auto at = duration(v, "'at'");
      if (!at) return;
      failure.at = *at;
    }
    scenario.initial.push_back(failure);
  }

  const YamlDocument& doc_;
  bool entry_;
  YamlFields fields_;
  ModelFragment fragment_;
};

}  // namespace

ModelFragment read_model_file(const YamlDocument& document, bool entry, Diagnostics& diagnostics) {
  return FileReader(document, entry, diagnostics).read();
}

std::vector<Asset> read_asset_list(const YamlDocument& document, YamlNodeId list, Diagnostics& diagnostics) {
  return FileReader(document, false, diagnostics).read_assets(list);
}

std::optional<DependencyGroup> read_dependency_group(const YamlDocument& document, YamlNodeId node,
                                                     const std::string& owner, Diagnostics& diagnostics) {
  return FileReader(document, false, diagnostics).read_dependency(node, owner);
}

CyberProfile read_cyber_profile(const YamlDocument& document, YamlNodeId node, const std::string& owner,
                                Diagnostics& diagnostics) {
  return FileReader(document, false, diagnostics).read_cyber_block(node, owner);
}

std::optional<InitialFailure> parse_initial_failure(std::string_view text) {
  InitialFailure failure;
  const auto at = text.find('@');
  failure.asset = std::string(text.substr(0, at));
  if (at != std::string_view::npos) {
    auto hours = parse_duration(text.substr(at + 1));
    if (!hours) return std::nullopt;
    failure.at = *hours;
  }
  if (failure.asset.empty()) return std::nullopt;
  return failure;
}

}  // namespace knelpunt::model
