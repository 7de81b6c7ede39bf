// An entry listed before and gone now is resolved only when every analysis
// that found it ran again (register_diff.hpp, docs/register.md "Comparing
// registers"): a profile without an assessor must not make its entries look solved.

#include <doctest/doctest.h>

#include "register/register_diff.hpp"
#include "register/register_document.hpp"

#include <map>

using knelpunt::risk_register::diff_registers;
using knelpunt::risk_register::read_register_document;
using knelpunt::risk_register::RegisterDocument;
using knelpunt::risk_register::RegisterEntry;

namespace {

RegisterDocument with_levels(const std::string& file) {
  RegisterDocument doc;
  doc.file = file;
  doc.levels = {{"laag", "laag"}, {"midden", "midden"}, {"hoog", "hoog"}};
  return doc;
}

RegisterEntry found_by(const std::string& id, std::vector<std::string> analyses, int rank = 1) {
  RegisterEntry entry;
  entry.id = id;
  entry.title = "Titel van " + id;
  entry.level = rank == 2 ? "hoog" : "midden";
  entry.level_rank = rank;
  entry.assessor = analyses.size() == 1 ? analyses.front() : "knelpunt";
  entry.analyses = std::move(analyses);
  entry.status = "unchecked";
  return entry;
}

}  // namespace

TEST_CASE("diff: gone because its analysis did not run is not re-examined, not resolved") {
  auto old_register = with_levels("old.json");
  old_register.risks = {found_by("KP-CYBER", {"cyber-exposure"}), found_by("KP-SPOF", {"single-point"}),
                        found_by("KP-KNP", {"cyber-exposure", "single-point"}, 2)};
  auto new_register = with_levels("new.json");
  new_register.assessors = std::vector<std::string>{"cascade-reach", "single-point"};

  const auto diff = diff_registers(old_register, new_register);
  // single-point ran and no longer finds KP-SPOF: resolved.
  REQUIRE(diff.resolved.size() == 1);
  CHECK(diff.resolved[0].id == "KP-SPOF");
  // cyber-exposure did not run: its entry, and the knelpunt it shared with
  // single-point, are not re-examined; highest level first.
  REQUIRE(diff.not_assessed.size() == 2);
  CHECK(diff.not_assessed[0].previous.id == "KP-KNP");
  CHECK(diff.not_assessed[0].missing == std::vector<std::string>{"cyber-exposure"});
  CHECK(diff.not_assessed[1].previous.id == "KP-CYBER");
  CHECK_FALSE(diff.empty());
}

TEST_CASE("diff: a newer register that does not say which assessors ran resolves as before") {
  auto old_register = with_levels("old.json");
  old_register.risks = {found_by("KP-CYBER", {"cyber-exposure"})};
  const auto diff = diff_registers(old_register, with_levels("new.json"));
  CHECK(diff.not_assessed.empty());
  REQUIRE(diff.resolved.size() == 1);
}

TEST_CASE("diff: a changed entry names the analyses of the old one that did not run") {
  auto old_register = with_levels("old.json");
  old_register.risks = {found_by("KP-KNP", {"cyber-exposure", "missing-controls", "single-point"}, 2)};
  auto new_register = with_levels("new.json");
  new_register.assessors = std::vector<std::string>{"single-point"};
  new_register.risks = {found_by("KP-KNP", {"single-point"}, 1)};
  const auto diff = diff_registers(old_register, new_register);
  REQUIRE(diff.changed.size() == 1);
  CHECK(diff.changed[0].analyses_not_run == std::vector<std::string>{"cyber-exposure", "missing-controls"});
}

TEST_CASE("register reader: `assessors` sorted, `analyses` per risk, the assessor alone when it has none") {
  const std::string json = R"({"format": "knelpunt-register/1",
    "method": {"risk_diagram": {"levels": [{"id": "laag", "name": "laag"}]}},
    "assessors": ["single-point", "cascade-reach"],
    "risks": [
      {"id": "KP-1", "title": "a", "assessor": "knelpunt", "kind": "knelpunt", "analyses": ["single-point", "cyber-exposure"],
       "level": {"id": "laag"}, "likelihood": {"class": "A"}, "impact": {"class": null},
       "assets": [], "affected": [], "measures": [], "tracking": {"status": "unchecked"}},
      {"id": "KP-2", "title": "b", "assessor": "scenario", "kind": "scenario",
       "level": {"id": "laag"}, "likelihood": {"class": "A"}, "impact": {"class": null},
       "assets": [], "affected": [], "measures": [], "tracking": {"status": "unchecked"}}]})";
  const auto read = read_register_document(json, "r.json");
  REQUIRE(read.document);
  REQUIRE(read.document->assessors);
  CHECK(*read.document->assessors == std::vector<std::string>{"cascade-reach", "single-point"});
  CHECK(read.document->risks[0].analyses == std::vector<std::string>{"single-point", "cyber-exposure"});
  CHECK(read.document->risks[1].analyses == std::vector<std::string>{"scenario"});
}

// Decision 030 (amended 2026-12-03): an analysis that ran again with other
// options or another horizon did not look for the same things.
namespace {
using knelpunt::risk_register::AnalysisSettings;

AnalysisSettings ran_with(std::map<std::string, std::string> options, std::string horizon_h = "72") {
  return AnalysisSettings{std::move(options), std::move(horizon_h)};
}
}  // namespace

TEST_CASE("diff: gone after its analysis ran with other options or horizon is not re-examined") {
  auto old_register = with_levels("old.json");
  old_register.risks = {found_by("KP-PAIR", {"single-point"}), found_by("KP-REACH", {"cascade-reach"}),
                        found_by("KP-GEO", {"geographic"})};
  old_register.analysis_settings = {{"single-point", ran_with({{"max_order", "2"}, {"min_vital", "1"}})},
                                    {"cascade-reach", ran_with({{"top", "20"}})},
                                    {"geographic", ran_with({{"radius", "500.0"}})}};
  auto new_register = with_levels("new.json");
  new_register.assessors = std::vector<std::string>{"cascade-reach", "geographic", "single-point"};
  new_register.analysis_settings = {{"single-point", ran_with({{"max_order", "1"}, {"min_vital", "1"}})},
                                    {"cascade-reach", ran_with({{"top", "20"}}, "24")},
                                    {"geographic", ran_with({{"radius", "500.0"}})}};

  const auto diff = diff_registers(old_register, new_register);
  // geographic ran as before and no longer finds KP-GEO: resolved.
  REQUIRE(diff.resolved.size() == 1);
  CHECK(diff.resolved[0].id == "KP-GEO");
  REQUIRE(diff.not_assessed.size() == 2);
  CHECK(diff.not_assessed[0].previous.id == "KP-PAIR");
  CHECK(diff.not_assessed[0].missing.empty());
  REQUIRE(diff.not_assessed[0].changed.size() == 1);
  CHECK(diff.not_assessed[0].changed[0].assessor == "single-point");
  REQUIRE(diff.not_assessed[0].changed[0].settings.size() == 1);
  CHECK(diff.not_assessed[0].changed[0].settings[0].field == "max_order");
  CHECK(diff.not_assessed[0].changed[0].settings[0].old_value == "2");
  CHECK(diff.not_assessed[0].changed[0].settings[0].new_value == "1");
  CHECK(diff.not_assessed[1].previous.id == "KP-REACH");
  REQUIRE(diff.not_assessed[1].changed.size() == 1);
  CHECK(diff.not_assessed[1].changed[0].settings[0].field == "horizon");

  using knelpunt::risk_register::analyses_not_repeated;
  CHECK(analyses_not_repeated(diff.not_assessed[0].missing, diff.not_assessed[0].changed, "nl") ==
        "anders uitgevoerd: enkelvoudig faalpunt (grootste combinatie 2 → 1)");
  CHECK(analyses_not_repeated(diff.not_assessed[1].missing, diff.not_assessed[1].changed, "en") ==
        "run otherwise: far-reaching loss (horizon 72h → 24h)");
  CHECK(analyses_not_repeated({"cyber-exposure"}, diff.not_assessed[1].changed, "nl") ==
        "niet uitgevoerd: cyberblootstelling; anders uitgevoerd: verreikende uitval (horizon 3 dagen → 24 uur)");
}

TEST_CASE("diff: options compared only where both registers record them; a changed entry names them") {
  auto old_register = with_levels("old.json");
  old_register.risks = {found_by("KP-PAIR", {"single-point"}), found_by("KP-SPOF", {"single-point"}, 2)};
  // OLD written before options were recorded: only its horizon is known.
  old_register.analysis_settings = {{"single-point", AnalysisSettings{std::nullopt, "72"}}};
  auto new_register = with_levels("new.json");
  new_register.assessors = std::vector<std::string>{"single-point"};
  new_register.analysis_settings = {{"single-point", ran_with({{"max_order", "1"}})}};
  new_register.risks = {found_by("KP-SPOF", {"single-point"}, 1)};
  auto diff = diff_registers(old_register, new_register);
  CHECK(diff.not_assessed.empty());
  REQUIRE(diff.resolved.size() == 1);
  REQUIRE(diff.changed.size() == 1);
  CHECK(diff.changed[0].analyses_changed.empty());

  // The same values written otherwise (72 or 72.0) are the same settings.
  old_register.analysis_settings = {{"single-point", ran_with({{"max_order", "1.0"}}, "72.0")}};
  diff = diff_registers(old_register, new_register);
  CHECK(diff.not_assessed.empty());
  CHECK(diff.changed[0].analyses_changed.empty());

  old_register.analysis_settings = {{"single-point", ran_with({{"max_order", "2"}})}};
  diff = diff_registers(old_register, new_register);
  CHECK(diff.resolved.empty());
  REQUIRE(diff.not_assessed.size() == 1);
  REQUIRE(diff.changed.size() == 1);
  REQUIRE(diff.changed[0].analyses_changed.size() == 1);
  CHECK(diff.changed[0].analyses_changed[0].settings[0].field == "max_order");
}

TEST_CASE("register reader: `assessor_options` and `horizons` per assessor; a malformed options block is a problem") {
  const std::string head = R"({"format": "knelpunt-register/1",
    "method": {"risk_diagram": {"levels": [{"id": "laag", "name": "laag"}]}},
    "assessors": ["single-point", "geographic"],
    "horizons": [{"assessor": "single-point", "horizon_h": 72, "source": "model"},
                 {"assessor": "geographic", "horizon_h": null, "source": "profile"}, 7],
    "risks": [], )";
  auto read = read_register_document(
      head + R"("assessor_options": {"single-point": {"max_order": 2, "min_vital": 1}, "geographic": {"threat": "flood"}}})",
      "r.json");
  REQUIRE(read.document);
  const auto& settings = read.document->analysis_settings;
  REQUIRE(settings.size() == 2);
  CHECK(settings.at("single-point").options == std::map<std::string, std::string>{{"max_order", "2"}, {"min_vital", "1"}});
  CHECK(settings.at("single-point").horizon_h == "72");
  CHECK(settings.at("geographic").options == std::map<std::string, std::string>{{"threat", "\"flood\""}});
  CHECK(settings.at("geographic").horizon_h == "null");

  read = read_register_document(head + R"("assessor_options": {"single-point": 2}})", "r.json");
  CHECK_FALSE(read.document);
  REQUIRE(read.problems.items().size() == 1);
  CHECK(read.problems.items()[0].to_string().find("/assessor_options/single-point") != std::string::npos);
}
