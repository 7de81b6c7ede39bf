#pragma once
/// The CSV tables of a model (docs/model.md, CSV tables):
///   assets.csv        id,name,type,process,operator,virtual,p,lat,lon,zones,population
///   dependencies.csv  asset,kind,from,need,type,time_to_impact,buffer   (one row per group)
///   areas.csv         id,name,population,cbs,lat,lon,area_km2   (population areas)
///   supplies.csv      asset,service,areas                        (one row per service of an asset)
/// Columns in any order, empty cell = default, lists separated by '|'.

#include <string>
#include <vector>

#include "model/csv_table.hpp"
#include "model/model.hpp"

namespace knelpunt::model {

/// Appends one asset per row. Only `id` is a required column.
void read_asset_table(const CsvTable& table, const SharedText& file_name,
                      std::vector<Asset>& assets, Diagnostics& diagnostics);

/// A dependency group read from a table, for the asset it belongs to.
struct TableDependency {
  std::string asset;
  DependencyGroup group;
};

/// The groups of a model's dependency tables, in the order read, held in
/// chunks. The validator consumes them in order and frees each chunk once its
/// groups are with their assets, so the table's memory is given back while
/// the assets' grows; one vector of them stayed, moved from, at full size
/// until the end (hundreds of MB for two million groups; docs/performance.md).
class TableDependencies {
 public:
  void push_back(TableDependency dependency) {
    if (chunks_.empty() || chunks_.back().size() == kChunkRows) {
      chunks_.emplace_back();
      chunks_.back().reserve(kChunkRows);
    }
    chunks_.back().push_back(std::move(dependency));
  }
  /// Calls `take(TableDependency&)` for each group in the order read,
  /// freeing every chunk once taken; empty afterwards.
  template <class Take>
  void consume(Take take) {
    for (auto& chunk : chunks_) {
      for (auto& dependency : chunk) take(dependency);
      std::vector<TableDependency>().swap(chunk);
    }
    chunks_.clear();
  }

 private:
  static constexpr std::size_t kChunkRows = 1 << 14;
  std::vector<std::vector<TableDependency>> chunks_;
};

/// Appends one group per row. `asset` and `from` are required columns.
void read_dependency_table(const CsvTable& table, const SharedText& file_name,
                           TableDependencies& dependencies, Diagnostics& diagnostics);

/// Appends one population area per row. `id` and `population` are required columns.
void read_area_table(const CsvTable& table, const SharedText& file_name, std::vector<Area>& areas,
                     Diagnostics& diagnostics);

/// A service an asset supplies to areas, read from a table, for the asset it belongs to.
struct TableSupply {
  std::string asset;
  ServiceSupply supply;
};

/// Appends one supply per row. All three columns are required.
void read_supply_table(const CsvTable& table, const SharedText& file_name,
                       std::vector<TableSupply>& supplies, Diagnostics& diagnostics);

}  // namespace knelpunt::model
