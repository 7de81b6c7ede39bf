#include <algorithm>

#include <doctest/doctest.h>

#include "register/register_diff.hpp"
#include "register/register_document.hpp"

using knelpunt::risk_register::diff_registers;
using knelpunt::risk_register::gate_new_risks;
using knelpunt::risk_register::RegisterDocument;
using knelpunt::risk_register::RegisterEntry;

namespace {

/// A register with the four levels of nvp-5x5 and no risks.
RegisterDocument empty_register(const std::string& file) {
  RegisterDocument doc;
  doc.file = file;
  doc.lang = "nl";
  doc.levels = {{"laag", "laag"}, {"midden", "midden"}, {"hoog", "hoog"}, {"zeer-hoog", "zeer hoog"}};
  return doc;
}

/// A risk at level `level` (rank from the levels above), open unless `status` says otherwise.
RegisterEntry risk(const std::string& id, const std::string& level, const std::string& status = "unchecked") {
  static const std::vector<std::string> ranks = {"laag", "midden", "hoog", "zeer-hoog"};
  RegisterEntry entry;
  entry.id = id;
  entry.title = "Titel van " + id;
  entry.level = level;
  entry.level_name = level == "zeer-hoog" ? "zeer hoog" : level;
  entry.level_rank = static_cast<int>(std::find(ranks.begin(), ranks.end(), level) - ranks.begin());
  entry.likelihood = "C";
  entry.impact = "C";
  entry.status = status;
  return entry;
}

std::vector<std::string> tripped_ids(const knelpunt::risk_register::DiffGate& gate) {
  std::vector<std::string> ids;
  for (const auto& entry : gate.tripped) ids.push_back(entry.id);
  return ids;
}

}  // namespace

TEST_CASE("diff gate: a new open risk at or above the level trips it, one below does not") {
  auto old_register = empty_register("old.json");
  old_register.risks = {risk("KP-A", "midden")};
  auto new_register = empty_register("new.json");
  new_register.risks = {risk("KP-A", "midden"), risk("KP-HIGH", "hoog"), risk("KP-LOW", "midden"),
                        risk("KP-TOP", "zeer-hoog")};
  const auto diff = diff_registers(old_register, new_register);

  const auto gate = gate_new_risks(diff, new_register.levels, "hoog");
  CHECK(gate.problem.empty());
  CHECK(gate.level_rank == 2);
  CHECK(gate.failed());
  // Highest level first, as diff.added orders them.
  CHECK(tripped_ids(gate) == std::vector<std::string>{"KP-TOP", "KP-HIGH"});
  CHECK(gate.tripped[0].old_level.empty());
  CHECK(gate.tripped[0].new_level == "zeer-hoog");
  CHECK(gate.tripped[0].new_level_name == "zeer hoog");
  CHECK(gate.tripped[0].title == "Titel van KP-TOP");

  CHECK_FALSE(gate_new_risks(diff, new_register.levels, "zeer-hoog").tripped.empty());
  CHECK(tripped_ids(gate_new_risks(diff, new_register.levels, "zeer-hoog")) == std::vector<std::string>{"KP-TOP"});
}

TEST_CASE("diff gate: a risk raised to the level trips it with old and new level; lowered or same does not") {
  auto old_register = empty_register("old.json");
  old_register.risks = {risk("KP-UP", "midden"), risk("KP-DOWN", "zeer-hoog"), risk("KP-SAME", "hoog"),
                        risk("KP-UP-LOW", "laag")};
  auto new_register = empty_register("new.json");
  auto same = risk("KP-SAME", "hoog");
  same.title = "Andere titel";  // changed, but not in level
  new_register.risks = {risk("KP-UP", "hoog"), risk("KP-DOWN", "hoog"), same, risk("KP-UP-LOW", "midden")};
  const auto diff = diff_registers(old_register, new_register);
  REQUIRE(diff.changed.size() == 4);

  const auto gate = gate_new_risks(diff, new_register.levels, "hoog");
  REQUIRE(tripped_ids(gate) == std::vector<std::string>{"KP-UP"});
  CHECK(gate.tripped[0].old_level == "midden");
  CHECK(gate.tripped[0].new_level == "hoog");
}

TEST_CASE("diff gate: a measure that lowers risks but adds a new open one still fails") {
  auto old_register = empty_register("old.json");
  old_register.risks = {risk("KP-SCADA", "zeer-hoog"), risk("KP-PUMP", "hoog")};
  auto new_register = empty_register("new.json");
  // The measure lowers both risks and brings a generator with a risk of its own.
  new_register.risks = {risk("KP-SCADA", "midden"), risk("KP-PUMP", "laag"), risk("KP-GENERATOR", "hoog")};
  const auto diff = diff_registers(old_register, new_register);
  CHECK(tripped_ids(gate_new_risks(diff, new_register.levels, "hoog")) == std::vector<std::string>{"KP-GENERATOR"});
  // Without the new risk the gate passes, although risks changed.
  new_register.risks.pop_back();
  const auto lowered = diff_registers(old_register, new_register);
  CHECK_FALSE(lowered.empty());
  CHECK_FALSE(gate_new_risks(lowered, new_register.levels, "hoog").failed());
}

TEST_CASE("diff gate: accepted, mitigated and false-positive risks do not trip it; in treatment does") {
  const auto old_register = empty_register("old.json");
  auto new_register = empty_register("new.json");
  new_register.risks = {risk("KP-ACC", "hoog", "accepted"), risk("KP-MIT", "hoog", "mitigated"),
                        risk("KP-FP", "hoog", "false-positive"), risk("KP-TREAT", "hoog", "in-treatment")};
  const auto diff = diff_registers(old_register, new_register);
  CHECK(tripped_ids(gate_new_risks(diff, new_register.levels, "hoog")) == std::vector<std::string>{"KP-TREAT"});
}

TEST_CASE("diff gate: an unknown level is a problem listing the levels, with a did-you-mean") {
  const auto old_register = empty_register("old.json");
  auto new_register = empty_register("new.json");
  new_register.risks = {risk("KP-TOP", "zeer-hoog")};
  const auto diff = diff_registers(old_register, new_register);
  const auto gate = gate_new_risks(diff, new_register.levels, "hooog");
  CHECK_FALSE(gate.level_rank.has_value());
  CHECK_FALSE(gate.failed());
  CHECK(gate.problem ==
        "'hooog' is not a level of the risk diagram of new.json (did you mean 'hoog'?); expected one of laag, midden, "
        "hoog, zeer-hoog");
}

TEST_CASE("diff gate: an entry that replaces old entries continues them; it trips only when raised above all") {
  auto old_register = empty_register("old.json");
  // Two findings of one asset that became one knelpunt (decision 015), and a
  // co-located entry now under its event's id (decision 058).
  old_register.risks = {risk("KP-SPOF-1", "hoog"), risk("KP-CTRL-1", "midden"), risk("KP-GEO-old", "hoog"),
                        risk("KP-GEO-up", "midden")};
  auto new_register = empty_register("new.json");
  auto knelpunt = risk("KP-KNP-1", "hoog");
  knelpunt.replaces = {"KP-CTRL-1", "KP-SPOF-1"};
  auto event = risk("KP-GEO-new", "hoog");
  event.replaces = {"KP-GEO-old"};
  auto raised = risk("KP-GEO-raised", "zeer-hoog");
  raised.replaces = {"KP-GEO-up"};
  auto fresh = risk("KP-GEO-fresh", "hoog");
  fresh.replaces = {"KP-GEO-never"};  // replaces nothing the old register had: added
  new_register.risks = {knelpunt, event, raised, fresh};
  const auto diff = diff_registers(old_register, new_register);

  REQUIRE(diff.added.size() == 1);
  CHECK(diff.added[0].id == "KP-GEO-fresh");
  REQUIRE(diff.successors.size() == 3);
  CHECK(diff.successors[0].entry.id == "KP-GEO-raised");
  CHECK(diff.successors[0].highest.id == "KP-GEO-up");
  CHECK(diff.successors[2].entry.id == "KP-KNP-1");
  CHECK(diff.successors[2].highest.id == "KP-SPOF-1");  // the highest it replaces
  REQUIRE(diff.merged.size() == 4);
  CHECK(diff.resolved.empty());
  for (const auto& merged : diff.merged) CHECK_FALSE(merged.now_level_name.empty());

  const auto gate = gate_new_risks(diff, new_register.levels, "hoog");
  CHECK(tripped_ids(gate) == std::vector<std::string>{"KP-GEO-fresh", "KP-GEO-raised"});
  CHECK(gate.tripped[1].old_level == "midden");
  CHECK(gate.tripped[1].new_level == "zeer-hoog");
}
