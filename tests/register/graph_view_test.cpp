// The collapse rule of the dependency graph picture (docs/graph.md,
// "Collapse") and label wrapping, on a hand-made model.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "model/dependency_graph.hpp"
#include "model/model_loader.hpp"
#include "register/dependency_graph_layout.hpp"
#include "register/graph_view.hpp"
#include "temporary_directory.hpp"

using namespace knelpunt;

namespace {

/// hospital (vital) needs power from 1 of {grid, backup} and water from pump;
/// backup needs fuel; pump needs grid. grid is vital; pump, backup and fuel are not.
struct Town {
  testing::TemporaryDirectory dir{"graph-view"};
  model::Model model;
  catalogs::ReferenceData reference;
  Town() {
    testing::write_file(dir.path / "model.yaml", R"(knelpunt: 1
region:
  name: Town
assets:
  - id: grid
    name: Grid
    process: elektriciteit.regionaal
  - id: pump
    name: Pump
    depends_on:
      - kind: power
        from: [grid]
  - id: fuel
    name: Fuel
  - id: backup
    name: Backup generator
    depends_on:
      - kind: fuel
        from: [fuel]
  - id: hospital
    name: Hospital
    process: zorg.acuut
    depends_on:
      - kind: power
        from: [grid, backup]
        need: 1
      - kind: water
        from: [pump]
)");
    auto loaded = model::load_model(dir.path / "model.yaml");
    REQUIRE(loaded.model);
    model = std::move(*loaded.model);
    reference.processes["elektriciteit.regionaal"] = {"elektriciteit.regionaal", "", "", "B", "Energie", "Energy"};
    reference.processes["zorg.acuut"] = {"zorg.acuut", "", "", "regional", "Zorg", "Health care"};
  }
};

std::vector<std::string> asset_names(const risk_register::GraphView& view) {
  std::vector<std::string> names;
  for (std::size_t n = 0; n < view.asset_nodes; ++n) names.push_back(view.nodes[n].name);
  return names;
}

std::vector<std::string> edge_names(const risk_register::GraphView& view) {
  std::vector<std::string> names;
  for (const auto& e : view.edges)
    names.push_back(view.nodes[e.from].name + ">" + view.nodes[e.to].name + (e.via_collapsed ? " via" : ""));
  std::sort(names.begin(), names.end());
  return names;
}

risk_register::GraphViewRequest whole(const model::Model& model) {
  risk_register::GraphViewRequest request;
  request.keep.assign(model.assets.size(), true);
  return request;
}

}  // namespace

TEST_CASE("graph view: structural knelpunten are the assets whose failure alone brings down a vital asset") {
  Town town;
  const model::DependencyGraph graph(town.model);
  const auto knelpunten = risk_register::structural_knelpunten(town.model, graph);
  // Order by id: backup, fuel, grid, hospital, pump.
  CHECK(knelpunten == std::vector<bool>{false, false, true, false, true});
}

TEST_CASE("graph view: collapsed keeps vital assets and knelpunten; the rest folds into what is upstream or is hidden") {
  Town town;
  const model::DependencyGraph graph(town.model);
  auto request = whole(town.model);
  request.collapse = true;
  request.knelpunten = risk_register::structural_knelpunten(town.model, graph);
  const auto view = risk_register::build_graph_view(town.model, graph, town.reference, request);
  CHECK(asset_names(view) == std::vector<std::string>{"grid", "hospital", "pump"});
  // backup and fuel have no shown asset upstream: hidden, not folded anywhere.
  CHECK(view.hidden.size() == 2);
  // The power group keeps its junction "1/2" with the one shown supplier.
  const auto junction = std::find_if(view.nodes.begin(), view.nodes.end(), [](const auto& n) { return n.junction; });
  REQUIRE(junction != view.nodes.end());
  CHECK(junction->lines == std::vector<std::string>{"1/2"});
  CHECK(edge_names(view) == std::vector<std::string>{"grid>hospital#0", "grid>pump", "hospital#0>hospital", "pump>hospital"});
  CHECK(view.clusters.size() == 3);  // Energie, Zorg, and "" for the pump
}

TEST_CASE("graph view: --vital-only folds a knelpunt into the vital asset upstream, its edges dashed") {
  Town town;
  const model::DependencyGraph graph(town.model);
  auto request = whole(town.model);
  request.vital_only = true;
  const auto view = risk_register::build_graph_view(town.model, graph, town.reference, request);
  CHECK(asset_names(view) == std::vector<std::string>{"grid", "hospital"});
  const auto& grid = view.nodes[0];
  REQUIRE(grid.folded.size() == 1);
  CHECK(town.model.assets[grid.folded[0]].id == "pump");
  CHECK(grid.lines.back() == "+1 samengevouwen");
  CHECK(edge_names(view) == std::vector<std::string>{"grid>hospital via", "grid>hospital#0", "hospital#0>hospital"});
}

TEST_CASE("graph view: without collapsing every kept asset has a node, and the layout places each") {
  Town town;
  const model::DependencyGraph graph(town.model);
  const auto view = risk_register::build_graph_view(town.model, graph, town.reference, whole(town.model));
  CHECK(view.asset_nodes == 5);
  CHECK(view.hidden.empty());
  const auto laid_out = risk_register::layout_graph_view(view);
  REQUIRE(laid_out.layout);
  CHECK(laid_out.layout->nodes.size() == view.nodes.size());
  CHECK(laid_out.layout->width > 0);
  for (const auto& edge : laid_out.layout->edges) CHECK(edge.spline.size() >= 4);
}

TEST_CASE("graph view: labels wrap at spaces, long words are cut, the last line ends in an ellipsis") {
  using risk_register::wrap_label;
  CHECK(wrap_label("Ziekenhuis Dordwijk", 22, 3) == std::vector<std::string>{"Ziekenhuis Dordwijk"});
  CHECK(wrap_label("Onderstation Dordrecht-Zuid (Dordwijk)", 22, 3) ==
        std::vector<std::string>{"Onderstation", "Dordrecht-Zuid", "(Dordwijk)"});
  // A cut without a known place to cut adds a hyphen, within the width.
  CHECK(wrap_label("abcdefghij", 4, 3) == std::vector<std::string>{"abc-", "def-", "ghij"});
  CHECK(wrap_label("een twee drie vier", 4, 2) == std::vector<std::string>{"een", "twe…"});
  CHECK(wrap_label("ééééé", 3, 3) == std::vector<std::string>{"éé-", "ééé"});
  // Words up to longest_word stay whole on a line of their own; longer ones
  // are cut within that length: after a hyphen in the word, else where a
  // known second half of a Dutch compound begins, with a hyphen added.
  CHECK(wrap_label("Hoogspanningsstation Merwedehaven 150 kV", 14, 5, 15) ==
        std::vector<std::string>{"Hoogspannings-", "station", "Merwedehaven", "150 kV"});
  CHECK(wrap_label("Gasontvangststation", 14, 5, 15) == std::vector<std::string>{"Gasontvangst-", "station"});
  CHECK(wrap_label("Brugbesturingssysteem", 14, 5, 15) == std::vector<std::string>{"Brugbesturings-", "systeem"});
  CHECK(wrap_label("Procesautomatisering", 14, 5, 15) == std::vector<std::string>{"Proces-", "automatisering"});
  CHECK(wrap_label("Uitwijkmeldkamer", 14, 5, 15) == std::vector<std::string>{"Uitwijk-", "meldkamer"});
  CHECK(wrap_label("Noord-Hollandsekanaalzone", 14, 5, 15) == std::vector<std::string>{"Noord-", "Hollandsekanaa-", "lzone"});
  // ...but only when that costs no line: a taller node makes the picture taller.
  CHECK(wrap_label("Uitwijkmeldkamer (buiten de regio)", 14, 5, 15) ==
        std::vector<std::string>{"Uitwijkmeldkam-", "er (buiten de", "regio)"});
  CHECK(wrap_label("Dijkvak (zuidoostzijde) Biesbosch", 14, 5, 15) ==
        std::vector<std::string>{"Dijkvak", "(zuidoostzijde)", "Biesbosch"});
}
