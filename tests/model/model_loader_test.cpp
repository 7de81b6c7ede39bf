#include "model/model_loader.hpp"

#include <doctest/doctest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "catalogs/catalog_set.hpp"
#include "model/dependency_graph.hpp"

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
  CHECK(scada.cyber->present);
  CHECK(scada.cyber->remote_access == "vendor-vpn");

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
  CHECK(graph.edge_count() == 18);  // one edge per (supplier, group)
}

TEST_CASE("a missing model names the path") {
  auto result = load_model("/nonexistent/knelpunt-model");
  CHECK_FALSE(result.model);
  REQUIRE(result.diagnostics.has_errors());
  CHECK(result.diagnostics.items()[0].where.file.str().find("knelpunt-model") != std::string::npos);
}

namespace {

namespace fs = std::filesystem;

/// A fresh model directory under the temporary directory, with `files` (name, text).
fs::path write_model(const std::string& name, const std::vector<std::pair<std::string, std::string>>& files) {
  const fs::path dir = fs::temp_directory_path() / ("knelpunt-loader-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& [file, text] : files) std::ofstream(dir / file, std::ios::binary) << text;
  return dir;
}

const std::string kHeader = "knelpunt: 1\nregion: {name: T, authority: T, horizon: 72h}\n";

std::string messages(const Diagnostics& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics.items()) text += d.to_string() + "\n";
  return text;
}

}  // namespace

TEST_CASE("a chain of 10 000 includes loads without exhausting the stack") {
  constexpr int kChain = 10000;
  std::vector<std::pair<std::string, std::string>> files;
  files.emplace_back("model.yaml", kHeader + "include: [i1.yaml]\nassets:\n  - {id: a0}\n");
  for (int i = 1; i <= kChain; ++i)
    files.emplace_back("i" + std::to_string(i) + ".yaml",
                       (i < kChain ? "include: [i" + std::to_string(i + 1) + ".yaml]\n" : std::string()) +
                           "assets:\n  - {id: a" + std::to_string(i) + "}\n");
  const auto dir = write_model("chain", files);
  auto result = load_model(dir);
  INFO(messages(result.diagnostics));
  REQUIRE(result.model);
  CHECK(result.model->assets.size() == kChain + 1);
  CHECK(result.model->files.size() == kChain + 1);
  fs::remove_all(dir);
}

TEST_CASE("includes are read depth first in the order written, each once") {
  const auto dir = write_model("order", {{"model.yaml", kHeader + "include: [b.yaml, c.yaml]\n"},
                                         {"b.yaml", "include: [d.yaml]\nassets:\n  - {id: x, name: from-b}\n"},
                                         {"c.yaml", "include: [d.yaml]\nassets:\n  - {id: x, name: from-c}\n"},
                                         {"d.yaml", "assets:\n  - {id: y}\n"}});
  auto result = load_model(dir);
  const std::string text = messages(result.diagnostics);
  INFO(text);
  // b.yaml (and d.yaml under it) come before c.yaml: c.yaml's x is the duplicate.
  CHECK(text.find("c.yaml:3:10: error: duplicate asset id 'x' (first defined at " + (dir / "b.yaml").string()) !=
        std::string::npos);
  CHECK(text.find("c.yaml:1:11: error: 'd.yaml' is included more than once") != std::string::npos);
}

TEST_CASE("assets in any order come out sorted by id; of equal ids the first read is kept") {
  // Ids that the validator's packed 16-byte keys must order right: equal
  // first 16 bytes with different tails, and ids that begin others;
  // shuffled with a fixed seed, against std::sort of the strings.
  std::vector<std::string> ids = {"a", "a-b", "a-b-c", "ab", "b", "z9"};
  const std::string prefix = "substation-zuid-";  // 16 bytes
  for (const std::string tail : {"", "1", "10", "2", "a", "a.b", "a_b"})
    ids.push_back(prefix + tail);
  for (int i = 0; i < 50; ++i) ids.push_back("obj-" + std::to_string(1000 + i * 37 % 50));
  auto shuffle = [](std::vector<std::string>& values) {
    std::uint64_t state = 12345;
    for (std::size_t i = values.size() - 1; i > 0; --i) {  // Fisher–Yates with a 64-bit LCG
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      std::swap(values[i], values[(state >> 33) % (i + 1)]);
    }
  };
  shuffle(ids);
  auto csv_of = [](const std::vector<std::string>& rows) {
    std::string csv = "id,name\n";
    for (const auto& id : rows) csv += id + ",x\n";
    return csv;
  };
  const auto dir = write_model(
      "id-order", {{"model.yaml", kHeader + "tables:\n  assets: a.csv\n"}, {"a.csv", csv_of(ids)}});
  auto result = load_model(dir);
  INFO(messages(result.diagnostics));
  REQUIRE(result.model);
  auto sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  REQUIRE(result.model->assets.size() == sorted.size());
  for (std::size_t i = 0; i < sorted.size(); ++i) CHECK(result.model->assets[i].id == sorted[i]);
  fs::remove_all(dir);

  // The same rows with repeats: each repeat is reported at its own line,
  // naming the first row of its id as the one kept.
  auto repeated = ids;
  repeated.insert(repeated.begin() + 3, prefix + "10");
  repeated.push_back("a-b");
  repeated.push_back(prefix + "10");
  const auto again = write_model(
      "id-repeats",
      {{"model.yaml", kHeader + "tables:\n  assets: a.csv\n"}, {"a.csv", csv_of(repeated)}});
  const auto with_repeats = load_model(again);
  const std::string text = messages(with_repeats.diagnostics);
  INFO(text);
  std::map<std::string, std::size_t> first_line;
  std::size_t repeats = 0;
  for (std::size_t i = 0; i < repeated.size(); ++i) {
    const std::size_t line = i + 2;  // after the header
    const auto [first, added] = first_line.emplace(repeated[i], line);
    if (added) continue;
    ++repeats;
    const std::string expected = "a.csv:" + std::to_string(line) + ": error: duplicate asset id '" +
                                 repeated[i] + "' (first defined at " + (again / "a.csv").string() +
                                 ":" + std::to_string(first->second) + ")";
    CHECK(text.find(expected) != std::string::npos);
  }
  CHECK(repeats == 3);
  CHECK(with_repeats.diagnostics.error_count() == 3);
  fs::remove_all(again);
}

TEST_CASE("a table named twice, or a table that is a YAML file of the model, is reported") {
  const auto twice = write_model("table-twice", {{"model.yaml", kHeader + "tables:\n  assets: a.csv\n  areas: a.csv\n"},
                                                 {"a.csv", "id,name\nx1,een\n"}});
  auto result = load_model(twice);
  std::string text = messages(result.diagnostics);
  INFO(text);
  CHECK_FALSE(result.model);
  CHECK(text.find("model.yaml:5:10: error: table 'a.csv' is already a file of this model") != std::string::npos);

  const auto self = write_model("table-self", {{"model.yaml", kHeader + "tables:\n  assets: model.yaml\nassets:\n  - {id: a}\n"}});
  result = load_model(self);
  text = messages(result.diagnostics);
  INFO(text);
  CHECK_FALSE(result.model);
  CHECK(text.find("model.yaml:4:11: error: table 'model.yaml' is already a file of this model") != std::string::npos);
  fs::remove_all(twice);
  fs::remove_all(self);
}

TEST_CASE("a table with invalid UTF-8 or a NUL byte gives one error, not a false one about its header") {
  for (const std::string& body : {std::string("id,type\n\xff\xfe,x\n"), std::string("id,type\nx,y\0\n", 13)}) {
    const auto dir = write_model("table-bytes", {{"model.yaml", kHeader + "tables:\n  assets: a.csv\n"}, {"a.csv", body}});
    auto result = load_model(dir);
    const std::string text = messages(result.diagnostics);
    INFO(text);
    CHECK_FALSE(result.model);
    CHECK(result.diagnostics.error_count() == 1);
    CHECK(text.find("header lacks") == std::string::npos);
    fs::remove_all(dir);
  }
}

TEST_CASE("an unknown resource kind is reported at its kind: line") {
  Diagnostics catalog_diagnostics;
  const auto catalogs = knelpunt::catalogs::load_catalog_set(std::string(KNELPUNT_SOURCE_DIR) + "/catalogs",
                                                             catalog_diagnostics)
                            .index();
  const auto dir = write_model("kind", {{"model.yaml", kHeader + "assets:\n  - {id: a}\n  - id: b\n    depends_on:\n"
                                                                 "      - from: [a]\n        kind: pwoer\n"}});
  auto result = load_model(dir, &catalogs);
  const std::string text = messages(result.diagnostics);
  INFO(text);
  CHECK(text.find("model.yaml:8:15: error: unknown resource kind 'pwoer' (did you mean 'power'?)") !=
        std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE(
    "a scenario's frequency is read per year; a negative one, or one beside a likelihood, is "
    "reported") {
  const std::string assets = "assets:\n  - {id: a}\n";
  const auto good = write_model(
      "frequency", {{"model.yaml", kHeader + assets +
                                       "scenarios:\n  - {id: s, initial: [a], frequency: 0.25}\n"
                                       "  - {id: t, initial: [a], likelihood: B}\n"}});
  auto result = load_model(good);
  INFO(messages(result.diagnostics));
  REQUIRE(result.model);
  REQUIRE(result.model->scenarios.size() == 2);
  CHECK(result.model->scenarios[0].frequency == 0.25);
  CHECK_FALSE(result.model->scenarios[0].likelihood);
  CHECK_FALSE(result.model->scenarios[1].frequency);
  fs::remove_all(good);

  const auto bad =
      write_model("frequency-bad",
                  {{"model.yaml", kHeader + assets +
                                      "scenarios:\n  - {id: s, initial: [a], frequency: -1}\n"
                                      "  - {id: t, initial: [a], likelihood: B, frequency: 0.1}\n"
                                      "  - {id: u, initial: [a], frequency: 2e6}\n"
                                      "  - {id: v, initial: [a], frequency: .inf}\n"}});
  result = load_model(bad);
  const std::string text = messages(result.diagnostics);
  INFO(text);
  CHECK_FALSE(result.model);
  CHECK(text.find("model.yaml:6:38: error: 'frequency' of scenario 's' is -1; expected occurrences "
                  "per year from 0 "
                  "to 1000000") != std::string::npos);
  CHECK(text.find("model.yaml:7:53: error: scenario 't' has both 'likelihood' and 'frequency'; "
                  "expected one of them") != std::string::npos);
  CHECK(text.find("model.yaml:8:38: error: 'frequency' of scenario 'u' is 2000000; expected") !=
        std::string::npos);
  CHECK(text.find(
            "model.yaml:9:38: error: 'frequency' of scenario 'v' is '.inf'; expected a number") !=
        std::string::npos);
  fs::remove_all(bad);
}
