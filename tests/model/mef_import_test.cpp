// The Open-PSA MEF import: model/mef_reader (files → definitions) and
// model/mef_fault_tree (definitions below a top gate → assets).
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "model/mef_fault_tree.hpp"
#include "model/mef_reader.hpp"

using namespace knelpunt::model;

namespace {

std::string all_errors(const Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.items())
    if (d.severity == Severity::error) out += d.to_string() + "\n";
  return out;
}

MefDefinitions read(const std::string& xml, Diagnostics& diagnostics) {
  return read_mef_texts({{"t.xml", xml}}, diagnostics);
}

/// The whole import of `xml` below `top`; CHECKs that there was no error.
ImportedFaultTree imported(const std::string& xml, const std::string& top) {
  Diagnostics diagnostics;
  const auto definitions = read(xml, diagnostics);
  REQUIRE_MESSAGE(!diagnostics.has_errors(), all_errors(diagnostics));
  REQUIRE(mef_top_problem(definitions, top).empty());
  auto tree = import_mef_fault_tree(definitions, top, diagnostics);
  REQUIRE_MESSAGE(!diagnostics.has_errors(), all_errors(diagnostics));
  REQUIRE(tree);
  return *tree;
}

/// The errors of reading and importing `xml` below `top` (one per line).
std::string import_errors(const std::string& xml, const std::string& top = "top") {
  Diagnostics diagnostics;
  const auto definitions = read(xml, diagnostics);
  if (!diagnostics.has_errors()) (void)import_mef_fault_tree(definitions, top, diagnostics);
  return all_errors(diagnostics);
}

/// An asset written compactly: "id v [a,b] [c/2]" (groups with need ≠ 1 as /need), "id p=0.1".
std::string shape(const ImportedAsset& a) {
  std::string out = a.id;
  if (a.is_virtual) out += " v";
  if (a.p) out += " p=" + std::to_string(*a.p).substr(0, 6);
  for (const auto& g : a.depends_on) {
    out += " [";
    for (std::size_t i = 0; i < g.from.size(); ++i) out += (i ? "," : "") + g.from[i];
    if (g.need != 1) out += "/" + std::to_string(g.need);
    out += "]";
  }
  return out;
}

std::vector<std::string> shapes(const ImportedFaultTree& tree) {
  std::vector<std::string> out;
  for (const auto& a : tree.assets) out.push_back(shape(a));
  return out;
}

std::string wrap(const std::string& body) {
  return "<?xml version=\"1.0\"?>\n<opsa-mef>\n<define-fault-tree name=\"ft\">\n" + body +
         "</define-fault-tree>\n</opsa-mef>\n";
}

}  // namespace

TEST_CASE("mef import: names are lower-cased with '_' as '-'; others are no ids") {
  CHECK(mef_knelpunt_id("Pump_A-1") == "pump-a-1");
  CHECK(mef_knelpunt_id("e1") == "e1");
  CHECK_FALSE(mef_knelpunt_id(""));
  CHECK_FALSE(mef_knelpunt_id("_x"));     // would start with '-'
  CHECK_FALSE(mef_knelpunt_id("ft.g1"));  // a path reference
  CHECK_FALSE(mef_knelpunt_id("pompe\xc3\xa9"));
}

TEST_CASE("mef import: or, and, atleast, references and nested formulas map as the benchmarks") {
  const auto tree = imported(
      "<opsa-mef>\n"
      " <label>ignored</label>\n"
      " <define-fault-tree name=\"FT\">\n"
      "  <attributes><attribute name=\"x\" value=\"y\"/></attributes>\n"
      "  <define-gate name=\"Top\"><label>the top</label>\n"
      "   <or><gate name=\"G_and\"/><event name=\"G_2of3\"/><basic-event name=\"E1\"/>"
      "<and><event name=\"E2\"/><or><basic-event name=\"E3\"/><event name=\"E4\"/></or></and>"
      "</or>\n"
      "  </define-gate>\n"
      "  <define-gate name=\"G_and\"><and><basic-event name=\"E1\"/><event name=\"E2\"/></and>"
      "</define-gate>\n"
      "  <define-gate name=\"G_2of3\"><atleast min=\"2\"><event name=\"E1\"/><event name=\"E2\"/>"
      "<event name=\"E3\"/></atleast></define-gate>\n"
      "  <define-gate name=\"unused\"><or><event name=\"E1\"/></or></define-gate>\n"
      "  <define-basic-event name=\"E1\"><float value=\"0.1\"/></define-basic-event>\n"
      " </define-fault-tree>\n"
      " <model-data>\n"
      "  <define-parameter name=\"q\" unit=\"float\"><float value=\"0.25\"/></define-parameter>\n"
      "  <define-basic-event name=\"E2\"><parameter name=\"q\"/></define-basic-event>\n"
      "  <define-basic-event name=\"E3\"><label>no p</label></define-basic-event>\n"
      "  <define-basic-event name=\"E4\"><float value=\"1e-3\"/></define-basic-event>\n"
      "  <define-basic-event name=\"E5\"><float value=\"0.5\"/></define-basic-event>\n"
      " </model-data>\n"
      "</opsa-mef>\n",
      "Top");
  CHECK(tree.top == "top");
  // Gates by id (the nested formulas Top.4 and Top.4.2 among them), then
  // basic events by id; `unused` and E5 are not reached.
  CHECK(shapes(tree) == std::vector<std::string>{
                            "g-2of3 v [e1,e2,e3/2]",
                            "g-and v [e1,e2]",
                            "top v [g-and] [g-2of3] [e1] [top.4]",
                            "top.4 v [e2,top.4.2]",
                            "top.4.2 v [e3] [e4]",
                            "e1 p=0.1000",
                            "e2 p=0.2500",
                            "e3",
                            "e4 p=0.0010",
                        });
  CHECK(tree.assets[0].mef_name == "G_2of3");
  CHECK(tree.assets[3].mef_name.empty());
}

TEST_CASE("mef import: one argument, atleast k of m, a reference alone, constant false") {
  const auto tree = imported(
      wrap("<define-gate name=\"top\"><and><gate name=\"a\"/><gate name=\"b\"/><gate name=\"c\"/>"
           "<gate name=\"d\"/></and></define-gate>\n"
           "<define-gate name=\"a\"><or><event name=\"x\"/></or></define-gate>\n"
           "<define-gate name=\"b\"><event name=\"y\"/></define-gate>\n"
           "<define-gate name=\"c\"><atleast min=\"3\"><event name=\"x\"/><event name=\"y\"/>"
           "<event name=\"z\"/></atleast></define-gate>\n"
           "<define-gate name=\"d\"><constant value=\"false\"/></define-gate>\n"
           "<define-basic-event name=\"x\"/><define-basic-event name=\"y\"/>"
           "<define-basic-event name=\"z\"><float value=\"-0\"/></define-basic-event>\n"),
      "top");
  CHECK(shapes(tree) == std::vector<std::string>{"a v [x]", "b v [y]", "c v [x,y,z]", "d v",
                                                 "top v [a,b,c,d]", "x", "y", "z p=0.0000"});
  CHECK(!std::signbit(*tree.assets.back().p));
  // atleast 1 of 3 is lost when one fails: need 3.
  const auto any = imported(wrap("<define-gate name=\"top\"><atleast min=\"1\"><event name=\"x\"/>"
                                 "<event name=\"y\"/><event name=\"z\"/></atleast></define-gate>"
                                 "<define-basic-event name=\"x\"/><define-basic-event name=\"y\"/>"
                                 "<define-basic-event name=\"z\"/>"),
                            "top");
  CHECK(shape(any.assets[0]) == "top v [x,y,z/3]");
}

TEST_CASE("mef import: definitions combine across files; a name defined twice names both places") {
  Diagnostics diagnostics;
  const auto definitions = read_mef_texts(
      {{"tree.xml", wrap("<define-gate name=\"top\"><or><event name=\"e1\"/><event name=\"e2\"/>"
                         "</or></define-gate>\n")},
       {"events.xml",
        "<opsa-mef><model-data>\n<define-basic-event name=\"e1\"><float "
        "value=\"0.5\"/></define-basic-event>\n<define-basic-event "
        "name=\"e2\"/></model-data></opsa-mef>"}},
      diagnostics);
  CHECK_MESSAGE(!diagnostics.has_errors(), all_errors(diagnostics));
  const auto tree = import_mef_fault_tree(definitions, "top", diagnostics);
  REQUIRE(tree);
  CHECK(shapes(*tree) == std::vector<std::string>{"top v [e1] [e2]", "e1 p=0.5000", "e2"});

  Diagnostics twice;
  (void)read_mef_texts({{"a.xml", wrap("<define-basic-event name=\"e1\"/>\n")},
                        {"b.xml",
                         "<opsa-mef>\n<model-data>\n<define-basic-event name=\"e1\"/>"
                         "</model-data></opsa-mef>"}},
                       twice);
  CHECK(all_errors(twice) ==
        "b.xml:3:1: error: 'e1' is defined twice: here and at a.xml:4:1; expected one definition "
        "of each gate and basic event\n");
  // A gate and a basic event share MEF's name space.
  CHECK(import_errors(wrap("<define-gate name=\"top\"><event name=\"top\"/></define-gate>\n"
                           "<define-basic-event name=\"top\"/>\n")) ==
        "t.xml:5:1: error: 'top' is defined twice: here and at t.xml:4:1; expected one definition "
        "of each gate and basic event\n");
  CHECK(import_errors(wrap("<define-parameter name=\"q\"><float value=\"0.1\"/></define-parameter>"
                           "\n<define-parameter name=\"q\"><float value=\"0.2\"/>"
                           "</define-parameter>\n")) ==
        "t.xml:5:1: error: parameter 'q' is defined twice: here and at t.xml:4:1; expected one "
        "definition\n");
}

TEST_CASE("mef import: two names that become one id are refused, naming both") {
  CHECK(import_errors(wrap("<define-basic-event name=\"Pump_A\"/>\n"
                           "<define-basic-event name=\"pump-a\"/>\n")) ==
        "t.xml:5:1: error: 'pump-a' and 'Pump_A' (at t.xml:4:1) would both become the knelpunt id "
        "'pump-a'; expected MEF names that differ after lower-casing and '_' → '-' (rename one)\n");
  CHECK(import_errors(wrap("<define-basic-event name=\"_x\"/>\n")) ==
        "t.xml:4:1: error: the name '_x' cannot become a knelpunt id; expected ASCII letters, "
        "digits, '_' and '-', starting with a letter or digit\n");
}

TEST_CASE("mef import: every construct it cannot express is refused, named, at its line") {
  struct Case {
    std::string body;
    std::string message;  // the start of the error at line 5
  };
  const std::vector<Case> cases = {
      {"<define-gate name=\"top\">\n<not><event name=\"e\"/></not></define-gate>",
       "<not> is not supported: it makes the tree non-coherent"},
      {"<define-gate name=\"top\">\n<xor><event name=\"e\"/><event "
       "name=\"e\"/></xor></define-gate>",
       "<xor> is not supported"},
      {"<define-gate name=\"top\">\n<nand><event name=\"e\"/></nand></define-gate>",
       "<nand> is not supported"},
      {"<define-gate name=\"top\">\n<nor><event name=\"e\"/></nor></define-gate>",
       "<nor> is not supported"},
      {"<define-gate name=\"top\">\n<iff><event name=\"e\"/></iff></define-gate>",
       "<iff> is not supported"},
      {"<define-gate name=\"top\">\n<imply><event name=\"e\"/></imply></define-gate>",
       "<imply> is not supported"},
      {"<define-gate name=\"top\"><or><event name=\"e\"/>\n<cardinality min=\"1\" max=\"1\">"
       "<event name=\"e\"/></cardinality></or></define-gate>",
       "<cardinality> is not supported"},
      {"<define-gate name=\"top\"><or><event name=\"e\"/>\n<house-event name=\"h\"/></or>"
       "</define-gate>",
       "<house-event> is not supported: house events"},
      {"<define-gate name=\"top\"><or><event name=\"e\"/>\n<event name=\"h\" "
       "type=\"house-event\"/></or></define-gate>",
       "<house-event> is not supported"},
      {"\n<define-house-event name=\"h\"><constant value=\"true\"/></define-house-event>",
       "<define-house-event> is not supported"},
      {"<define-gate name=\"top\">\n<constant value=\"true\"/></define-gate>",
       "<constant value=\"true\"/> is not supported"},
      {"\n<define-CCF-group name=\"c\" model=\"beta-factor\"/>",
       "<define-CCF-group> is not supported: a knelpunt model has no common-cause"},
      {"\n<define-component name=\"c\"/>", "<define-component> is not supported"},
      {"<define-basic-event name=\"e\">\n<exponential><float value=\"1e-4\"/>"
       "<system-mission-time/></exponential></define-basic-event>",
       "the expression <exponential> is not supported: only constant probabilities"},
      {"<define-basic-event name=\"e\">\n<int value=\"0\"/></define-basic-event>",
       "the expression <int> is not supported"},
      {"<define-parameter name=\"q\">\n<lognormal-deviate><float value=\"1\"/><float value=\"2\"/>"
       "</lognormal-deviate></define-parameter>",
       "the expression <lognormal-deviate> is not supported"},
      {"<define-basic-event name=\"e\">\n<float value=\"1.5\"/></define-basic-event>",
       "<float> has value \"1.5\"; expected a probability from 0 to 1"},
      {"<define-basic-event name=\"e\">\n<float value=\"nan\"/></define-basic-event>",
       "<float> has value \"nan\""},
      {"<define-gate name=\"top\">\n<atleast min=\"3\"><event name=\"e\"/><event name=\"f\"/>"
       "</atleast></define-gate>",
       "<atleast> has min=\"3\" for 2 arguments"},
      {"<define-gate name=\"top\">\n<and/></define-gate>", "<and> has no arguments"},
      {"<define-gate name=\"top\">\n<float value=\"0.1\"/></define-gate>",
       "unexpected <float> where a formula belongs"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.body);
    const std::string errors = import_errors(wrap(c.body + "\n"));
    CHECK(errors.rfind("t.xml:5:1: error: " + c.message, 0) == 0);
    CHECK(errors.find("expected") != std::string::npos);
  }
  // Outside a fault tree: event trees, substitutions.
  CHECK(import_errors("<opsa-mef>\n<define-event-tree name=\"et\"/>\n</opsa-mef>")
            .rfind("t.xml:2:1: error: <define-event-tree> is not supported: import mef reads fault "
                   "trees, not event trees",
                   0) == 0);
  CHECK(import_errors("<opsa-mef>\n<define-substitution name=\"s\"/>\n</opsa-mef>")
            .rfind("t.xml:2:1: error: <define-substitution> is not supported", 0) == 0);
  CHECK(import_errors("<opsa-mef>\n<define-gate name=\"g\"/>\n</opsa-mef>") ==
        "t.xml:2:1: error: unexpected <define-gate> in <opsa-mef>; expected define-fault-tree, "
        "model-data, label or attributes\n");
}

TEST_CASE("mef import: undefined references, wrong kinds and repeated arguments") {
  CHECK(
      import_errors(wrap("<define-gate name=\"top\"><or>\n<event name=\"pump-1\"/>"
                         "<gate name=\"pump-a\"/></or></define-gate>\n"
                         "<define-basic-event name=\"pump-a\"/>\n")) ==
      "t.xml:5:1: error: 'pump-1' is not defined (did you mean 'pump-a'?); expected the name of a "
      "define-gate or define-basic-event in the files read\n"
      "t.xml:5:23: error: <gate> names 'pump-a', which is a basic event (at t.xml:6:1); expected "
      "<basic-event> or <event>\n");
  CHECK(import_errors(wrap("<define-gate name=\"top\"><atleast min=\"2\">\n<event name=\"x\"/>"
                           "<basic-event name=\"x\"/><event name=\"y\"/></atleast></define-gate>\n"
                           "<define-basic-event name=\"x\"/><define-basic-event name=\"y\"/>\n")) ==
        "t.xml:5:18: error: 'x' is an argument of this <atleast> twice (also at t.xml:5:1); "
        "expected each argument once\n");
  CHECK(import_errors(wrap("<define-basic-event name=\"x\">\n<parameter name=\"qq\"/>"
                           "</define-basic-event>\n")) ==
        "t.xml:5:1: error: parameter 'qq' is not defined; expected a define-parameter of that "
        "name\n");
}

TEST_CASE("mef import: a cycle between gates is named gate by gate") {
  CHECK(import_errors(wrap("<define-gate name=\"top\"><event name=\"a\"/></define-gate>\n"
                           "<define-gate name=\"a\"><or><event name=\"b\"/><event name=\"x\"/>"
                           "</or></define-gate>\n"
                           "<define-gate name=\"b\"><and><event name=\"x\"/><event name=\"a\"/>"
                           "</and></define-gate>\n"
                           "<define-basic-event name=\"x\"/>\n")) ==
        "t.xml:5:1: error: gates form a cycle: a → b → a; expected a fault tree, where no gate "
        "depends on itself\n");
  // A long chain is no cycle and no deep recursion.
  std::string chain;
  for (int i = 0; i < 20000; ++i)
    chain += "<define-gate name=\"g" + std::to_string(i) + "\"><event name=\"g" +
             std::to_string(i + 1) + "\"/></define-gate>\n";
  chain +=
      "<define-gate name=\"g20000\"><event name=\"x\"/></define-gate>\n"
      "<define-basic-event name=\"x\"/>\n";
  const auto tree = imported(wrap(chain), "g0");
  CHECK(tree.assets.size() == 20002);
}

TEST_CASE("mef import: the top must be a gate") {
  Diagnostics diagnostics;
  const auto definitions =
      read(wrap("<define-gate name=\"top_gate\"><event name=\"x\"/></define-gate>"
                "<define-basic-event name=\"x\"/>"),
           diagnostics);
  CHECK(mef_top_problem(definitions, "top_gate").empty());
  CHECK(mef_top_problem(definitions, "top-gate") ==
        "--top 'top-gate' is not a gate of the files read (did you mean 'top_gate'?); expected "
        "the name of a define-gate");
  CHECK(mef_top_problem(definitions, "x") ==
        "--top 'x' is a basic event (at t.xml:4:61); expected the name of a define-gate");
}

TEST_CASE("mef import: malformed XML, a document type and deep nesting are refused") {
  CHECK(import_errors("<opsa-mef>\n<define-fault-tree>\n</opsa-mef>") ==
        "t.xml:3:3: error: malformed XML (mismatched tag); expected well-formed XML\n");
  CHECK(import_errors("<?xml version=\"1.0\"?>\n<!DOCTYPE opsa-mef [<!ENTITY a \"aaaa\">]>\n"
                      "<opsa-mef/>") ==
        "t.xml:2: error: has a document type declaration (<!DOCTYPE>); expected MEF XML without "
        "one (entities are not read)\n");
  std::string deep = "<opsa-mef><define-fault-tree name=\"f\"><define-gate name=\"top\">";
  for (int i = 0; i < 300; ++i) deep += "<and><event name=\"x\"/>";
  for (int i = 0; i < 300; ++i) deep += "</and>";
  deep += "</define-gate></define-fault-tree></opsa-mef>";
  CHECK(import_errors(deep).find("error: elements are nested more than 200 deep") !=
        std::string::npos);
  CHECK(import_errors("<model/>") ==
        "t.xml:1:1: error: the root element is <model>; expected <opsa-mef>\n");
}

TEST_CASE("mef import: only the first 20 undefined references get a did-you-mean hint") {
  // A hint compares with every name; a hostile file of many undefined
  // references must not cost a hint each.
  std::string body = "<define-gate name=\"top\"><or>\n";
  for (int i = 0; i < 25; ++i) body += "<event name=\"ex\"/><event name=\"ex\"/>\n";
  body += "</or></define-gate>\n<define-basic-event name=\"e1\"/>\n";
  // Each line names ex twice: an undefined reference and a repeated argument.
  const std::string errors = import_errors(wrap(body));
  std::size_t hints = 0, undefined = 0;
  for (std::size_t at = errors.find("is not defined"); at != std::string::npos;
       at = errors.find("is not defined", at + 1)) {
    ++undefined;
    const std::string_view hinted = "is not defined (did you mean 'e1'?)";
    if (errors.compare(at, hinted.size(), hinted) == 0) ++hints;
  }
  CHECK(undefined == 50);
  CHECK(hints == 20);
}
