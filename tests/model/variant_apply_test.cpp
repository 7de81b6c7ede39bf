#include "model/variant_apply.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <string_view>

#include "catalogs/catalog_set.hpp"
#include "model/dependency_graph.hpp"
#include "model/graph_digest.hpp"
#include "model/model_loader.hpp"

using namespace knelpunt::model;

namespace {

const std::string kSmallTown = std::string(KNELPUNT_TEST_DATA) + "/models/small-town";

struct Fixture {
  CatalogIndex catalogs;
  Model model;
  Fixture() {
    Diagnostics diagnostics;
    catalogs = knelpunt::catalogs::load_catalog_set(std::string(KNELPUNT_SOURCE_DIR) + "/catalogs", diagnostics).index();
    auto result = load_model(kSmallTown, &catalogs);
    REQUIRE(result.model);
    model = std::move(*result.model);
  }
};

std::filesystem::path write_measures(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / ("knelpunt-measures-" + name + ".yaml");
  std::ofstream(path) << text;
  return path;
}

std::string digest(const Model& model) { return graph_digest(DependencyGraph(model)); }

std::string messages(const Diagnostics& diagnostics) {
  std::string text;
  for (const auto& d : diagnostics.items()) text += d.to_string() + "\n";
  return text;
}

/// The messages of applying variant `id` of `file` to a copy of the
/// fixture's model when it is refused; nothing when it applies.
std::optional<std::string> refusal(const Fixture& fixture, const MeasureFile& file,
                                   std::string_view id) {
  Diagnostics diagnostics;
  Model model = fixture.model;
  if (apply_variant(model, file, *file.find(id), &fixture.catalogs, diagnostics))
    return std::nullopt;
  return messages(diagnostics);
}

}  // namespace

TEST_CASE("a variant changes the model; a variant and its inverse give the model back") {
  Fixture fixture;
  const std::string before = digest(fixture.model);
  const auto path = write_measures("inverse", R"(measures: 1
variants:
  - id: forward
    cost: 1000
    changes:
      - add_supplier: {asset: telecom-core, kind: power, supplier: hs-noord}
      - set: {asset: ss-centrum, kind: control, time_to_impact: 24h}
  - id: round-trip
    changes:
      - add_supplier: {asset: telecom-core, kind: power, supplier: hs-noord}
      - set: {asset: ss-centrum, kind: control, time_to_impact: 24h}
      - remove_supplier: {asset: telecom-core, kind: power, supplier: hs-noord}
      - set: {asset: ss-centrum, kind: control, time_to_impact: 8h}
)");
  Diagnostics diagnostics;
  auto file = read_measure_file(path, diagnostics);
  INFO(messages(diagnostics));
  REQUIRE(file);
  REQUIRE(file->variants.size() == 2);
  CHECK(file->variants[0].cost == 1000);

  Model forward = fixture.model;
  REQUIRE(apply_variant(forward, *file, *file->find("forward"), &fixture.catalogs, diagnostics));
  CHECK(digest(forward) != before);
  const auto& core = forward.assets[*forward.find("telecom-core")];
  CHECK(core.depends_on[0].from == std::vector<std::string>{"ss-centrum", "hs-noord"});
  CHECK(forward.assets[*forward.find("ss-centrum")].depends_on[1].time_to_impact == 24);

  Model round_trip = fixture.model;
  REQUIRE(apply_variant(round_trip, *file, *file->find("round-trip"), &fixture.catalogs, diagnostics));
  CHECK(digest(round_trip) == before);
}

TEST_CASE("new assets in model format, cyber changes and controls") {
  Fixture fixture;
  const auto path = write_measures("assets", R"(measures: 1
variants:
  - id: generator
    changes:
      - add_assets:
          - id: nsa-telecom
            type: power.generator
            depends_on:
              - {kind: fuel, from: [brandstof], time_to_impact: 48h}
      - add_supplier: {asset: telecom-core, kind: power, supplier: nsa-telecom}
      - set_cyber: {asset: scada, internet_exposed: false}
      - add_controls: {asset: scada, controls: [mfa, segmentation]}
    events: [hs-noord, scada@2h]
)");
  Diagnostics diagnostics;
  auto file = read_measure_file(path, diagnostics);
  REQUIRE(file);
  Model model = fixture.model;
  INFO(messages(diagnostics));
  REQUIRE(apply_variant(model, *file, file->variants[0], &fixture.catalogs, diagnostics));
  REQUIRE(model.find("nsa-telecom"));
  CHECK(model.assets[*model.find("telecom-core")].depends_on[0].from.back() == "nsa-telecom");
  const auto& scada = model.assets[*model.find("scada")];
  CHECK_FALSE(scada.cyber->internet_exposed);
  CHECK(std::find(scada.cyber->controls.begin(), scada.cyber->controls.end(), "mfa") != scada.cyber->controls.end());
  REQUIRE(file->variants[0].events.size() == 2);
  CHECK(file->variants[0].events[1].asset == "scada");
  CHECK(file->variants[0].events[1].at == 2);
}

TEST_CASE("mistakes in a measure file are errors at their file:line:col") {
  Fixture fixture;
  const auto path = write_measures("mistakes", R"(measures: 1
variants:
  - id: bad
    changes:
      - add_supplier: {asset: telecom-cor, kind: power, supplier: hs-noord}
      - set: {asset: ss-centrum, kind: power, need: 3}
      - remove_supplier: {asset: ss-centrum, kind: control, supplier: scada}
  - id: unknown-supplier
    changes:
      - add_supplier: {asset: ss-centrum, kind: power, supplier: nowhere}
)");
  Diagnostics diagnostics;
  auto file = read_measure_file(path, diagnostics);
  REQUIRE(file);
  Model model = fixture.model;
  CHECK_FALSE(apply_variant(model, *file, file->variants[0], &fixture.catalogs, diagnostics));
  const std::string text = messages(diagnostics);
  INFO(text);
  const std::string file_name = path.string();
  CHECK(text.find(file_name + ":5:31: error: 'telecom-cor' is not an asset of the model (did you mean 'telecom-core'?)") !=
        std::string::npos);
  CHECK(text.find(file_name + ":6:53: error: 'need' is 3; expected 1 to 2") != std::string::npos);
  CHECK(text.find("the control group of 'ss-centrum' would have 0 suppliers but need 1") != std::string::npos);
  // An unknown supplier is found by validating the changed model like a loaded one.
  Diagnostics validation;
  Model other = fixture.model;
  CHECK_FALSE(apply_variant(other, *file, *file->find("unknown-supplier"), &fixture.catalogs, validation));
  INFO(messages(validation));
  CHECK(messages(validation).find("nowhere") != std::string::npos);

  Diagnostics shape;
  const auto broken = write_measures("shape", "measures: 2\nvariants:\n  - id: x\n    changes:\n      - sett: {asset: a}\n");
  CHECK_FALSE(read_measure_file(broken, shape));
  const std::string shape_text = messages(shape);
  INFO(shape_text);
  CHECK(shape_text.find(":1:11: error: unknown format version 2; expected 'measures: 1'") != std::string::npos);
  CHECK(shape_text.find(":5:9: error: unknown change 'sett' (did you mean 'set'?)") != std::string::npos);
}

TEST_CASE("set recovery: a positive repair time on a real asset, refused on zero and on virtual assets") {
  Fixture fixture;
  const auto path = write_measures("recovery", R"(measures: 1
variants:
  - id: faster-repair
    changes:
      - set: {asset: scada, recovery: 8h}
  - id: zero
    changes:
      - set: {asset: scada, recovery: 0h}
  - id: on-virtual
    changes:
      - add_assets:
          - {id: pool, virtual: true, depends_on: [{kind: power, from: [hs-noord]}]}
      - set: {asset: pool, recovery: 2h}
)");
  Diagnostics diagnostics;
  auto file = read_measure_file(path, diagnostics);
  INFO(messages(diagnostics));
  REQUIRE(file);
  Model model = fixture.model;
  CHECK_FALSE(model.assets[*model.find("scada")].recovery.has_value());
  REQUIRE(apply_variant(model, *file, *file->find("faster-repair"), &fixture.catalogs, diagnostics));
  CHECK(model.assets[*model.find("scada")].recovery == 8.0);

  const auto zero = refusal(fixture, *file, "zero");
  REQUIRE(zero);
  INFO(*zero);
  CHECK(zero->find(path.string() +
                   ":8:39: error: 'recovery' is '0h'; expected a positive finite duration") !=
        std::string::npos);

  const auto on_virtual = refusal(fixture, *file, "on-virtual");
  REQUIRE(on_virtual);
  CHECK(on_virtual->find("is given but the asset is virtual") != std::string::npos);
}

TEST_CASE(
    "set restart: zero or more on a real asset, refused when negative and on virtual assets") {
  Fixture fixture;
  const auto path = write_measures("restart", R"(measures: 1
variants:
  - id: quick-restart
    changes:
      - set: {asset: scada, recovery: 36h, restart: 0}
  - id: negative
    changes:
      - set: {asset: scada, restart: -1h}
  - id: on-virtual
    changes:
      - add_assets:
          - {id: pool, virtual: true, depends_on: [{kind: power, from: [hs-noord]}]}
      - set: {asset: pool, restart: 2h}
)");
  Diagnostics diagnostics;
  auto file = read_measure_file(path, diagnostics);
  INFO(messages(diagnostics));
  REQUIRE(file);
  Model model = fixture.model;
  CHECK_FALSE(model.assets[*model.find("scada")].restart.has_value());
  REQUIRE(
      apply_variant(model, *file, *file->find("quick-restart"), &fixture.catalogs, diagnostics));
  CHECK(model.assets[*model.find("scada")].restart == 0.0);
  CHECK(model.assets[*model.find("scada")].recovery == 36.0);

  const auto negative = refusal(fixture, *file, "negative");
  REQUIRE(negative);
  INFO(*negative);
  CHECK(negative->find(path.string() +
                       ":8:38: error: 'restart' is '-1h'; expected a finite duration") !=
        std::string::npos);

  const auto on_virtual = refusal(fixture, *file, "on-virtual");
  REQUIRE(on_virtual);
  CHECK(on_virtual->find("'restart' of 'pool' is given but the asset is virtual") !=
        std::string::npos);
}

TEST_CASE("a variant cannot make an asset its own supplier, as a model cannot") {
  Fixture fixture;
  const auto path = write_measures("self-supplier", R"(measures: 1
variants:
  - id: selfie
    changes:
      - add_supplier: {asset: ss-centrum, kind: power, supplier: ss-centrum}
)");
  Diagnostics diagnostics;
  auto file = read_measure_file(path, diagnostics);
  REQUIRE(file);
  const auto refused = refusal(fixture, *file, "selfie");
  REQUIRE(refused);
  INFO(*refused);
  CHECK(refused->find(path.string() + ":5:66: error: asset 'ss-centrum' depends on itself") != std::string::npos);
}

TEST_CASE("a variant sets a group's buffer mode, and adds a group with one; a wrong mode is an error") {
  Fixture fixture;
  const auto path = write_measures("buffer", R"(measures: 1
variants:
  - id: own
    changes:
      - set: {asset: ss-centrum, kind: control, buffer: own}
      - add_dependency:
          asset: telecom-core
          kind: fuel
          from: [brandstof]
          time_to_impact: 48h
          buffer: own
  - id: wrong
    changes:
      - set: {asset: ss-centrum, kind: control, buffer: mine}
)");
  Diagnostics diagnostics;
  auto file = read_measure_file(path, diagnostics);
  INFO(messages(diagnostics));
  REQUIRE(file);
  Model changed = fixture.model;
  REQUIRE(apply_variant(changed, *file, *file->find("own"), &fixture.catalogs, diagnostics));
  CHECK(changed.assets[*changed.find("ss-centrum")].depends_on[1].buffer == BufferMode::own);
  CHECK(changed.assets[*changed.find("telecom-core")].depends_on.back().buffer == BufferMode::own);
  Model wrong = fixture.model;
  Diagnostics wrong_diagnostics;
  CHECK_FALSE(apply_variant(wrong, *file, *file->find("wrong"), &fixture.catalogs, wrong_diagnostics));
  CHECK(messages(wrong_diagnostics).find("buffer 'mine' is unknown; expected pass-on or own") != std::string::npos);
}
