#include <doctest/doctest.h>

#include <string>

#include "catalogs/catalog_set.hpp"
#include "model/dependency_graph.hpp"
#include "model/model_loader.hpp"

using namespace knelpunt::model;

namespace {
const std::string kSmallTown = std::string(KNELPUNT_TEST_DATA) + "/models/small-town";
}

TEST_CASE("the small test town loads from YAML, an include and CSV tables") {
  Diagnostics catalog_diagnostics;
  const auto catalogs = knelpunt::catalogs::load_catalog_set(std::string(KNELPUNT_SOURCE_DIR) + "/catalogs",
                                                             catalog_diagnostics)
                            .index();
  REQUIRE_FALSE(catalog_diagnostics.has_errors());
  auto result = load_model(kSmallTown, &catalogs);
  for (const auto& d : result.diagnostics.items()) MESSAGE(d.to_string());
  REQUIRE(result.model);
  const Model& model = *result.model;
  CHECK(model.region.name == "Kleinstad");
  CHECK(model.region.horizon == 72.0);
  REQUIRE(model.assets.size() == 12);
  for (std::size_t i = 1; i < model.assets.size(); ++i) CHECK(model.assets[i - 1].id < model.assets[i].id);
  CHECK(model.files == std::vector<std::string>{"data/assets.csv", "data/dependencies.csv", "model.yaml", "zorg.yaml"});

  const auto& water = model.assets[*model.find("water")];
  CHECK(water.is_virtual);
  CHECK(water.population() == 30000);
  REQUIRE(water.depends_on.size() == 1);
  CHECK(water.depends_on[0].need == 2);
  CHECK(water.depends_on[0].from == std::vector<std::string>{"pomp-1", "pomp-2", "pomp-3"});
  CHECK(water.depends_on[0].where.to_string() == kSmallTown + "/data/dependencies.csv:5");

  const auto& pump3 = model.assets[*model.find("pomp-3")];
  CHECK(pump3.name == "Pomp 3, oost");
  CHECK(pump3.depends_on[0].time_to_impact == 1.5);
  const auto& pump2 = model.assets[*model.find("pomp-2")];
  CHECK(pump2.zones == std::vector<std::string>{"dijkring-1", "polder-a"});

  const auto& scada = model.assets[*model.find("scada")];
  CHECK(scada.cyber.present);
  CHECK(scada.cyber.remote_access == "vendor-vpn");

  REQUIRE(model.scenarios.size() == 2);
  CHECK(model.scenarios[1].id == "storm");
  CHECK(model.scenarios[1].initial[1].asset == "hs-zuid");
  CHECK(model.scenarios[1].initial[1].at == 2.0);

  DependencyGraph graph(model);
  CHECK(graph.asset_count() == 12);
  CHECK(graph.group_count() == 12);
  const auto hospital = static_cast<AssetIndex>(*model.find("ziekenhuis"));
  CHECK(graph.groups_of(hospital).size() == 2);
  const auto substation = static_cast<AssetIndex>(*model.find("ss-centrum"));
  CHECK(graph.groups_supplied_by(substation).size() == 5);
  CHECK(boost::num_edges(graph.boost_graph()) == 18);  // one edge per (supplier, group)
}

TEST_CASE("a missing model names the path") {
  auto result = load_model("/nonexistent/knelpunt-model");
  CHECK_FALSE(result.model);
  REQUIRE(result.diagnostics.has_errors());
  CHECK(result.diagnostics.items()[0].where.file.find("knelpunt-model") != std::string::npos);
}
