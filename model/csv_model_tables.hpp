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
void read_asset_table(const CsvTable& table, const SharedText& file_name, std::vector<Asset>& assets,
                      Diagnostics& diagnostics);

/// A dependency group read from a table, for the asset it belongs to.
struct TableDependency {
  std::string asset;
  DependencyGroup group;
};

/// Appends one group per row. `asset` and `from` are required columns.
void read_dependency_table(const CsvTable& table, const SharedText& file_name,
                           std::vector<TableDependency>& dependencies, Diagnostics& diagnostics);

/// Appends one population area per row. `id` and `population` are required columns.
void read_area_table(const CsvTable& table, const SharedText& file_name, std::vector<Area>& areas,
                     Diagnostics& diagnostics);

/// A service an asset supplies to areas, read from a table, for the asset it belongs to.
struct TableSupply {
  std::string asset;
  ServiceSupply supply;
};

/// Appends one supply per row. All three columns are required.
void read_supply_table(const CsvTable& table, const SharedText& file_name, std::vector<TableSupply>& supplies,
                       Diagnostics& diagnostics);

}  // namespace knelpunt::model
