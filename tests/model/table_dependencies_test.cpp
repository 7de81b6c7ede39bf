// TableDependencies (model/csv_model_tables.hpp): groups come back in the
// order read, across chunk boundaries, exactly once.
#include <doctest/doctest.h>

#include <string>

#include "model/csv_model_tables.hpp"

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
