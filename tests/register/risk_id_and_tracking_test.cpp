#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "register/risk_id.hpp"
#include "register/tracking.hpp"

using namespace knelpunt;
using namespace knelpunt::risk_register;

namespace {

assessors::Finding finding(std::string kind, std::vector<std::string> assets, std::string scenario = "") {
  assessors::Finding f;
  f.assessor = "single-point";
  f.kind = std::move(kind);
  f.assets = std::move(assets);
  f.scenario = std::move(scenario);
  return f;
}

std::filesystem::path write_file(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / ("knelpunt-tracking-" + name + ".yaml");
  std::ofstream(path) << text;
  return path;
}

Risk risk_with_id(std::string id) {
  Risk risk;
  risk.id = std::move(id);
  return risk;
}

}  // namespace

TEST_CASE("risk ids depend on the identity only, and read well") {
  auto a = finding("spof", {"ss-west"});
  const std::string id = risk_id(a);
  CHECK(id.rfind("KP-SPOF-", 0) == 0);
  CHECK(id.size() == std::string("KP-SPOF-").size() + 6);
  // Changing what is not identity keeps the id.
  a.title = {"iets anders", "something else"};
  a.likelihood.likelihood_class = 4;
  a.affected = {"x", "y"};
  CHECK(risk_id(a) == id);
  // Asset order does not matter; assets, kind, scenario and subject do.
  CHECK(risk_id(finding("common-cause", {"b", "a"})) == risk_id(finding("common-cause", {"a", "b"})));
  CHECK(risk_id(finding("spof", {"ss-oost"})) != id);
  CHECK(risk_id(finding("spof", {"ss-west"}, "s1")) != id);
  auto subject = finding("spof", {"ss-west"});
  subject.subject = "zone-1";
  CHECK(risk_id(subject) != id);
  CHECK(kind_code("exposure") == "CYBER");
  CHECK(kind_code("something-new") == "SOMET");
}

TEST_CASE("colliding short ids get longer, deterministic ids") {
  // Search a collision of the 6-digit prefix among generated identities.
  std::vector<assessors::Finding> findings;
  std::map<std::string, std::size_t> first_of;
  for (int i = 0; findings.size() < 2 && i < 20000000; ++i) {
    auto f = finding("spof", {"asset-" + std::to_string(i)});
    auto id = risk_id(f);
    if (auto it = first_of.find(id); it != first_of.end()) {
      findings = {finding("spof", {"asset-" + std::to_string(it->second)}), f};
      break;
    }
    first_of[id] = static_cast<std::size_t>(i);
  }
  REQUIRE(findings.size() == 2);
  const auto ids = assign_risk_ids(findings);
  CHECK(ids[0] != ids[1]);
  CHECK(ids[0].size() == std::string("KP-SPOF-").size() + 12);
  // The same identity twice is the same risk: same id.
  const auto same = assign_risk_ids({findings[0], findings[0]});
  CHECK(same[0] == same[1]);
}

TEST_CASE("tracking keys: exact ids beat patterns, longer patterns beat shorter, file order is irrelevant") {
  CHECK(tracking_key_matches("KP-CTRL-*", "KP-CTRL-abc123"));
  CHECK(tracking_key_matches("KP-*-abc12?", "KP-CTRL-abc123"));
  CHECK_FALSE(tracking_key_matches("KP-CTRL-*", "KP-SPOF-abc123"));
  CHECK_FALSE(tracking_key_matches("KP-CTRL-abc12", "KP-CTRL-abc123"));
  CHECK(tracking_key_matches("*", ""));

  const std::string body_a = "  KP-CTRL-*: {status: in-treatment, owner: CISO}\n"
                             "  KP-CTRL-abc123: {status: accepted, owner: Netbeheer, justification: compensated}\n"
                             "  KP-*: {status: unchecked}\n"
                             "  KP-GONE-000000: {status: mitigated}\n";
  const std::string body_b = "  KP-GONE-000000: {status: mitigated}\n"
                             "  KP-*: {status: unchecked}\n"
                             "  KP-CTRL-abc123: {status: accepted, owner: Netbeheer, justification: compensated}\n"
                             "  KP-CTRL-*: {status: in-treatment, owner: CISO}\n";
  for (const auto& body : {body_a, body_b}) {
    model::Diagnostics diagnostics;
    const auto file = read_tracking_file(write_file("order", "tracking: 1\nrisks:\n" + body), diagnostics);
    REQUIRE_FALSE(diagnostics.has_errors());
    std::vector<Risk> risks = {risk_with_id("KP-CTRL-abc123"), risk_with_id("KP-CTRL-ffffff"), risk_with_id("KP-SPOF-000001")};
    const auto unmatched = apply_tracking(file, risks);
    CHECK(risks[0].tracking.status == "accepted");
    CHECK(risks[0].tracking.owner == "Netbeheer");
    CHECK(risks[1].tracking.status == "in-treatment");
    CHECK(risks[1].tracking.matched == "KP-CTRL-*");
    CHECK(risks[2].tracking.matched == "KP-*");
    REQUIRE(unmatched.size() == 1);
    CHECK(unmatched[0].key == "KP-GONE-000000");
    CHECK(unmatched[0].shadowed_by.empty());  // it matches nothing at all
  }
}

TEST_CASE("tracking: a pattern that loses every risk it matches to more specific entries says to which") {
  model::Diagnostics diagnostics;
  const auto file = read_tracking_file(write_file("shadowed", "tracking: 1\nrisks:\n"
                                                              "  KP-CTRL-*: {status: in-treatment}\n"
                                                              "  KP-CTRL-abc123: {status: accepted, justification: ok}\n"
                                                              "  KP-CTRL-ff*: {status: mitigated}\n"),
                                       diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  std::vector<Risk> risks = {risk_with_id("KP-CTRL-abc123"), risk_with_id("KP-CTRL-ffffff")};
  const auto unmatched = apply_tracking(file, risks);
  REQUIRE(unmatched.size() == 1);
  CHECK(unmatched[0].key == "KP-CTRL-*");
  CHECK(unmatched[0].shadowed_by == std::vector<std::string>{"KP-CTRL-abc123", "KP-CTRL-ff*"});
}

TEST_CASE("tracking mistakes are reported with file:line:col; the file is never written") {
  const auto path = write_file("bad", "tracking: 1\nrisks:\n  KP-X-1: {status: acepted, date: 2026-13-01, owner: me, colour: red}\n");
  const auto before = std::filesystem::last_write_time(path);
  model::Diagnostics diagnostics;
  read_tracking_file(path, diagnostics);
  std::string text;
  for (const auto& d : diagnostics.items()) text += d.to_string() + "\n";
  INFO(text);
  CHECK(text.find(":3:20: error: unknown status 'acepted' (did you mean 'accepted'?)") != std::string::npos);
  CHECK(text.find("date '2026-13-01' is malformed; expected YYYY-MM-DD") != std::string::npos);
  CHECK(text.find("colour") != std::string::npos);
  CHECK(std::filesystem::last_write_time(path) == before);
}

TEST_CASE("--fail-on ignores accepted, mitigated and false positives only") {
  CHECK(counts_for_fail_on("unchecked"));
  CHECK(counts_for_fail_on("in-treatment"));
  CHECK_FALSE(counts_for_fail_on("accepted"));
  CHECK_FALSE(counts_for_fail_on("mitigated"));
  CHECK_FALSE(counts_for_fail_on("false-positive"));
}

TEST_CASE("a tracking date must name a day of the calendar") {
  model::Diagnostics diagnostics;
  read_tracking_file(write_file("dates", "tracking: 1\nrisks:\n"
                                         "  KP-X-1: {status: unchecked, date: 2026-02-30}\n"
                                         "  KP-X-2: {status: unchecked, date: 2027-02-29}\n"
                                         "  KP-X-3: {status: unchecked, date: 2028-02-29}\n"),
                     diagnostics);
  std::string text;
  for (const auto& d : diagnostics.items()) text += d.to_string() + "\n";
  INFO(text);
  CHECK(diagnostics.error_count() == 2);
  CHECK(text.find(":3:37: error: date '2026-02-30' is not a day of the calendar") != std::string::npos);
  CHECK(text.find(":4:37: error: date '2027-02-29' is not a day of the calendar") != std::string::npos);
}

TEST_CASE("a tracking file confined to the model directory is not followed out of it") {
  namespace fs = std::filesystem;
  const fs::path base = fs::temp_directory_path() / ("knelpunt-tracking-confined-" + std::to_string(::getpid()));
  fs::remove_all(base);
  fs::create_directories(base / "model");
  const std::string secret = "SECRET-TOKEN-" + std::string(200, 'z');
  std::ofstream(base / "secret.yaml") << "tracking: 1\nrisks:\n  KP-X-1: {status: " << secret << "}\n";
  fs::create_symlink("../secret.yaml", base / "model" / "tracking.yaml");
  model::Diagnostics diagnostics;
  const auto file = read_tracking_file(base / "model" / "tracking.yaml", diagnostics, {}, base / "model");
  REQUIRE(diagnostics.error_count() == 1);
  CHECK(diagnostics.items()[0].message.find("leads out of the model directory") != std::string::npos);
  CHECK(diagnostics.items()[0].message.find("SECRET") == std::string::npos);
  CHECK(file.entries.empty());

  // A link that stays inside the directory is read.
  fs::rename(base / "secret.yaml", base / "model" / "kept.yaml");
  fs::remove(base / "model" / "tracking.yaml");
  fs::create_symlink("kept.yaml", base / "model" / "tracking.yaml");
  model::Diagnostics inside;
  read_tracking_file(base / "model" / "tracking.yaml", inside, {}, base / "model");
  REQUIRE(inside.error_count() == 1);  // the unknown status, cut to 80 characters
  CHECK(inside.items()[0].message.find("unknown status 'SECRET-TOKEN-") != std::string::npos);
  CHECK(inside.items()[0].message.find(secret.substr(0, 81)) == std::string::npos);
  fs::remove_all(base);
}
