#include "model/csv_model_tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <initializer_list>
#include <string>
#include <vector>

#include "model/suggest.hpp"
#include "model/text_interner.hpp"
#include "model/yaml_fields.hpp"

namespace knelpunt::model {

namespace {

/// Maps header names to known columns; reports unknown ones with a hint.
template <std::size_t N>
std::array<int, N> map_columns(const CsvTable& table, const std::array<std::string_view, N>& known,
                               const std::string& file_name, Diagnostics& diagnostics) {
  std::array<int, N> index;
  index.fill(-1);
  for (std::size_t c = 0; c < table.header().size(); ++c) {
    const auto& name = table.header()[c];
    auto it = std::find(known.begin(), known.end(), name);
    if (it == known.end()) {
      std::string list;
      for (auto k : known) {
        if (!list.empty()) list += ',';
        list += k;
      }
      diagnostics.error({file_name, 1, 0},
                        fmt::format("unknown column '{}'{}; expected columns among {}", name,
                                    did_you_mean(name, std::span(known.data(), known.size())), list));
      continue;
    }
    const auto k = static_cast<std::size_t>(it - known.begin());
    if (index[k] >= 0) {
      diagnostics.error({file_name, 1, 0}, fmt::format("column '{}' appears twice; expected it once", name));
      continue;
    }
    index[k] = static_cast<int>(c);
  }
  return index;
}

/// True when the header has every column of `required` (indices into
/// `known`); else one error at the header that names the missing columns and
/// every required one.
template <std::size_t N>
bool has_required_columns(const std::array<int, N>& index, const std::array<std::string_view, N>& known,
                          std::initializer_list<std::size_t> required, const std::string& file_name,
                          Diagnostics& diagnostics) {
  std::vector<std::string> missing, all;
  for (auto r : required) {
    all.emplace_back(known[r]);
    if (index[r] < 0) missing.push_back(fmt::format("'{}'", known[r]));
  }
  if (missing.empty()) return true;
  diagnostics.error({file_name, 1, 0}, fmt::format("the header lacks {}; expected at least the columns {}",
                                                   fmt::join(missing, ", "), fmt::join(all, ",")));
  return false;
}

/// The cells of a table one row at a time, by the known columns that
/// map_columns found: `load(row)` splits the row once (CsvTable::row_fields),
/// and a known column the header lacks reads as empty.
template <std::size_t N>
class RowCells {
 public:
  RowCells(const CsvTable& table, const std::array<int, N>& columns)
      : table_(table), columns_(columns) {}
  void load(std::size_t row) { table_.row_fields(row, fields_); }
  std::string_view operator()(std::size_t column) const {
    const int at = columns_[column];
    return at < 0 ? std::string_view() : fields_[static_cast<std::size_t>(at)];
  }

 private:
  const CsvTable& table_;
  const std::array<int, N>& columns_;
  std::vector<std::string_view> fields_;
};

/// Calls `take(item)` for each non-empty item of a '|'-separated list, trimmed of spaces.
template <class Take>
void for_each_list_item(std::string_view text, Take take) {
  while (!text.empty()) {
    const auto bar = text.find('|');
    auto item = text.substr(0, bar);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) take(item);
    if (bar == std::string_view::npos) break;
    text.remove_prefix(bar + 1);
  }
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  for_each_list_item(text, [&](std::string_view item) { out.emplace_back(item); });
  return out;
}

/// The items of a '|'-separated list as texts of `interned`: equal ids over
/// a whole table share one copy.
TextList split_interned(std::string_view text, TextInterner& interned) {
  TextList out;
  for_each_list_item(text, [&](std::string_view item) { out.push_back(interned.intern(item)); });
  return out;
}

}  // namespace

void read_asset_table(const CsvTable& table, const SharedText& file_name,
                      std::vector<Asset>& assets, Diagnostics& diagnostics) {
  enum Column { id, name, type, process, operator_, virtual_, p, lat, lon, zones, population };
  static constexpr std::array<std::string_view, 11> known = {
      "id", "name", "type", "process", "operator", "virtual", "p", "lat", "lon", "zones", "population"};
  const auto col = map_columns(table, known, file_name, diagnostics);
  if (!has_required_columns(col, known, {id}, file_name, diagnostics)) return;
  RowCells cell(table, col);
  assets.reserve(assets.size() + table.row_count());
  TextInterner interned;  // one copy per distinct type, process, operator and zone
  const SharedText population_name("population");  // one name for every asset's base
  for (std::size_t row = 0; row < table.row_count(); ++row) {
    cell.load(row);
    const SourceLocation where{file_name, table.line(row), 0};
    auto bad = [&](std::string message) { diagnostics.error(where, std::move(message)); };
    Asset asset;
    asset.where = where;
    asset.id = std::string(cell(id));
    if (!is_valid_id(asset.id)) {
      bad(fmt::format("asset id '{}' is not a valid id; expected lower-case letters, digits and . _ -", asset.id));
      continue;
    }
    asset.name = std::string(cell(name));
    asset.type = interned.intern(cell(type));
    asset.process = interned.intern(cell(process));
    asset.operator_name = interned.intern(cell(operator_));
    if (auto v = cell(virtual_); !v.empty()) {
      if (v == "true" || v == "1" || v == "yes") asset.is_virtual = true;
      else if (v == "false" || v == "0" || v == "no") asset.is_virtual = false;
      else bad(fmt::format("'virtual' of asset '{}' is '{}'; expected true or false", asset.id, v));
    }
    if (auto v = cell(p); !v.empty()) {
      auto value = parse_number(v);
      if (!value || *value < 0 || *value > 1) bad(fmt::format("'p' of asset '{}' is '{}'; expected a probability between 0 and 1", asset.id, v));
      else asset.p = value;
    }
    auto lat_text = cell(lat), lon_text = cell(lon);
    if (!lat_text.empty() || !lon_text.empty()) {
      auto la = parse_number(lat_text), lo = parse_number(lon_text);
      if (!la || !lo || *la < -90 || *la > 90 || *lo < -180 || *lo > 180)
        bad(fmt::format("location of asset '{}' is '{}','{}'; expected lat -90..90 and lon -180..180, both given",
                        asset.id, lat_text, lon_text));
      else asset.location = GeoLocation{*la, *lo};
    }
    if (auto v = cell(zones); !v.empty()) {
      asset.zones = split_interned(v, interned);
      std::sort(asset.zones.begin(), asset.zones.end());
      asset.zones.erase(std::unique(asset.zones.begin(), asset.zones.end()), asset.zones.end());
    }
    if (auto v = cell(population); !v.empty()) {
      auto value = parse_number(v);
      if (!value || *value < 0) bad(fmt::format("'population' of asset '{}' is '{}'; expected a count of 0 or more", asset.id, v));
      else asset.serves.set(population_name, *value);
    }
    assets.push_back(std::move(asset));
  }
}

void read_dependency_table(const CsvTable& table, const SharedText& file_name,
                           TableDependencies& dependencies, Diagnostics& diagnostics) {
  enum Column { asset, kind, from, need, type, time_to_impact, buffer };
  static constexpr std::array<std::string_view, 7> known = {"asset", "kind", "from",          "need",
                                                            "type",  "time_to_impact", "buffer"};
  const auto col = map_columns(table, known, file_name, diagnostics);
  if (!has_required_columns(col, known, {asset, from}, file_name, diagnostics)) return;
  RowCells cell(table, col);
  TextInterner interned;  // one copy per distinct kind and supplier id
  for (std::size_t row = 0; row < table.row_count(); ++row) {
    cell.load(row);
    const SourceLocation where{file_name, table.line(row), 0};
    auto bad = [&](std::string message) { diagnostics.error(where, std::move(message)); };
    TableDependency dependency;
    dependency.asset = std::string(cell(asset));
    DependencyGroup& group = dependency.group;
    group.where = where;
    group.kind = interned.intern(cell(kind));
    group.from = split_interned(cell(from), interned);
    bool ok = true;
    if (!is_valid_id(dependency.asset)) {
      bad(fmt::format("asset id '{}' is not a valid id; expected lower-case letters, digits and . _ -", dependency.asset));
      ok = false;
    }
    if (group.from.empty()) {
      bad(fmt::format("'from' of a dependency of '{}' is empty; expected supplier ids separated by '|'", dependency.asset));
      ok = false;
    }
    for (std::size_t i = 0; i < group.from.size(); ++i) {
      const auto& supplier = group.from[i];
      if (!is_valid_id(supplier)) {
        bad(fmt::format("supplier '{}' is not a valid id; expected lower-case letters, digits and . _ -", supplier));
        ok = false;
      } else if (supplier == dependency.asset) {
        bad(fmt::format("asset '{}' depends on itself; expected other assets as suppliers", supplier));
        ok = false;
      } else if (std::find(group.from.begin(), group.from.begin() + static_cast<std::ptrdiff_t>(i), supplier) !=
                 group.from.begin() + static_cast<std::ptrdiff_t>(i)) {
        bad(fmt::format("supplier '{}' is listed twice in one dependency; expected each supplier once per group", supplier));
        ok = false;
      }
    }
    if (auto v = cell(need); !v.empty()) {
      std::int64_t value = 0;
      auto result = std::from_chars(v.data(), v.data() + v.size(), value);
      if (result.ec != std::errc() || result.ptr != v.data() + v.size() || value < 1 ||
          static_cast<std::size_t>(value) > group.from.size()) {
        bad(fmt::format("'need' is '{}'; expected 1 to {} (the number of suppliers in 'from')", v, group.from.size()));
        ok = false;
      } else {
        group.need = static_cast<std::uint32_t>(value);
      }
    }
    if (auto v = cell(type); !v.empty()) {
      if (auto parsed = parse_dependency_type(v)) group.type = *parsed;
      else {
        bad(fmt::format("dependency type '{}' is unknown; expected physical, cyber, geographic or logical", v));
        ok = false;
      }
    }
    if (auto v = cell(time_to_impact); !v.empty()) {
      if (auto hours = parse_duration(v)) group.time_to_impact = *hours;
      else {
        bad(fmt::format("'time_to_impact' is '{}'; expected a duration such as 0, 90m, 4h, 3d, 2w or PT4H", v));
        ok = false;
      }
    }
    if (auto v = cell(buffer); !v.empty()) {
      if (auto mode = parse_buffer_mode(v)) group.buffer = *mode;
      else {
        bad(fmt::format("buffer '{}' is unknown; expected pass-on or own", v));
        ok = false;
      }
    }
    if (ok) dependencies.push_back(std::move(dependency));
  }
}

void read_area_table(const CsvTable& table, const SharedText& file_name, std::vector<Area>& areas,
                     Diagnostics& diagnostics) {
  enum Column { id, name, population, cbs, lat, lon, area_km2 };
  static constexpr std::array<std::string_view, 7> known = {"id", "name", "population", "cbs", "lat", "lon", "area_km2"};
  const auto col = map_columns(table, known, file_name, diagnostics);
  if (!has_required_columns(col, known, {id, population}, file_name, diagnostics)) return;
  RowCells cell(table, col);
  areas.reserve(areas.size() + table.row_count());
  for (std::size_t row = 0; row < table.row_count(); ++row) {
    cell.load(row);
    const SourceLocation where{file_name, table.line(row), 0};
    auto bad = [&](std::string message) { diagnostics.error(where, std::move(message)); };
    Area area;
    area.where = where;
    area.id = std::string(cell(id));
    if (!is_valid_id(area.id)) {
      bad(fmt::format("area id '{}' is not a valid id; expected lower-case letters, digits and . _ -", area.id));
      continue;
    }
    area.name = std::string(cell(name));
    area.cbs = std::string(cell(cbs));
    auto count = parse_number(cell(population));
    if (!count || *count < 0)
      bad(fmt::format("'population' of area '{}' is '{}'; expected a count of 0 or more", area.id,
                      cell(population)));
    else
      area.population = *count;
    auto lat_text = cell(lat), lon_text = cell(lon);
    if (!lat_text.empty() || !lon_text.empty()) {
      auto la = parse_number(lat_text), lo = parse_number(lon_text);
      if (!la || !lo || *la < -90 || *la > 90 || *lo < -180 || *lo > 180)
        bad(fmt::format("location of area '{}' is '{}','{}'; expected lat -90..90 and lon -180..180, both given",
                        area.id, lat_text, lon_text));
      else
        area.location = GeoLocation{*la, *lo};
    }
    if (auto v = cell(area_km2); !v.empty()) {
      auto km2 = parse_number(v);
      if (!km2 || *km2 <= 0) bad(fmt::format("'area_km2' of area '{}' is '{}'; expected a positive surface in km²", area.id, v));
      else area.area_km2 = *km2;
    }
    areas.push_back(std::move(area));
  }
}

void read_supply_table(const CsvTable& table, const SharedText& file_name,
                       std::vector<TableSupply>& supplies, Diagnostics& diagnostics) {
  enum Column { asset, service, areas };
  static constexpr std::array<std::string_view, 3> known = {"asset", "service", "areas"};
  const auto col = map_columns(table, known, file_name, diagnostics);
  if (!has_required_columns(col, known, {asset, service, areas}, file_name, diagnostics)) return;
  RowCells cell(table, col);
  for (std::size_t row = 0; row < table.row_count(); ++row) {
    cell.load(row);
    const SourceLocation where{file_name, table.line(row), 0};
    TableSupply entry{std::string(cell(asset)),
                      {std::string(cell(service)), split_list(cell(areas)), where}};
    if (!is_valid_id(entry.asset)) {
      diagnostics.error(where, fmt::format("asset id '{}' is not a valid id; expected lower-case letters, digits and . _ -",
                                           entry.asset));
      continue;
    }
    if (entry.supply.service.empty() || entry.supply.areas.empty()) {
      diagnostics.error(where, fmt::format("a supply of asset '{}' lacks a service or areas; expected e.g. "
                                           "{},power,binnenstad|noordflank",
                                           entry.asset, entry.asset));
      continue;
    }
    std::sort(entry.supply.areas.begin(), entry.supply.areas.end());
    entry.supply.areas.erase(std::unique(entry.supply.areas.begin(), entry.supply.areas.end()), entry.supply.areas.end());
    supplies.push_back(std::move(entry));
  }
}

}  // namespace knelpunt::model
