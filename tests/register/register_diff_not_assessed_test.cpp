// An entry listed before and gone now is resolved only when every analysis
// that found it ran again (register_diff.hpp, docs/register.md "Comparing
// registers"): a profile without an assessor must not make its entries look solved.

#include <doctest/doctest.h>

#include "register/register_diff.hpp"
#include "register/register_document.hpp"

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
