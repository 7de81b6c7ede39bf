/// The model input of the supply rule (docs/model.md, Supply from sources):
/// `buffer` in YAML, CSV and measures; `grounded: false` reaching the graph;
/// the warnings about an own buffer that changes nothing; and the graph
/// digest, which hashes kinds and buffer modes only where they matter.

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "model/dependency_graph.hpp"
#include "model/graph_digest.hpp"
#include "model/model_loader.hpp"

using namespace knelpunt::model;

namespace {

namespace fs = std::filesystem;

fs::path write_model(const std::string& name,
                     const std::vector<std::pair<std::string, std::string>>& files) {
  const fs::path dir =
      fs::temp_directory_path() / ("knelpunt-supply-" + name + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  for (const auto& [file, text] : files) std::ofstream(dir / file, std::ios::binary) << text;
  return dir;
}

std::string messages(const Diagnostics& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics.items()) text += d.to_string() + "\n";
  return text;
}

const std::string kMesh = R"(knelpunt: 1
region: {name: mesh}
assets:
  - id: gen
  - id: bus-a
    depends_on: [{kind: power, from: [gen, bus-b], time_to_impact: 1h, buffer: BUFFER}]
  - id: bus-b
    depends_on: [{kind: power, from: [gen, bus-a]}]
  - id: hospital
    depends_on: [{kind: power, from: [bus-b]}]
)";

Asset asset_with_id(std::string id) {
  Asset asset;
  asset.id = std::move(id);
  return asset;
}

DependencyGroup group_of(std::string kind, std::string supplier, Hours time_to_impact = 0,
                         BufferMode buffer = BufferMode::pass_on) {
  DependencyGroup group;
  group.kind = std::move(kind);
  group.from = {std::move(supplier)};
  group.time_to_impact = time_to_impact;
  group.buffer = buffer;
  return group;
}

std::string mesh_with(const std::string& buffer) {
  std::string text = kMesh;
  text.replace(text.find("BUFFER"), 6, buffer);
  return text;
}

}  // namespace

TEST_CASE("buffer: own and pass-on are read from YAML; another word is an error at its line") {
  for (const auto& [word, mode] :
       {std::pair{"own", BufferMode::own}, std::pair{"pass-on", BufferMode::pass_on}}) {
    const auto dir = write_model("yaml", {{"model.yaml", mesh_with(word)}});
    auto result = load_model(dir);
    INFO(messages(result.diagnostics));
    REQUIRE(result.model);
    CHECK(result.model->assets[*result.model->find("bus-a")].depends_on[0].buffer == mode);
    CHECK(result.model->assets[*result.model->find("bus-b")].depends_on[0].buffer ==
          BufferMode::pass_on);  // the default
    const DependencyGraph graph(*result.model);
    CHECK(graph.group(graph.groups_of(static_cast<AssetIndex>(*result.model->find("bus-a")))[0])
              .passes_on == (mode == BufferMode::pass_on));
    fs::remove_all(dir);
  }
  const auto dir = write_model("yaml-bad", {{"model.yaml", mesh_with("battery")}});
  auto result = load_model(dir);
  const auto text = messages(result.diagnostics);
  INFO(text);
  CHECK_FALSE(result.model);
  CHECK(text.find("model.yaml:6:80: error: buffer 'battery' is unknown; expected pass-on or own") !=
        std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("the buffer column of a dependency table is read, and checked") {
  const std::string yaml =
      "knelpunt: 1\nregion: {name: t}\ntables:\n  dependencies: deps.csv\n"
      "assets:\n  - id: gen\n  - id: bus\n  - id: load\n";
  const auto dir = write_model("csv", {{"model.yaml", yaml},
                                       {"deps.csv",
                                        "asset,kind,from,time_to_impact,buffer\n"
                                        "bus,power,gen,2h,own\nload,power,bus,,\n"}});
  auto result = load_model(dir);
  INFO(messages(result.diagnostics));
  REQUIRE(result.model);
  CHECK(result.model->assets[*result.model->find("bus")].depends_on[0].buffer == BufferMode::own);
  CHECK(result.model->assets[*result.model->find("load")].depends_on[0].buffer ==
        BufferMode::pass_on);
  fs::remove_all(dir);

  const auto bad = write_model(
      "csv-bad",
      {{"model.yaml", yaml}, {"deps.csv", "asset,kind,from,buffer\nbus,power,gen,Own\n"}});
  auto bad_result = load_model(bad);
  const auto text = messages(bad_result.diagnostics);
  INFO(text);
  CHECK(text.find("deps.csv:2: error: buffer 'Own' is unknown; expected pass-on or own") !=
        std::string::npos);
  fs::remove_all(bad);
}

TEST_CASE("an own buffer without a kind or without a time is warned about") {
  const std::string yaml =
      "knelpunt: 1\nregion: {name: t}\nassets:\n  - id: gen\n  - id: a\n"
      "    depends_on: [{from: gen, time_to_impact: 1h, buffer: own}]\n  - id: b\n"
      "    depends_on: [{kind: power, from: gen, buffer: own}]\n  - id: c\n"
      "    depends_on: [{kind: power, from: gen, time_to_impact: 1h, buffer: own}]\n";
  const auto dir = write_model("own-warnings", {{"model.yaml", yaml}});
  auto result = load_model(dir);
  const auto text = messages(result.diagnostics);
  INFO(text);
  REQUIRE(result.model);
  CHECK(result.diagnostics.items().size() == 2);
  CHECK(text.find("a dependency of 'a' has 'buffer: own' but no 'kind'") != std::string::npos);
  CHECK(text.find("a dependency of 'b' has 'buffer: own' and time_to_impact 0") !=
        std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("the model's ungrounded kinds make the graph's groups of that kind not grounded") {
  const auto dir = write_model("ungrounded", {{"model.yaml", mesh_with("pass-on")}});
  CatalogIndex index;
  index.resource_kinds = {"power"};
  index.ungrounded_resource_kinds = {"power"};
  auto result = load_model(dir, &index);
  INFO(messages(result.diagnostics));
  REQUIRE(result.model);
  CHECK(result.model->ungrounded_kinds.contains("power"));
  const DependencyGraph graph(*result.model);
  for (GroupIndex g = 0; g < graph.group_count(); ++g) CHECK_FALSE(graph.group(g).grounded);
  auto grounded = load_model(dir);
  REQUIRE(grounded.model);
  const DependencyGraph grounded_graph(*grounded.model);
  for (GroupIndex g = 0; g < grounded_graph.group_count(); ++g)
    CHECK(grounded_graph.group(g).grounded);
  fs::remove_all(dir);
}

TEST_CASE("the graph digest hashes kinds and buffer modes only where the supply rule uses them") {
  // a → b → c in power, no cycle: renaming b's kind or its buffer mode to own
  // changes the digest only through the own buffer.
  auto chain = [](std::vector<std::string> kinds, BufferMode buffer) {
    Model model;
    model.assets.push_back(asset_with_id("a"));
    model.assets.push_back(asset_with_id("b"));
    model.assets.push_back(asset_with_id("c"));
    model.assets[1].depends_on.push_back(group_of(kinds[0], "a", 1, buffer));
    model.assets[2].depends_on.push_back(group_of(kinds[1], "b"));
    model.reindex();
    return graph_digest(DependencyGraph(model));
  };
  const auto plain = chain({"power", "power"}, BufferMode::pass_on);
  CHECK(chain({"water", "power"}, BufferMode::pass_on) ==
        plain);  // as before the rule: no cycle, no own buffer
  CHECK(chain({"power", "power"}, BufferMode::own) != plain);
  // A ring: its kinds decide whether it is a same-kind cycle.
  auto ring = [](std::string second_kind) {
    Model model;
    model.assets.push_back(asset_with_id("x"));
    model.assets.push_back(asset_with_id("y"));
    model.assets[0].depends_on.push_back(group_of("power", "y"));
    model.assets[1].depends_on.push_back(group_of(second_kind, "x"));
    model.reindex();
    return graph_digest(DependencyGraph(model));
  };
  CHECK(ring("power") != ring("telecom"));
}
