/// Population areas and the services assets supply to them (docs/model.md
/// "Areas", decision 013): YAML `areas:`, the areas.csv table, `supplies:`
/// on assets, and the checks with their locations.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "catalogs/catalog_set.hpp"
#include "model/model_loader.hpp"

using namespace knelpunt::model;

namespace {

/// Writes `files` (relative path → text) into a fresh directory named after `name`.
std::filesystem::path write_model(const std::string& name, const std::map<std::string, std::string>& files) {
  const auto dir = std::filesystem::temp_directory_path() / ("knelpunt-areas-" + name);
  std::filesystem::remove_all(dir);
  for (const auto& [path, text] : files) {
    std::filesystem::create_directories((dir / path).parent_path());
    std::ofstream(dir / path) << text;
  }
  return dir;
}

CatalogIndex shipped_catalogs() {
  Diagnostics diagnostics;
  auto index = knelpunt::catalogs::load_catalog_set(std::string(KNELPUNT_SOURCE_DIR) + "/catalogs", diagnostics).index();
  REQUIRE_FALSE(diagnostics.has_errors());
  return index;
}

std::string messages(const Diagnostics& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics.items()) text += d.to_string() + "\n";
  return text;
}

const char* kModel = R"(knelpunt: 1
region: {name: Test}
tables: {areas: areas.csv, supplies: supplies.csv}
areas:
  - {id: zuid, name: Zuid, population: 1200, cbs: WK999902, lat: 51.8, lon: 4.6, area_km2: 2.5}
  - {id: noord, name: Noord, population: 800}
assets:
  - id: station
    supplies:
      - {service: power, areas: [zuid, noord]}
      - {service: power, areas: oost}
  - id: pomp
    supplies: [{service: water, areas: [zuid]}]
  - id: net
    virtual: true
)";

const char* kAreasCsv = "id,name,population,cbs,lat,lon,area_km2\noost,Oost,500,WK999903,51.81,4.7,1.25\n";

}  // namespace

TEST_CASE("areas load from YAML and areas.csv, sorted by id, and supplies merge per service") {
  const auto catalogs = shipped_catalogs();
  auto result = load_model(write_model("good", {{"model.yaml", kModel},
                                                {"areas.csv", kAreasCsv},
                                                {"supplies.csv", "asset,service,areas\nnet,telecom,oost|zuid\n"}}),
                           &catalogs);
  INFO(messages(result.diagnostics));
  REQUIRE(result.model);
  const Model& model = *result.model;
  REQUIRE(model.areas.size() == 3);
  CHECK(model.areas[0].id == "noord");
  CHECK(model.areas[1].id == "oost");
  CHECK(model.areas[2].id == "zuid");
  CHECK(model.areas[1].population == 500);
  CHECK(model.areas[1].cbs == "WK999903");
  REQUIRE(model.areas[1].area_km2);
  CHECK(*model.areas[1].area_km2 == 1.25);
  REQUIRE(model.areas[2].location);
  CHECK(model.areas[2].location->lat == 51.8);
  CHECK_FALSE(model.areas[0].location);
  CHECK(model.find_area("oost") == std::optional<std::size_t>(1));
  CHECK_FALSE(model.find_area("west"));

  const auto& station = model.assets[*model.find("station")];
  REQUIRE(station.supplies.size() == 1);  // the two power entries are one
  CHECK(station.supplies[0].service == "power");
  CHECK(station.supplies[0].areas == std::vector<std::string>{"noord", "oost", "zuid"});
  const auto& net = model.assets[*model.find("net")];  // a virtual aggregate may supply areas, here from a table
  REQUIRE(net.supplies.size() == 1);
  CHECK(net.supplies[0].service == "telecom");
  CHECK(net.supplies[0].areas == std::vector<std::string>{"oost", "zuid"});
}

TEST_CASE("unknown areas and services, duplicate ids and negative populations are reported where written") {
  const auto catalogs = shipped_catalogs();
  const char* bad = R"(knelpunt: 1
region: {name: Test}
tables: {areas: areas.csv, supplies: supplies.csv}
areas:
  - {id: zuid, population: 1200}
  - {id: noord, population: -5}
  - {id: zuid, population: 3}
assets:
  - id: station
    supplies:
      - {service: powr, areas: [zuidd]}
)";
  const auto dir = write_model("bad", {{"model.yaml", bad},
                                       {"areas.csv", "id,population\nwest,-1\n"},
                                       {"supplies.csv", "asset,service,areas\nstation,power,\nnobody,power,zuid\n"}});
  auto result = load_model(dir, &catalogs);
  CHECK_FALSE(result.model);
  const std::string text = messages(result.diagnostics);
  INFO(text);
  const std::string file = (dir / "model.yaml").string();
  CHECK(text.find(file + ":6:29: error: 'population' of area 'noord' is negative") != std::string::npos);
  CHECK(text.find(file + ":7:10: error: duplicate area id 'zuid' (first defined at " + file + ":5:10)") !=
        std::string::npos);
  CHECK(text.find(file + ":11:9: error: unknown service 'powr' (did you mean 'power'?)") != std::string::npos);
  CHECK(text.find(file + ":11:9: error: asset 'station' supplies powr to unknown area 'zuidd' (did you mean "
                         "'zuid'?)") != std::string::npos);
  const std::string supplies = (dir / "supplies.csv").string();
  CHECK(text.find(supplies + ":2: error: a supply of asset 'station' lacks a service or areas") != std::string::npos);
  CHECK(text.find(supplies + ":3: error: supply of unknown asset 'nobody'") != std::string::npos);
  CHECK(text.find((dir / "areas.csv").string() + ":2: error: 'population' of area 'west' is '-1'") !=
        std::string::npos);
}

TEST_CASE("an area needs a population, and a supply needs a service and areas") {
  const char* bad = R"(knelpunt: 1
areas:
  - {id: zuid}
assets:
  - id: station
    supplies: [{service: power}, {service: power, areas: []}]
)";
  const auto dir = write_model("shape", {{"model.yaml", bad}});
  auto result = load_model(dir);
  CHECK_FALSE(result.model);
  const std::string text = messages(result.diagnostics);
  INFO(text);
  CHECK(text.find("area 'zuid' has no 'population'; expected 'population: 12000'") != std::string::npos);
  CHECK(text.find("a supply of asset 'station' lacks 'service' or 'areas'") != std::string::npos);
  CHECK(text.find("'areas' of a supply of asset 'station' is empty") != std::string::npos);
}

TEST_CASE("a table without a column it needs names the missing columns and the ones it needs") {
  const char* model = R"(knelpunt: 1
region: {name: Test}
tables: {assets: assets.csv, areas: areas.csv, supplies: supplies.csv, dependencies: dependencies.csv}
)";
  const auto dir = write_model("columns", {{"model.yaml", model},
                                           {"assets.csv", "name\nStation\n"},
                                           {"areas.csv", "id,name\nwest,West\n"},
                                           {"supplies.csv", "asset,areas\nstation,west\n"},
                                           {"dependencies.csv", "kind,need\npower,1\n"}});
  auto result = load_model(dir);
  CHECK_FALSE(result.model);
  const std::string text = messages(result.diagnostics);
  INFO(text);
  CHECK(text.find((dir / "assets.csv").string() + ":1: error: the header lacks 'id'; expected at least the columns id") !=
        std::string::npos);
  CHECK(text.find((dir / "areas.csv").string() +
                  ":1: error: the header lacks 'population'; expected at least the columns id,population") !=
        std::string::npos);
  CHECK(text.find((dir / "supplies.csv").string() +
                  ":1: error: the header lacks 'service'; expected at least the columns asset,service,areas") !=
        std::string::npos);
  CHECK(text.find((dir / "dependencies.csv").string() +
                  ":1: error: the header lacks 'asset', 'from'; expected at least the columns asset,from") !=
        std::string::npos);
}
