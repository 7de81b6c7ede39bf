#include "register/co_located_entries.hpp"

#include <doctest/doctest.h>

#include <algorithm>

#include "register/knelpunt_entries.hpp"
#include "register/risk_id.hpp"

namespace knelpunt {

namespace {

/// A co-located redundancy of `dependent` whose event takes down `event` in `where`.
assessors::Finding co_located(std::string dependent, std::vector<std::string> event,
                              std::string where, std::string threat = "flood") {
  assessors::Finding f;
  f.assessor = "geographic";
  f.kind = "co-located-redundancy";
  f.threat = std::move(threat);
  f.assets = event;
  f.assets.push_back(dependent);
  std::sort(f.assets.begin(), f.assets.end());
  f.title = {"Redundantie van " + dependent, "Redundancy of " + dependent};
  f.description = {dependent + " heeft 1 van 2 nodig.", dependent + " needs 1 of 2."};
  f.likelihood = {1, {"standaardklasse B", "default class B"}};
  f.affected = {"hospital", "pump"};
  f.impact = {{"5.3", 3, 90000, {"basis", "basis"}}};
  f.evidence = {{where + ": generator, substation", where + ": generator, substation"}};
  f.measures = {"flood-proofing", "measure-" + dependent};
  f.local_event = assessors::LocalEvent{event, {where, where}, dependent};
  return f;
}

model::Model site_model() {
  model::Model m;
  m.assets.resize(5);
  const char* ids[] = {"generator", "hospital", "pharmacy", "records", "substation"};
  for (std::size_t i = 0; i < 5; ++i) m.assets[i].id = ids[i];
  m.assets[1].name = "Ziekenhuis";
  m.reindex();
  return m;
}

}  // namespace

TEST_CASE(
    "co-located entries: the findings of one local event become one entry naming every dependent") {
  const std::vector<std::string> site{"generator", "substation"};
  std::vector<assessors::Finding> findings;
  findings.push_back(co_located("hospital", site, "zone site-zuid"));
  findings.push_back(co_located("records", {"generator", "substation"}, "zone site-zuid"));
  findings.push_back(
      co_located("pharmacy", site, "zone dijkring"));  // another place: its own event
  findings.push_back(co_located("pharmacy", {"generator"}, "zone site-zuid"));  // another event
  findings.push_back(co_located("records", site, "zone site-zuid", "storm"));   // another threat
  const auto old_ids = risk_register::assign_risk_ids(findings);

  CHECK(risk_register::local_event_key(findings[0]) == risk_register::local_event_key(findings[1]));
  CHECK(risk_register::local_event_key(findings[0]) != risk_register::local_event_key(findings[2]));
  CHECK(risk_register::local_event_key(findings[0]) != risk_register::local_event_key(findings[3]));
  CHECK(risk_register::local_event_key(findings[0]) != risk_register::local_event_key(findings[4]));
  assessors::Finding no_event = findings[0];
  no_event.local_event.reset();
  CHECK_FALSE(risk_register::local_event_key(no_event));

  const auto merged = risk_register::merge_knelpunten(findings, site_model());
  REQUIRE(merged.findings.size() == 4);
  const auto& shared = merged.findings[0];
  CHECK(shared.kind == "co-located-redundancy");
  CHECK(shared.assets ==
        std::vector<std::string>{"generator", "hospital", "records", "substation"});
  CHECK(shared.title.nl ==
        "Redundantie op één plek: generator en substation in zone site-zuid — voedingen van "
        "Ziekenhuis (hospital) "
        "en records");
  CHECK(shared.title.en ==
        "Co-located redundancy: generator and substation in zone site-zuid — suppliers of "
        "Ziekenhuis (hospital) "
        "and records");
  CHECK(shared.description.nl == "hospital heeft 1 van 2 nodig. records heeft 1 van 2 nodig.");
  // Each part's title is a key line; the evidence they share appears once.
  REQUIRE(shared.evidence.size() == 3);
  CHECK(shared.evidence[1].nl == "Redundantie van records");
  CHECK(merged.headlines[0] == std::vector<std::size_t>{0, 1});
  CHECK(shared.measures ==
        std::vector<std::string>{"flood-proofing", "measure-hospital", "measure-records"});
  CHECK(shared.impact == findings[0].impact);
  CHECK(shared.likelihood == findings[0].likelihood);
  // The entry is identified by its event (decision 058): the id each part
  // has on its own. A tracking entry of either part's or of the merged
  // entry's id before that (from their assets) finds it.
  CHECK(risk_register::risk_id(shared) == old_ids[0]);
  CHECK(old_ids[1] == old_ids[0]);
  std::vector<std::string> replaced{risk_register::risk_id_by_assets(findings[0]),
                                    risk_register::risk_id_by_assets(findings[1]),
                                    risk_register::risk_id_by_assets(shared)};
  std::sort(replaced.begin(), replaced.end());
  CHECK(merged.replaces[0] == replaced);
  CHECK(std::find(replaced.begin(), replaced.end(), old_ids[0]) == replaced.end());
  // The others are alone with their event and stay as they were, listing
  // the id they had before decision 058.
  CHECK(merged.findings[1] == findings[2]);
  CHECK(merged.findings[2] == findings[3]);
  CHECK(merged.findings[3] == findings[4]);
  CHECK(merged.replaces[1] == std::vector<std::string>{risk_register::risk_id_by_assets(findings[2])});
  CHECK(risk_register::risk_id(findings[2]) != risk_register::risk_id_by_assets(findings[2]));
  CHECK(old_ids[2] != old_ids[3]);  // another place, another event
  CHECK(old_ids[0] != old_ids[4]);  // another threat, another finding: its id tells it apart
}

TEST_CASE("co-located entries: an event's entry keeps its id when the assets it concerns change") {
  const std::vector<std::string> site{"generator", "substation"};
  const auto id_with = [&](const std::vector<std::string>& dependents) {
    std::vector<assessors::Finding> findings;
    for (const auto& dependent : dependents) findings.push_back(co_located(dependent, site, "zone site-zuid"));
    const auto merged = risk_register::merge_knelpunten(findings, site_model());
    REQUIRE(merged.findings.size() == 1);
    const auto ids = risk_register::assign_risk_ids(merged.findings);
    return ids[0];
  };
  const auto alone = id_with({"hospital"});
  CHECK(alone.rfind("KP-GEO-", 0) == 0);
  CHECK(id_with({"hospital", "records"}) == alone);
  CHECK(id_with({"pharmacy", "records", "hospital"}) == alone);
  CHECK(id_with({"records"}) == alone);
  // Where it strikes is part of what the event is.
  assessors::Finding elsewhere = co_located("hospital", site, "zone dijkring");
  CHECK(risk_register::risk_id(elsewhere) != alone);
}

TEST_CASE("co-located entries: the findings merged per event are those identified by their event") {
  // One predicate decides both (decision 058): an entry merged per event keeps the event's id.
  auto finding = co_located("hospital", {"generator", "substation"}, "zone site-zuid");
  CHECK(risk_register::identified_by_event(finding));
  CHECK(risk_register::local_event_key(finding));
  finding.local_event->assets.clear();  // an event that takes nothing down identifies nothing
  CHECK_FALSE(risk_register::identified_by_event(finding));
  CHECK_FALSE(risk_register::local_event_key(finding));
  auto pair = co_located("hospital", {"generator", "substation"}, "zone site-zuid");
  pair.kind = "common-cause";  // a critical pair with the same event: identified by its assets
  CHECK_FALSE(risk_register::identified_by_event(pair));
  CHECK_FALSE(risk_register::local_event_key(pair));
  CHECK(risk_register::risk_id(pair) == risk_register::risk_id_by_assets(pair));
}

TEST_CASE("co-located entries: a title names at most four dependents and counts the rest") {
  std::vector<const assessors::Finding*> parts;
  std::vector<assessors::Finding> findings;
  for (const char* dependent : {"a", "b", "c", "d", "e", "f"})
    findings.push_back(co_located(dependent, {"generator", "substation"}, "zone x"));
  for (const auto& f : findings) parts.push_back(&f);
  std::vector<std::size_t> headlines;
  const auto merged = risk_register::merge_co_located(site_model(), parts, headlines);
  CHECK(merged.title.nl ==
        "Redundantie op één plek: generator en substation in zone x — voedingen van a, b, c, d en "
        "2 andere");
  CHECK(merged.title.en ==
        "Co-located redundancy: generator and substation in zone x — suppliers of a, b, c, d and "
        "2 more");
  CHECK(headlines.size() == 6);
}

TEST_CASE("co-located entries: a local event that takes down exactly a critical pair joins the pair's entry") {
  assessors::Finding pair;
  pair.assessor = "single-point";
  pair.kind = "common-cause";
  pair.assets = {"generator", "substation"};
  pair.title = {"Kritiek paar: generator en substation samen — treft 1 vitaal object",
                "Critical pair: generator and substation together — takes down 1 vital asset"};
  pair.description = {"Samen vallen ze uit.", "Together they fail."};
  pair.likelihood = {0, {"p=0,03 × p=0,002", "p=0.03 × p=0.002"}};
  pair.threat = "technical-failure";
  pair.affected = {"generator", "hospital", "substation"};
  pair.impact = {{"5.3", 2, 40000, {"what the pair adds", "what the pair adds"}}};
  pair.evidence = {{"snedeverzameling: hospital", "cut set: hospital"}, {"telt wat ze toevoegen", "counts what they add"}};
  pair.measures = {"redundant-feed"};
  pair.brief = true;
  std::vector<assessors::Finding> findings{pair};
  findings.push_back(co_located("hospital", pair.assets, "zone site-zuid"));
  findings.push_back(co_located("records", pair.assets, "zone site-zuid"));
  findings.push_back(co_located("pharmacy", {"generator"}, "zone site-zuid"));  // not the pair's assets
  const auto old_ids = risk_register::assign_risk_ids(findings);
  // The id the two events had as one entry of their own (decision 054).
  const auto before = risk_register::merge_knelpunten({findings[1], findings[2]}, site_model());
  REQUIRE(before.findings.size() == 1);
  const auto event_entry_id = risk_register::risk_id_by_assets(before.findings[0]);
  CHECK(risk_register::risk_id(before.findings[0]) == old_ids[1]);  // decision 058: the event's id

  const auto merged = risk_register::merge_knelpunten(findings, site_model());
  REQUIRE(merged.findings.size() == 2);
  const auto& entry = merged.findings[0];
  // The pair's identity, cascade (still in brief: detailed as a pair) and impact.
  CHECK(risk_register::risk_id(entry) == old_ids[0]);
  CHECK(entry.kind == "common-cause");
  CHECK(entry.assets == pair.assets);
  CHECK(entry.brief);
  CHECK(entry.impact == pair.impact);
  CHECK(entry.affected == pair.affected);
  // The event's likelihood (class B) governs; the pair's (A) is listed.
  CHECK(entry.likelihood.likelihood_class == 1);
  CHECK(entry.threat == "flood");
  CHECK(entry.likelihood.rationale.nl ==
        "bepalend redundantie op één plek B: standaardklasse B; verder kritiek paar A: p=0,03 × p=0,002");
  CHECK(entry.title.nl == "Kritiek paar: generator en substation samen — treft 1 vitaal object; op één plek: zone site-zuid");
  CHECK(entry.title.en ==
        "Critical pair: generator and substation together — takes down 1 vital asset; in one place: zone site-zuid");
  // The pair's two key lines, then each event's title as a key line; shared evidence once.
  REQUIRE(entry.evidence.size() == 5);
  CHECK(entry.evidence[2].nl == "Redundantie van hospital");
  CHECK(entry.evidence[3].nl == "Redundantie van records");
  CHECK(entry.evidence[4].nl == "zone site-zuid: generator, substation");
  CHECK(merged.headlines[0] == std::vector<std::size_t>{0, 1, 2, 3});
  CHECK(entry.concerns == std::vector<std::string>{"hospital", "records"});
  CHECK(entry.measures ==
        std::vector<std::string>{"flood-proofing", "measure-hospital", "measure-records", "redundant-feed"});
  CHECK(merged.analyses[0] == std::vector<std::string>{"single-point", "geographic"});
  // A tracking entry of either event, or of their shared entry, finds the pair's entry.
  std::vector<std::string> replaced{risk_register::risk_id_by_assets(findings[1]),
                                    risk_register::risk_id_by_assets(findings[2]), old_ids[1], event_entry_id};
  std::sort(replaced.begin(), replaced.end());
  CHECK(merged.replaces[0] == replaced);
  // Another event stays as it was.
  CHECK(merged.findings[1] == findings[3]);
}

TEST_CASE("co-located entries: a pair in three places names them as a Dutch series") {
  assessors::Finding pair;
  pair.assessor = "single-point";
  pair.kind = "common-cause";
  pair.assets = {"generator", "substation"};
  pair.title = {"Kritiek paar", "Critical pair"};
  pair.likelihood = {0, {"p", "p"}};
  pair.affected = {"generator", "hospital", "substation"};
  std::vector<assessors::Finding> findings{pair};
  findings.push_back(co_located("hospital", pair.assets, "zone a"));
  findings.push_back(co_located("records", pair.assets, "zone b", "fire"));
  findings.push_back(co_located("pharmacy", pair.assets, "zone c", "power-outage"));
  const auto merged = risk_register::merge_knelpunten(findings, site_model());
  REQUIRE(merged.findings.size() == 1);
  CHECK(merged.findings[0].title.nl == "Kritiek paar; op één plek: zone a, zone b of zone c");
  CHECK(merged.findings[0].title.en == "Critical pair; in one place: zone a, zone b or zone c");
}

}  // namespace knelpunt
