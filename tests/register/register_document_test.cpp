#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "register/register_document.hpp"
#include "register/register_fixture.hpp"
#include "register/register_json_writer.hpp"

using knelpunt::risk_register::read_register_document;
using knelpunt::risk_register::register_to_json;

namespace {

std::string fixture_json(std::string_view lang = "nl") {
  return register_to_json(knelpunt::test::fixture_register(), lang);
}

/// The fixture's JSON with one edit applied, for crafting bad documents.
template <typename Edit>
std::string edited(Edit edit) {
  auto json = nlohmann::ordered_json::parse(fixture_json());
  edit(json);
  return json.dump(2);
}

/// The only problem of reading `text`; fails the test when there is not exactly one.
knelpunt::model::Diagnostic only_problem(const std::string& text) {
  auto result = read_register_document(text, "reg.json");
  CHECK_FALSE(result.document.has_value());
  REQUIRE(result.problems.items().size() == 1);
  CHECK(result.problems.items()[0].severity == knelpunt::model::Severity::error);
  return result.problems.items()[0];
}

bool starts_with(const std::string& text, std::string_view head) { return text.rfind(head, 0) == 0; }

}  // namespace

TEST_CASE("register document: what the JSON writer writes reads back") {
  auto result = read_register_document(fixture_json(), "old.json");
  REQUIRE(result.problems.items().empty());
  REQUIRE(result.document.has_value());
  const auto& doc = *result.document;
  CHECK(doc.file == "old.json");
  CHECK(doc.lang == "nl");
  CHECK(doc.model_name == "Dordrecht");
  REQUIRE(doc.levels.size() == 4);
  CHECK(doc.levels[3].id == "zeer-hoog");
  CHECK(doc.levels[3].name == "zeer hoog");
  REQUIRE(doc.risks.size() == 4);
  const auto& scenario = doc.risks[0];
  CHECK(scenario.id == "KP-SCEN-a1b2c3");
  CHECK(scenario.title == knelpunt::test::kNastyTitleNl);
  CHECK(scenario.level == "zeer-hoog");
  CHECK(scenario.level_name == "zeer hoog");
  CHECK(scenario.level_rank == 3);
  CHECK(scenario.likelihood == "E");
  CHECK(scenario.impact == "D");
  CHECK(scenario.assessor == "scenario");
  CHECK(scenario.kind == "scenario-cascade");
  CHECK(scenario.assets == std::vector<std::string>{"wb-pomp-oost"});
  CHECK(scenario.affected == 3);
  CHECK(scenario.measures == std::vector<std::string>{"bio-12.3"});
  CHECK(scenario.status == "in-treatment");
  CHECK(scenario.owner == "Team OT; Evides");
  const auto& geo = doc.risks[3];
  CHECK(geo.level_rank == 0);
  CHECK(geo.impact.empty());
  CHECK(geo.owner.empty());
  CHECK(geo.affected == 0);

  auto english = read_register_document(fixture_json("en"), "en.json");
  REQUIRE(english.document.has_value());
  CHECK(english.document->lang == "en");
  CHECK(english.document->risks[0].level_name == "very high");
}

TEST_CASE("register document: not JSON gives the line and column") {
  const auto problem = only_problem("{\n  \"format\": \"knelpunt-register/1\",\n  \"risks\": [,]\n}\n");
  CHECK(problem.where.line == 3);
  CHECK(problem.where.column == 13);
  CHECK(starts_with(problem.message, "not valid JSON"));
  CHECK(starts_with(problem.to_string(), "reg.json:3:13: error: not valid JSON"));
  CHECK(problem.message.find("; expected a register written by") != std::string::npos);
  CHECK(starts_with(only_problem("").message, "not valid JSON"));
  CHECK(starts_with(only_problem("\xff\xfe binary").message, "not valid JSON"));
}

TEST_CASE("register document: deep nesting is refused before parsing") {
  const std::string deep = std::string(100000, '[') + std::string(100000, ']');
  const auto problem = only_problem(deep);
  CHECK(problem.message.find("nested more than") != std::string::npos);
  CHECK(problem.where.line == 1);
  // Brackets inside strings do not count.
  const std::string in_string = "{\"format\": \"" + std::string(1000, '[') + "\"}";
  CHECK(only_problem(in_string).where.pointer == "/format");
}

TEST_CASE("register document: another kind of JSON is not a register") {
  auto array = only_problem("[1, 2]");
  CHECK(array.where.pointer.empty());
  CHECK(array.to_string() ==
        "reg.json: error: the document is an array; expected a JSON object with \"format\": \"knelpunt-register/1\"");
  auto missing = only_problem(R"({"format_version": 1})");
  CHECK(missing.to_string() == "reg.json#/format: error: missing: this is not a knelpunt register; expected "
                               "\"format\": \"knelpunt-register/1\"");
  auto cascade = only_problem(R"({"format": "knelpunt-cascade/1", "events": []})");
  CHECK(cascade.to_string() == "reg.json#/format: error: is \"knelpunt-cascade/1\"; expected \"knelpunt-register/1\"");
  auto number = only_problem(R"({"format": 1})");
  CHECK(starts_with(number.message, "is a number;"));
}

TEST_CASE("register document: each bad field is named by its JSON pointer") {
  auto level = only_problem(edited([](auto& j) { j["risks"][2]["level"]["id"] = "extreem"; }));
  CHECK(level.where.pointer == "/risks/2/level/id");
  CHECK(level.message.find("; expected one of laag, midden, hoog, zeer-hoog") != std::string::npos);

  auto likelihood = only_problem(edited([](auto& j) { j["risks"][0]["likelihood"]["class"] = "F"; }));
  CHECK(likelihood.to_string() == "reg.json#/risks/0/likelihood/class: error: is \"F\"; expected a class letter A–E");

  auto impact = only_problem(edited([](auto& j) { j["risks"][1]["impact"]["class"] = 3; }));
  CHECK(impact.where.pointer == "/risks/1/impact/class");
  CHECK(impact.message == "is a number; expected a class letter A–E or null");

  auto id = only_problem(edited([](auto& j) { j["risks"][1].erase("id"); }));
  CHECK(id.to_string() == "reg.json#/risks/1/id: error: missing; expected a non-empty string");

  auto empty_id = only_problem(edited([](auto& j) { j["risks"][1]["id"] = ""; }));
  CHECK(empty_id.message == "is empty; expected a non-empty string");

  auto duplicate = only_problem(edited([](auto& j) { j["risks"][2]["id"] = "KP-SCEN-a1b2c3"; }));
  CHECK(duplicate.where.pointer == "/risks/2/id");
  CHECK(starts_with(duplicate.message, "repeats risk id 'KP-SCEN-a1b2c3';"));

  auto assets = only_problem(edited([](auto& j) { j["risks"][0]["assets"][0] = 7; }));
  CHECK(assets.where.pointer == "/risks/0/assets/0");

  auto risks = only_problem(edited([](auto& j) { j["risks"] = "none"; }));
  CHECK(risks.to_string() == "reg.json#/risks: error: is a string; expected an array of risks");

  auto status = only_problem(edited([](auto& j) { j["risks"][3]["tracking"].erase("status"); }));
  CHECK(status.where.pointer == "/risks/3/tracking/status");

  auto levels = only_problem(edited([](auto& j) { j["method"]["risk_diagram"].erase("levels"); }));
  CHECK(levels.where.pointer == "/method/risk_diagram/levels");

  auto measure = only_problem(edited([](auto& j) { j["risks"][0]["measures"][0] = "bio-12.3"; }));
  CHECK(measure.where.pointer == "/risks/0/measures/0");
  CHECK(measure.message.find("; expected an object {id, name}") != std::string::npos);
}

TEST_CASE("register document: all problems are reported, up to the cap") {
  auto two = read_register_document(edited([](auto& j) {
                                      j["risks"][0]["kind"] = nullptr;
                                      j["risks"][3]["level"] = "laag";
                                    }),
                                    "reg.json");
  REQUIRE(two.problems.items().size() == 2);
  CHECK(two.problems.items()[0].where.pointer == "/risks/0/kind");
  CHECK(two.problems.items()[1].where.pointer == "/risks/3/level");

  auto many = read_register_document(edited([](auto& j) {
                                       for (int i = 0; i < 50; ++i) j["risks"].push_back(i);
                                     }),
                                     "reg.json");
  CHECK(many.problems.items().size() == knelpunt::risk_register::kMaxDocumentProblems);
  CHECK_FALSE(many.document.has_value());
}

TEST_CASE("register document: unknown keys are ignored, lang defaults to nl") {
  auto result = read_register_document(edited([](auto& j) {
                                         j["extra"] = {1, 2};
                                         j["risks"][0]["new_field"] = true;
                                         j.erase("lang");
                                       }),
                                       "reg.json");
  REQUIRE(result.document.has_value());
  CHECK(result.document->lang == "nl");
  CHECK(result.document->risks.size() == 4);
}

// docs/security.md: the reader keeps of each risk only what it reads, as the
// parser completes it; what it reads must come out the same, problems included.
TEST_CASE("register document: risks read the same without the parts the reader drops") {
  const auto full = read_register_document(fixture_json(), "reg.json");
  const auto lean = read_register_document(edited([](auto& j) {
                                             for (auto& risk : j["risks"]) {
                                               for (const char* key : {"description", "evidence", "chain", "timeline"})
                                                 risk.erase(key);
                                               risk["impact"].erase("criteria");
                                             }
                                           }),
                                           "reg.json");
  REQUIRE(full.document);
  REQUIRE(lean.document);
  REQUIRE(full.document->risks.size() == lean.document->risks.size());
  for (std::size_t i = 0; i < full.document->risks.size(); ++i) {
    const auto& a = full.document->risks[i];
    const auto& b = lean.document->risks[i];
    CHECK(a.id == b.id);
    CHECK(a.title == b.title);
    CHECK(a.level == b.level);
    CHECK(a.level_rank == b.level_rank);
    CHECK(a.likelihood == b.likelihood);
    CHECK(a.impact == b.impact);
    CHECK(a.assets == b.assets);
    CHECK(a.affected == b.affected);
    CHECK(a.measures == b.measures);
    CHECK(a.status == b.status);
    CHECK(a.analyses == b.analyses);
  }
  // A field it reads, inside an object it trims, still names its pointer.
  const auto problem = only_problem(edited([](auto& j) {
    j["risks"][1]["impact"]["class"] = "Z";
    j["risks"][1]["impact"]["criteria"] = nlohmann::ordered_json::array({1, 2, 3});
  }));
  CHECK(problem.to_string().find("#/risks/1/impact/class") != std::string::npos);
}
