#include "register/fault_tree_model_writer.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "model/model_loader.hpp"
#include "temporary_directory.hpp"

using namespace knelpunt;

namespace {

/// top = OR(and-1, pump-a); and-1 = AND(pump-a, pump-b); vote = 2 of 3
/// (need 2), below top through and-1's second argument; `never` is constant
/// false. Written by hand so that the text below is what the writer must give.
model::ImportedFaultTree small_tree() {
  model::ImportedFaultTree tree;
  tree.top = "top";
  auto gate = [](std::string id, std::string mef_name, std::vector<model::ImportedGroup> groups) {
    model::ImportedAsset asset;
    asset.id = std::move(id);
    asset.mef_name = std::move(mef_name);
    asset.is_virtual = true;
    asset.depends_on = std::move(groups);
    return asset;
  };
  auto event = [](std::string id, std::string mef_name, std::optional<double> p) {
    model::ImportedAsset asset;
    asset.id = std::move(id);
    asset.mef_name = std::move(mef_name);
    asset.p = p;
    return asset;
  };
  tree.assets.push_back(gate("and-1", "And_1", {{{"pump-a", "vote"}, 1}}));
  tree.assets.push_back(gate("never", "never", {}));
  tree.assets.push_back(gate("top", "top", {{{"and-1"}, 1}, {{"pump-a"}, 1}, {{"never"}, 1}}));
  tree.assets.push_back(gate("vote", "vote", {{{"pump-b", "pump-c", "pump-d"}, 2}}));
  tree.assets.push_back(event("pump-a", "Pump_A", 0.1));
  tree.assets.push_back(event("pump-b", "pump-b", 1e-7));
  tree.assets.push_back(event("pump-c", "pump-c", 0.30000000000000004));
  tree.assets.push_back(event("pump-d", "pump-d", std::nullopt));
  return tree;
}

}  // namespace

TEST_CASE("write_fault_tree_model: the exact text — virtual gates, need only when not 1, shortest exact p, MEF names kept") {
  const auto text = risk_register::write_fault_tree_model(small_tree(), {"a.xml", "b.xml"});
  CHECK(text ==
        "# The fault tree of top imported from Open-PSA MEF (a.xml, b.xml) by knelpunt import mef\n"
        "# (docs/fault-tree-import.md): gates are virtual assets, basic events assets with p.\n"
        "knelpunt: 1\n"
        "region: {name: fault tree top}\n"
        "assets:\n"
        "  - id: and-1\n"
        "    name: \"And_1\"\n"
        "    virtual: true\n"
        "    depends_on:\n"
        "      - from: [pump-a, vote]\n"
        "  - id: never\n"
        "    virtual: true\n"
        "  - id: top\n"
        "    virtual: true\n"
        "    depends_on:\n"
        "      - from: [and-1]\n"
        "      - from: [pump-a]\n"
        "      - from: [never]\n"
        "  - id: vote\n"
        "    virtual: true\n"
        "    depends_on:\n"
        "      - from: [pump-b, pump-c, pump-d]\n"
        "        need: 2\n"
        "  - id: pump-a\n"
        "    name: \"Pump_A\"\n"
        "    p: 0.1\n"
        "  - id: pump-b\n"
        "    p: 1e-07\n"
        "  - id: pump-c\n"
        "    p: 0.30000000000000004\n"
        "  - id: pump-d\n");
  // Same input, same bytes.
  CHECK(risk_register::write_fault_tree_model(small_tree(), {"a.xml", "b.xml"}) == text);
}

TEST_CASE("write_fault_tree_model: the text loads as a model with the tree's structure and probabilities") {
  testing::TemporaryDirectory dir{"fault-tree-model-writer"};
  testing::write_file(dir.path / "model.yaml",
                      risk_register::write_fault_tree_model(small_tree(), {"a.xml"}));
  auto loaded = model::load_model(dir.path / "model.yaml");
  REQUIRE(loaded.model);
  const auto& assets = loaded.model->assets;
  REQUIRE(assets.size() == 8);
  auto find = [&](const std::string& id) {
    auto it = std::find_if(assets.begin(), assets.end(), [&](const auto& a) { return a.id == id; });
    REQUIRE(it != assets.end());
    return *it;
  };
  const auto top = find("top");
  CHECK(top.is_virtual);
  REQUIRE(top.depends_on.size() == 3);
  CHECK(top.depends_on[0].from == std::vector<std::string>{"and-1"});
  CHECK(top.depends_on[2].need == 1);
  const auto vote = find("vote");
  REQUIRE(vote.depends_on.size() == 1);
  CHECK(vote.depends_on[0].need == 2);
  CHECK(vote.depends_on[0].from == std::vector<std::string>{"pump-b", "pump-c", "pump-d"});
  CHECK(find("never").depends_on.empty());
  CHECK(find("pump-a").name == "Pump_A");
  CHECK(!find("pump-a").is_virtual);
  // Every p reads back exactly: the writer gives the shortest exact form.
  CHECK(find("pump-b").p == 1e-7);
  CHECK(find("pump-c").p == 0.30000000000000004);
  CHECK(!find("pump-d").p);
}
