#include "register/fault_tree_mef_writer.hpp"

#include <doctest/doctest.h>

#include <string>

#include "engine/fault_tree.hpp"
#include "model/dependency_graph.hpp"
#include "model/model.hpp"

using namespace knelpunt;

TEST_CASE("mef_name: valid MEF identifiers stay, others are encoded injectively") {
  CHECK(risk_register::mef_name("asz-dordrecht") == "asz-dordrecht");
  CHECK(risk_register::mef_name("gen2.x") == "gen2_px");
  CHECK(risk_register::mef_name("a--b") == "a-_mb");
  CHECK(risk_register::mef_name("a-") == "a_m");
  CHECK(risk_register::mef_name("112-meldkamer") == "_112-meldkamer");
  CHECK(risk_register::mef_name("a_b") == "a_b");  // valid as it is
  CHECK(risk_register::mef_name("a_b.c") == "a__b_pc");
  CHECK(risk_register::mef_name("a_p") != risk_register::mef_name("a.p"));
  CHECK(risk_register::mef_state_gate_name("bus", 1.5) == "bus_within-1h30m");
  CHECK(risk_register::mef_state_gate_name("bus", model::kNever) == "bus_within-inf");
}

TEST_CASE(
    "write_fault_tree_mef: gates, atleast, basic events with p, escaped labels, deterministic") {
  model::Model m;
  auto add = [&](std::string id, std::string name, std::optional<double> p) {
    model::Asset asset;
    asset.id = std::move(id);
    asset.name = std::move(name);
    asset.p = p;
    m.assets.push_back(asset);
  };
  add("a", "Pomp <A> & \"zuid\"", 0.25);
  add("b", "", std::nullopt);
  add("c", "", 0.5);
  add("top", "", 0.001);
  model::GraphGroup group;
  group.asset = 3;
  group.need = 2;
  group.supplier_count = 3;
  group.first = 0;
  const model::DependencyGraph graph({"a", "b", "c", "top"}, {false, false, false, false}, {group},
                                     {0, 1, 2});
  const auto tree = engine::build_fault_tree(graph, 3, engine::FaultTreeOptions{});
  const auto xml = risk_register::write_fault_tree_mef(m, tree, 3, model::kNever);
  CHECK(xml ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<opsa-mef>\n"
        "  <define-fault-tree name=\"top\">\n"
        "    <label>top fails within inf (knelpunt, structural form)</label>\n"
        "    <define-gate name=\"top_within-inf\">\n"
        "      <or>\n"
        "        <basic-event name=\"top\"/>\n"
        "        <atleast min=\"2\">\n"
        "          <basic-event name=\"a\"/>\n"
        "          <basic-event name=\"b\"/>\n"
        "          <basic-event name=\"c\"/>\n"
        "        </atleast>\n"
        "      </or>\n"
        "    </define-gate>\n"
        "  </define-fault-tree>\n"
        "  <model-data>\n"
        "    <define-basic-event name=\"a\">\n"
        "      <label>Pomp &lt;A&gt; &amp; &quot;zuid&quot;</label>\n"
        "      <float value=\"0.25\"/>\n"
        "    </define-basic-event>\n"
        "    <define-basic-event name=\"b\"/>\n"
        "    <define-basic-event name=\"c\">\n"
        "      <float value=\"0.5\"/>\n"
        "    </define-basic-event>\n"
        "    <define-basic-event name=\"top\">\n"
        "      <float value=\"0.001\"/>\n"
        "    </define-basic-event>\n"
        "  </model-data>\n"
        "</opsa-mef>\n");
  CHECK(risk_register::write_fault_tree_mef(m, tree, 3, model::kNever) == xml);
}
