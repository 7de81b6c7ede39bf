#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "model/model_loader.hpp"

using namespace knelpunt::model;
namespace fs = std::filesystem;

namespace {

/// A catalogue index with one hospital type that needs power, water and
/// telecom, and a generator type that needs fuel.
CatalogIndex hospital_catalogs() {
  CatalogIndex index;
  index.asset_types = {"health.hospital", "power.generator", "power.substation"};
  index.resource_kinds = {"power", "water", "telecom", "fuel", "staff"};
  index.type_needs = {{"health.hospital", {"power", "water", "telecom"}},
                      {"power.generator", {"fuel"}},
                      {"power.substation", {}}};
  return index;
}

/// Writes `yaml` as model.yaml of a fresh directory and loads it against `catalogs`.
LoadResult load_text(const std::string& name, const std::string& yaml, const CatalogIndex* catalogs) {
  const fs::path dir = fs::temp_directory_path() / ("knelpunt-asset-needs-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "model.yaml") << yaml;
  return load_model(dir, catalogs);
}

LoadResult load_text(const std::string& name, const std::string& yaml, const CatalogIndex& catalogs) {
  return load_text(name, yaml, &catalogs);
}

std::vector<Diagnostic> warnings_of(const LoadResult& result) {
  std::vector<Diagnostic> out;
  for (const auto& d : result.diagnostics.items())
    if (d.severity == Severity::warning) out.push_back(d);
  return out;
}

const std::string kTwoAssets = R"(knelpunt: 1
region: {name: Test}
assets:
  - id: ss
    type: power.substation
  - id: ziekenhuis
    type: health.hospital
    depends_on:
      - {kind: power, from: [ss]}
)";

}  // namespace

TEST_CASE("asset needs: an asset without a dependency of a kind its type needs gets one warning at its id") {
  const auto result = load_text("missing", kTwoAssets, hospital_catalogs());
  REQUIRE(result.model);
  const auto warnings = warnings_of(result);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].where.line == 6);
  CHECK(warnings[0].where.column == 9);
  CHECK(warnings[0].where.file.str().find("model.yaml") != std::string::npos);
  CHECK(warnings[0].message ==
        "asset 'ziekenhuis' (type health.hospital) has no dependency of kind 'water' or 'telecom'; expected one of "
        "each, as its type needs [power, water, telecom] (catalogs/asset-types.yaml); add a depends_on group of each, "
        "or list them in the asset's self_supplied (or the model's region.not_modelled) when they are deliberately "
        "absent (docs/model.md)");
}

TEST_CASE("asset needs: self_supplied on the asset and region.not_modelled silence a need") {
  std::string yaml = kTwoAssets;
  yaml += "    self_supplied: [water]\n";
  auto result = load_text("self-supplied", yaml, hospital_catalogs());
  REQUIRE(result.model);
  auto warnings = warnings_of(result);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].message.find("has no dependency of kind 'telecom'; expected one, as its type needs") !=
        std::string::npos);
  const auto& hospital = result.model->assets[*result.model->find("ziekenhuis")];
  CHECK(hospital.self_supplied->kinds == std::vector<std::string>{"water"});

  std::string both = yaml;
  both.replace(both.find("region: {name: Test}"), 20, "region: {name: Test, not_modelled: [telecom, staff]}");
  result = load_text("not-modelled", both, hospital_catalogs());
  REQUIRE(result.model);
  CHECK(warnings_of(result).empty());
  CHECK(result.model->region.not_modelled == std::vector<std::string>{"staff", "telecom"});
}

TEST_CASE("asset needs: no warning without a type, for a virtual asset, or without catalogues") {
  const std::string yaml = R"(knelpunt: 1
assets:
  - id: a
  - id: v
    type: health.hospital
    virtual: true
)";
  const auto untyped = load_text("untyped", yaml, hospital_catalogs());
  REQUIRE(untyped.model);
  CHECK(warnings_of(untyped).empty());
  // The same hospital that warns above, loaded without catalogues (model/ alone knows no types).
  const auto without = load_text("no-catalogs", kTwoAssets, nullptr);
  REQUIRE(without.model);
  CHECK(warnings_of(without).empty());
}

TEST_CASE("asset needs: an unknown kind in self_supplied or not_modelled is an error with a hint") {
  std::string yaml = kTwoAssets;
  yaml += "    self_supplied: [watr]\n";
  yaml.replace(yaml.find("region: {name: Test}"), 20, "region: {name: Test, not_modelled: [staf]}");
  const auto result = load_text("unknown-kind", yaml, hospital_catalogs());
  CHECK_FALSE(result.model);
  std::vector<std::string> errors;
  for (const auto& d : result.diagnostics.items())
    if (d.severity == Severity::error) errors.push_back(d.message);
  REQUIRE(errors.size() == 2);
  CHECK(errors[0].find("unknown resource kind 'staf' (did you mean 'staff'?)") != std::string::npos);
  CHECK(errors[1].find("unknown resource kind 'watr' (did you mean 'water'?)") != std::string::npos);
}
