// TableDependencies (model/csv_model_tables.hpp): groups come back in the
// order read, across chunk boundaries, exactly once; a dependency table's
// supplier ids and an asset table's zones are one copy per distinct id.
#include <doctest/doctest.h>

#include <string>

#include "model/csv_model_tables.hpp"
#include "model/csv_table.hpp"
#include "model/diagnostic.hpp"

using knelpunt::model::TableDependencies;
using knelpunt::model::TableDependency;

TEST_CASE("consume gives every group once, in the order read, and leaves the table empty") {
  for (std::size_t rows : {0u, 1u, 16384u, 16385u, 40000u}) {
    TableDependencies table;
    for (std::size_t i = 0; i < rows; ++i) {
      TableDependency dependency;
      dependency.asset = "a" + std::to_string(i);
      dependency.group.from = {"s" + std::to_string(i)};
      table.push_back(std::move(dependency));
    }
    std::size_t seen = 0;
    bool in_order = true;
    table.consume([&](TableDependency& dependency) {
      in_order = in_order && dependency.asset == "a" + std::to_string(seen) &&
                 dependency.group.from == std::vector<std::string>{"s" + std::to_string(seen)};
      ++seen;
    });
    CAPTURE(rows);
    CHECK(seen == rows);
    CHECK(in_order);
    std::size_t again = 0;
    table.consume([&](TableDependency&) { ++again; });
    CHECK(again == 0);
  }
}

TEST_CASE("a table's equal supplier ids and zones share one text") {
  using namespace knelpunt::model;
  Diagnostics diagnostics;
  const auto dependencies = CsvTable::parse(
      "asset,kind,from,need\nx,power,a|b,1\ny,power,b|a|c,2\nz,telecom, a ,1\n", "dependencies.csv", diagnostics);
  TableDependencies groups;
  read_dependency_table(dependencies, SharedText("dependencies.csv"), groups, diagnostics);
  std::vector<DependencyGroup> read;
  groups.consume([&](TableDependency& dependency) { read.push_back(std::move(dependency.group)); });
  REQUIRE_FALSE(diagnostics.has_errors());
  REQUIRE(read.size() == 3);
  CHECK(read[1].from == std::vector<std::string>{"b", "a", "c"});
  CHECK(&read[0].from[0].str() == &read[1].from[1].str());  // a
  CHECK(&read[0].from[0].str() == &read[2].from[0].str());  // a, trimmed
  CHECK(&read[0].from[1].str() == &read[1].from[0].str());  // b

  const auto assets_table = CsvTable::parse("id,zones\np,dijkring-16|zone-b\nq,zone-b\n", "assets.csv", diagnostics);
  std::vector<Asset> assets;
  read_asset_table(assets_table, SharedText("assets.csv"), assets, diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  REQUIRE(assets.size() == 2);
  CHECK(assets[0].zones == std::vector<std::string>{"dijkring-16", "zone-b"});
  CHECK(&assets[0].zones[1].str() == &assets[1].zones[0].str());
}
