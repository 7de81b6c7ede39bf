#include <algorithm>
#include <fstream>
#include <limits>
#include <sstream>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "register/register_fixture.hpp"
#include "register/register_json_writer.hpp"

using knelpunt::risk_register::register_to_json;
using Json = nlohmann::ordered_json;

namespace {

Json written(const knelpunt::risk_register::Register& reg, std::string_view lang) {
  return Json::parse(register_to_json(reg, lang));
}

std::vector<std::string> keys(const Json& object) {
  std::vector<std::string> out;
  for (const auto& item : object.items()) out.push_back(item.key());
  return out;
}

}  // namespace

TEST_CASE("register JSON: format, fixed key order, 2-space indent and one trailing newline") {
  const std::string text = register_to_json(knelpunt::test::fixture_register(), "nl");
  REQUIRE(text.size() > 2);
  CHECK(text.rfind("{\n  \"format\": \"knelpunt-register/1\",\n  \"lang\": \"nl\",\n", 0) == 0);
  CHECK(text.back() == '\n');
  CHECK(text[text.size() - 2] == '}');
  const Json json = Json::parse(text);
  CHECK(keys(json) == std::vector<std::string>{"format", "lang", "tool", "model", "method", "catalogs", "feeds",
                                               "assessors", "horizons", "assessor_options", "summary", "listing", "not_listed_entries",
                                               "risks", "unmatched_tracking"});
  CHECK(keys(json["risks"][0]) ==
        std::vector<std::string>{"id", "title", "description", "assessor", "analyses", "replaces", "kind", "assets", "concerns", "vital_processes", "operators",
                                 "scenario", "threat", "subject", "affected", "chain", "evidence", "cves", "timeline",
                                 "likelihood", "impact", "level", "cell", "score_explanation", "measures", "tracking"});
  CHECK(keys(json["risks"][0]["tracking"]) ==
        std::vector<std::string>{"status", "owner", "justification", "date", "checked_by", "matched"});
}

TEST_CASE("register JSON: the same register gives the same bytes") {
  const auto reg = knelpunt::test::fixture_register();
  CHECK(register_to_json(reg, "nl") == register_to_json(reg, "nl"));
  CHECK(register_to_json(reg, "en") == register_to_json(knelpunt::test::fixture_register(), "en"));
  CHECK(register_to_json(reg, "en") != register_to_json(reg, "nl"));
}

TEST_CASE("register JSON: model, method and feeds") {
  const Json json = written(knelpunt::test::fixture_register(), "nl");
  CHECK(json["model"]["name"] == "Dordrecht");
  CHECK(json["model"]["digest"] == "sha256:0123abcd");
  CHECK(json["model"]["horizon_h"] == 72.0);
  const auto& diagram = json["method"]["risk_diagram"];
  CHECK(diagram["id"] == "nvp-5x5");
  CHECK(diagram["levels"].size() == 4);
  CHECK(diagram["levels"][3] == Json{{"id", "zeer-hoog"}, {"name", "zeer hoog"}});
  CHECK(keys(diagram["cells"]) == std::vector<std::string>{"A", "B", "C", "D", "E"});
  CHECK(diagram["cells"]["E"] == Json{"midden", "hoog", "hoog", "zeer-hoog", "zeer-hoog"});
  CHECK(diagram["cells"]["A"][3] == "midden");
  CHECK(json["method"]["likelihood_classes"][4]["below"].is_null());
  CHECK(json["method"]["likelihood_classes"][2]["name"] == "mogelijk");
  CHECK(json["method"]["criteria"][2] == Json{{"id", "5.1"}, {"name", "Verstoring van het dagelijks leven"},
                                               {"weight", 1.5}, {"unit", "people-hours"}, {"rule", "expert-judgement"}});
  CHECK(json["feeds"][1] == Json{{"feed", "epss"},
                                 {"present", false},
                                 {"feed_date", nullptr},
                                 {"feed_version", nullptr},
                                 {"entries", 0}});
  CHECK(json["unmatched_tracking"][0] ==
        Json{{"key", "KP-OLD-*"}, {"where", "tracking.yaml:12:3"}, {"now_in", nullptr}, {"applied", false}});
}

TEST_CASE("register JSON: infinite horizon is null") {
  auto reg = knelpunt::test::fixture_register();
  reg.horizon_h = std::numeric_limits<double>::infinity();
  CHECK(written(reg, "nl")["model"]["horizon_h"].is_null());
}

TEST_CASE("register JSON: summary counts every level lowest first, assessors in run order, all statuses") {
  auto reg = knelpunt::test::fixture_register();
  reg.risks.push_back(knelpunt::test::fixture_spof_risk());
  reg.risks.back().id = "KP-SPOF-zzzzzz";
  reg.risks.back().tracking.status = "accepted";
  const Json summary = written(reg, "nl")["summary"];
  CHECK(summary["risks"] == 5);
  CHECK(keys(summary["by_level"]) == std::vector<std::string>{"laag", "midden", "hoog", "zeer-hoog"});
  CHECK(summary["by_level"]["hoog"] == 2);
  CHECK(summary["by_level"]["laag"] == 1);
  CHECK(keys(summary["by_assessor"]) ==
        std::vector<std::string>{"single-point", "cascade-reach", "geographic", "scenario", "cyber-exposure"});
  CHECK(summary["by_assessor"]["single-point"] == 2);
  CHECK(summary["by_assessor"]["cyber-exposure"] == 0);
  CHECK(keys(summary["by_status"]) ==
        std::vector<std::string>{"unchecked", "in-treatment", "accepted", "mitigated", "false-positive"});
  CHECK(summary["by_status"]["unchecked"] == 3);
  CHECK(summary["by_status"]["accepted"] == 1);
  CHECK(summary["by_status"]["in-treatment"] == 1);
}

TEST_CASE("register JSON: risks keep the register's order and carry every field") {
  const Json risks = written(knelpunt::test::fixture_register(), "nl")["risks"];
  REQUIRE(risks.size() == 4);
  CHECK(risks[0]["id"] == "KP-SCEN-a1b2c3");
  CHECK(risks[1]["id"] == "KP-SPOF-3f2a9c");
  CHECK(risks[2]["id"] == "KP-REACH-77aa01");
  CHECK(risks[3]["id"] == "KP-GEO-0b0b0b");

  const auto& scenario = risks[0];
  CHECK(scenario["title"] == knelpunt::test::kNastyTitleNl);  // JSON escaping round-trips
  CHECK(scenario["scenario"] == "ransomware-drinkwater");
  CHECK(scenario["subject"].is_null());
  CHECK(scenario["chain"][0] == Json{{"asset", "wb-pomp-oost"}, {"t_h", 0.0}, {"via", nullptr}});
  CHECK(scenario["chain"][2]["t_h"] == 42.0 + 1.0 / 3.0);
  CHECK(scenario["cves"][0]["known_ransomware"] == true);
  CHECK(scenario["cves"][0]["epss"] == 0.97);
  CHECK(scenario["timeline"][1]["people"] == 45000.5);
  CHECK(scenario["likelihood"] == Json{{"class", "E"}, {"name", "zeer waarschijnlijk"},
                                       {"rationale", "Internet-exposed, KEV met ransomware"}});
  CHECK(scenario["impact"]["criteria"][0]["criterion"] == "2.3");
  CHECK(scenario["impact"]["criteria"][0]["class"] == "D");
  CHECK(scenario["impact"]["criteria"][1]["name"] == "Verstoring van het dagelijks leven");
  CHECK(scenario["impact"]["score"] == 40.5);
  CHECK(scenario["impact"]["class"] == "D");
  CHECK(scenario["level"] == Json{{"id", "zeer-hoog"}, {"name", "zeer hoog"}});
  CHECK(scenario["cell"] == Json{{"likelihood", "E"}, {"impact", "D"}});
  CHECK(scenario["measures"][0] == Json{{"id", "bio-12.3"}, {"name", "Offline back-ups"}});
  CHECK(scenario["tracking"]["status"] == "in-treatment");
  CHECK(scenario["tracking"]["owner"] == "Team OT; Evides");
  CHECK(scenario["tracking"]["matched"] == "KP-SCEN-a1b2c3");

  const auto& spof = risks[1];
  CHECK(spof["description"].is_null());
  CHECK(spof["scenario"].is_null());
  CHECK(spof["tracking"]["status"] == "unchecked");
  CHECK(spof["tracking"]["owner"].is_null());
  CHECK(spof["tracking"]["matched"].is_null());

  const auto& geo = risks[3];
  CHECK(geo["impact"]["class"].is_null());
  CHECK(geo["cell"]["impact"].is_null());
  CHECK(geo["impact"]["criteria"].empty());
  CHECK(geo["subject"] == "zone-west");
  CHECK(geo["level"]["id"] == "laag");
}

TEST_CASE("register JSON: English texts, Dutch where the English is missing") {
  const Json json = written(knelpunt::test::fixture_register(), "en");
  CHECK(json["lang"] == "en");
  CHECK(json["method"]["risk_diagram"]["levels"][3]["name"] == "very high");
  CHECK(json["risks"][0]["title"] == knelpunt::test::kNastyTitleEn);
  CHECK(json["risks"][0]["level"]["name"] == "very high");
  CHECK(json["risks"][0]["likelihood"]["name"] == "very likely");
  CHECK(json["risks"][0]["measures"][0]["name"] == "Offline backups");
  CHECK(json["risks"][0]["tracking"]["status"] == "in-treatment");  // ids never translate
  CHECK(json["risks"][3]["title"] == "# Twee objecten in zone-west");
}

TEST_CASE("register JSON: invalid UTF-8 in a model string is replaced, not thrown") {
  auto reg = knelpunt::test::fixture_register();
  reg.risks[1].finding.title.nl = "bad \xff byte";
  std::string text;
  CHECK_NOTHROW(text = register_to_json(reg, "nl"));
  CHECK(Json::parse(text)["risks"][1]["title"] == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("register JSON: an empty register is still complete") {
  auto reg = knelpunt::test::fixture_register();
  reg.risks.clear();
  reg.unmatched_tracking.clear();
  const Json json = written(reg, "nl");
  CHECK(json["risks"].empty());
  CHECK(json["summary"]["risks"] == 0);
  CHECK(json["summary"]["by_level"]["zeer-hoog"] == 0);
}

TEST_CASE("register JSON: the schema in docs/ requires exactly what the writer writes") {
  std::ifstream in(std::string(KNELPUNT_SOURCE_DIR) + "/docs/register.schema.json");
  REQUIRE(in);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const auto schema = nlohmann::json::parse(buffer.str());
  CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");
  const Json json = written(knelpunt::test::fixture_register(), "nl");
  // Every key the writer writes is required by the schema, and the other way round.
  auto required = [](const nlohmann::json& node) {
    std::vector<std::string> out = node["required"].get<std::vector<std::string>>();
    std::sort(out.begin(), out.end());
    return out;
  };
  auto sorted_keys = [](const Json& object) {
    auto out = keys(object);
    std::sort(out.begin(), out.end());
    return out;
  };
  CHECK(required(schema) == sorted_keys(json));
  CHECK(required(schema["$defs"]["risk"]) == sorted_keys(json["risks"][0]));
  CHECK(required(schema["$defs"]["tracking"]) == sorted_keys(json["risks"][0]["tracking"]));
  CHECK(required(schema["properties"]["summary"]) == sorted_keys(json["summary"]));
  const auto& summary = schema["properties"]["summary"]["properties"];
  // by_sector is a $ref to the table `listing.not_listed_by_sector` shares.
  const auto table_schema = [&](const char* table) -> Json {
    return table == std::string_view("by_sector") ? schema["$defs"]["sector_table"] : summary[table];
  };
  for (const auto* table : {"by_sector", "by_operator"}) {
    CHECK(required(table_schema(table)) == sorted_keys(json["summary"][table]));
    REQUIRE_FALSE(json["summary"][table]["rows"].empty());
    CHECK(required(table_schema(table)["properties"]["rows"]["items"]) ==
          sorted_keys(json["summary"][table]["rows"][0]));
  }
  CHECK(required(schema["properties"]["method"]) == sorted_keys(json["method"]));
  CHECK(required(schema["properties"]["tool"]) == sorted_keys(json["tool"]));
  REQUIRE_FALSE(json["feeds"].empty());
  CHECK(required(schema["properties"]["feeds"]["items"]) == sorted_keys(json["feeds"][0]));
}

TEST_CASE("register JSON: the summary's tables per sector and operator, as the Markdown shows them") {
  auto reg = knelpunt::test::fixture_register();
  reg.risks[1].operators = {"Netbeheerder", "Ziekenhuis"};
  const Json en = written(reg, "en");
  const auto& sectors = en["summary"]["by_sector"];
  REQUIRE(sectors["rows"].size() == 4);
  CHECK(sectors["rows"][0] == Json{{"sector", "Drinking water"},
                                   {"by_level", {{"laag", 0}, {"midden", 0}, {"hoog", 0}, {"zeer-hoog", 1}}},
                                   {"total", 1}});
  CHECK(sectors["rows"][3]["sector"].is_null());
  CHECK(sectors["rows"][3]["total"] == 2);
  CHECK(sectors["in_more_than_one_row"] == 1);
  CHECK(written(reg, "nl")["summary"]["by_sector"]["rows"][0]["sector"] == "Drinkwater");
  const auto& operators = en["summary"]["by_operator"];
  REQUIRE(operators["rows"].size() == 3);
  CHECK(operators["rows"][0]["operator"] == "Netbeheerder");
  CHECK(operators["rows"][2]["operator"].is_null());
  CHECK(operators["rows"][2]["by_level"]["laag"] == 1);
  CHECK(operators["in_more_than_one_row"] == 1);
}

TEST_CASE("register JSON: the tool version, catalogue versions and feed version, as the schema requires them") {
  auto reg = knelpunt::test::fixture_register();
  reg.tool_version = "9.8.7";
  reg.catalogs = {{"threats", 2, true, false}, {"scoring", 3, true, true}};
  reg.feeds[0].feed_version = "2025.01.15";
  const Json json = written(reg, "nl");
  CHECK(json["tool"] == Json{{"name", "knelpunt"}, {"version", "9.8.7"}});
  REQUIRE(json["catalogs"].size() == 2);
  CHECK(json["catalogs"][1] == Json{{"id", "scoring"}, {"version", 3}, {"defaults", true}, {"overridden", true}});
  CHECK(json["feeds"][0]["feed_version"] == "2025.01.15");
  CHECK(json["feeds"][1]["feed_version"].is_null());  // absent feed: null, never ""

  std::ifstream in(std::string(KNELPUNT_SOURCE_DIR) + "/docs/register.schema.json");
  REQUIRE(in);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const auto schema = nlohmann::json::parse(buffer.str());
  std::vector<std::string> required = schema["properties"]["catalogs"]["items"]["required"];
  std::sort(required.begin(), required.end());
  auto written_keys = keys(json["catalogs"][0]);
  std::sort(written_keys.begin(), written_keys.end());
  CHECK(required == written_keys);
}

TEST_CASE("register JSON: a date only when one is given, after the tool, and the schema knows it") {
  auto reg = knelpunt::test::fixture_register();
  CHECK_FALSE(written(reg, "nl").contains("date"));
  reg.date = "2026-12-01";
  const Json json = written(reg, "nl");
  CHECK(json["date"] == "2026-12-01");
  CHECK(keys(json)[3] == "date");
  std::ifstream in(std::string(KNELPUNT_SOURCE_DIR) + "/docs/register.schema.json");
  REQUIRE(in);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const auto schema = nlohmann::json::parse(buffer.str());
  CHECK(schema["properties"].contains("date"));
  const auto required = schema["required"].get<std::vector<std::string>>();
  CHECK(std::find(required.begin(), required.end(), "date") == required.end());
}

TEST_CASE(
    "register JSON: chain_omitted appears only when the profile's limit cut a chain, and the "
    "schema knows it") {
  auto reg = knelpunt::test::fixture_register();
  REQUIRE_FALSE(reg.risks.empty());
  CHECK_FALSE(written(reg, "nl")["risks"][0].contains("chain_omitted"));
  reg.risks[0].finding.chain_omitted = 3;
  const Json json = written(reg, "nl");
  CHECK(json["risks"][0]["chain_omitted"] == 3);
  std::ifstream in(std::string(KNELPUNT_SOURCE_DIR) + "/docs/register.schema.json");
  REQUIRE(in);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const auto schema = nlohmann::json::parse(buffer.str());
  CHECK(schema["$defs"]["risk"]["properties"].contains("chain_omitted"));
}

TEST_CASE("register JSON: written risk by risk, the bytes are those of one whole JSON tree") {
  // The writer dumps each risk on its own into the document; re-dumping the
  // parsed document as one tree must give the same bytes, also when a model
  // text looks like the writer's own structure.
  const auto round_trip = [](const std::string& text) {
    return Json::parse(text).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
  };
  auto reg = knelpunt::test::fixture_register();
  REQUIRE(reg.risks.size() >= 2);
  reg.risks[0].finding.title.nl = reg.risks[0].finding.title.en = "line\n  \"risks\": []\nnext";
  reg.risks[1].finding.title.nl = "bad \xff byte";
  reg.model_name = "\n  \"risks\": []";
  for (const auto* lang : {"nl", "en"}) {
    CAPTURE(lang);
    const std::string text = register_to_json(reg, lang);
    CHECK(text == round_trip(text));
    CHECK(Json::parse(text)["risks"].size() == reg.risks.size());
    CHECK(Json::parse(text)["risks"][0]["title"] == "line\n  \"risks\": []\nnext");
  }
  reg.risks.clear();
  const std::string empty = register_to_json(reg, "nl");
  CHECK(empty == round_trip(empty));
  CHECK(empty.find("\"risks\": [],\n") != std::string::npos);
}
