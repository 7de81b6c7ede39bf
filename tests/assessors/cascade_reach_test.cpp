// cascade-reach (assessors/cascade_reach.cpp) on tests/data/assessors/cascade-reach.yaml.
//
// Worked out by hand: N-1 reach within 72h (non-virtual assets other than the
// one lost) and the people those serve:
//   a: b, c, d        → reach 3, 100 + 100 + 1000 = 1200
//   m: n, o           → reach 2, 500 + 500 = 1000
//   b: d              → reach 1, 1000
//   j: k              → reach 1, 1000
//   h: g (virtual), i → reach 1, 50 (g's 7000 does not count: virtual)
//   e: f only after 80h → reach 0 within 72h
//   all others        → reach 0
// Ranking: people desc, then reach desc, then id: a, m, b, j, h.

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "tests/assessors/assessor_fixture.hpp"

using namespace knelpunt;
using namespace knelpunt::test;

TEST_CASE("cascade-reach: assets ranked by reach, then people affected (each once), then id") {
  const auto m = load_test_model("cascade-reach.yaml");
  const auto findings = run_assessor(*m, "cascade-reach");
  CHECK(identity_sequence(findings) ==
        std::vector<std::string>{"cascade-reach/reach [a]", "cascade-reach/reach [m]", "cascade-reach/reach [b]",
                                 "cascade-reach/reach [j]", "cascade-reach/reach [h]"});
  REQUIRE(findings.size() == 5);
  // The evidence gives the rank, not its count: the title has the count of
  // the entry's own cascade, by which it was ranked (one number per thing).
  const auto evidence = [](std::size_t rank) {
    return std::vector<std::string>{
        fmt::format("rank {} by N-1 reach (by assets within each asset's horizon, then people affected)", rank)};
  };
  for (std::size_t i = 0; i < findings.size(); ++i) CHECK(evidence_en(findings[i]) == evidence(i + 1));
  // Reach 3, 2, then 1 each: b (1100 people: its own 100 and d's 1000, each
  // once) before j (1000) before h (50).
  const std::vector<std::string> counts{"3 assets fail", "2 assets fail", "1 asset fails", "1 asset fails",
                                        "1 asset fails"};
  for (std::size_t i = 0; i < findings.size(); ++i) {
    CAPTURE(i);
    CHECK(findings[i].title.en.find(counts[i]) != std::string::npos);
  }
  CHECK(findings[0].evidence[0].nl ==
        "plaats 1 in de ranglijst van N-1-bereik (naar aantal objecten binnen de horizon van elk object, dan "
        "getroffen mensen)");

  SUBCASE("the first: its chain with times, impact, likelihood and measures") {
    const auto& a = findings[0];
    CHECK(a.title.en == "Far-reaching loss: a — 3 assets fail with it within 72h");
    CHECK(a.affected == std::vector<std::string>{"b", "c", "d"});
    CHECK(chain_of(a) == std::vector<std::string>{"a@0", "b@0<a", "c@0<a", "d@2<b"});
    // 5.1: b and c 100 × 72 each, d 1000 × 70 = 84400 people-hours (A); 5.3: 1200 people (A); no 2.3 process.
    CHECK(impact_of(a) == std::vector<std::string>{"5.1=A(84400)", "5.3=A(1200)"});
    // p = 0.05: 1 − 0.95^5 = 0.226 → D.
    CHECK(a.likelihood.likelihood_class == 3);
    CHECK(a.measures == std::vector<std::string>{"emergency-power", "redundant-feed"});  // a supplies power
  }
  SUBCASE("a water supplier gets no emergency power; no p gives the default class") {
    const auto& mm = findings[1];
    CHECK(mm.affected == std::vector<std::string>{"n", "o"});
    CHECK(mm.measures == std::vector<std::string>{"redundant-feed"});
    CHECK(mm.likelihood.likelihood_class == 2);
  }
  SUBCASE("virtual assets relay but do not count") {
    const auto& h = findings[4];
    CHECK(h.affected == std::vector<std::string>{"i"});
    CHECK(chain_of(h) == std::vector<std::string>{"g@0<h", "h@0", "i@0<g"});
    CHECK(h.title.en == "Far-reaching loss: h — 1 asset fails with it within 72h");
  }
}

TEST_CASE("cascade-reach: top and min_reach cut the list") {
  const auto m = load_test_model("cascade-reach.yaml");
  auto run = [&](const char* json) { return identity_sequence(run_assessor(*m, "cascade-reach", settings().with_options(json))); };
  CHECK(run(R"({"top": 3})") ==
        std::vector<std::string>{"cascade-reach/reach [a]", "cascade-reach/reach [m]", "cascade-reach/reach [b]"});
  CHECK(run(R"({"top": 1})") == std::vector<std::string>{"cascade-reach/reach [a]"});
  CHECK(run(R"({"min_reach": 2})") == std::vector<std::string>{"cascade-reach/reach [a]", "cascade-reach/reach [m]"});
  CHECK(run(R"({"min_reach": 3})") == std::vector<std::string>{"cascade-reach/reach [a]"});
  CHECK(run(R"({"min_reach": 4})").empty());
  CHECK(run(R"({"top": 1, "min_reach": 2})") == std::vector<std::string>{"cascade-reach/reach [a]"});
  // top counts after min_reach: the second of the assets with reach ≥ 2 is m.
  CHECK(run(R"({"top": 2, "min_reach": 2})") ==
        std::vector<std::string>{"cascade-reach/reach [a]", "cascade-reach/reach [m]"});
}

TEST_CASE("cascade-reach: the horizon decides what counts") {
  const auto m = load_test_model("cascade-reach.yaml");
  // At 80h e's loss reaches f (5000 people, 80h later): first of those reaching 1.
  const auto findings = run_assessor(*m, "cascade-reach", settings().with_horizon(80));
  CHECK(identity_sequence(findings) ==
        std::vector<std::string>{"cascade-reach/reach [a]", "cascade-reach/reach [m]",
                                 "cascade-reach/reach [e]", "cascade-reach/reach [b]",
                                 "cascade-reach/reach [j]", "cascade-reach/reach [h]"});
  REQUIRE(findings.size() == 6);
  CHECK(evidence_en(findings[2]) ==
        std::vector<std::string>{
            "rank 3 by N-1 reach (by assets within each asset's horizon, then people affected)"});
  CHECK(chain_of(findings[2]) == std::vector<std::string>{"e@0", "f@80<e"});
  // f fails at the horizon: 0 people-hours; 5000 people → 5.3 class B.
  CHECK(impact_of(findings[2]) == std::vector<std::string>{"5.3=B(5000)"});
  // At 1h, d (2h after b) is out of reach: a reaches b and c only (reach 2, 200 people) and b
  // reaches nothing (min_reach 1 leaves it out), so: m (2, 1000), a (2, 200), j (1, 1000), h (1,
  // 50).
  const auto short_run = run_assessor(*m, "cascade-reach", settings().with_horizon(1));
  CHECK(identity_sequence(short_run) ==
        std::vector<std::string>{"cascade-reach/reach [m]", "cascade-reach/reach [a]",
                                 "cascade-reach/reach [j]", "cascade-reach/reach [h]"});
}

TEST_CASE("cascade-reach: an asset of a process with its own horizon is ranked by its count within it") {
  // tests/data/assessors/own-horizon-reach.yaml: dike (waterkering) takes
  // down pump at once and polder after 96 hours; grid takes down hospital
  // after 96 hours. The model's horizon is 48 hours.
  const auto m = load_test_model("own-horizon-reach.yaml");
  const auto plain = run_assessor(*m, "cascade-reach");
  REQUIRE(plain.size() == 1);
  CHECK(plain[0].affected == std::vector<std::string>{"pump"});
  // min_reach 2: the sweep's count within 48 hours (1) would leave dike out.
  auto with_week = settings().with_options(R"({"min_reach": 2})");
  with_week.process_horizons = {assessors::ProcessHorizon{"waterkering", 168, {}}};
  const auto findings = run_assessor(*m, "cascade-reach", with_week);
  // Ranked by the count the title gives (2 within 7 days), not the sweep's 1
  // within 48 hours; grid stays out (hospital is past its 48 hours).
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].title.en == "Far-reaching loss: dike — 2 assets fail with it within 168h");
  CHECK(findings[0].affected == std::vector<std::string>{"polder", "pump"});
}

TEST_CASE("cascade-reach: options are checked") {
  const auto m = load_test_model("cascade-reach.yaml");
  CHECK_FALSE(configure_diagnostics("cascade-reach", options(R"({"top": 5, "min_reach": 2})"), m->reference).has_errors());
  const auto unknown = configure_diagnostics("cascade-reach", options(R"({"limit": 5})"), m->reference);
  CHECK(unknown.error_count() == 1);
  CHECK(messages(unknown).find("has no option 'limit'") != std::string::npos);
  CHECK(configure_diagnostics("cascade-reach", options(R"({"top": 0})"), m->reference).has_errors());
  CHECK(configure_diagnostics("cascade-reach", options(R"({"min_reach": 0})"), m->reference).has_errors());
  CHECK(configure_diagnostics("cascade-reach", options(R"({"top": 2.5})"), m->reference).has_errors());
}

TEST_CASE("cascade-reach: the same findings with 1 and 4 threads") {
  const auto m = load_test_model("cascade-reach.yaml");
  const auto one = run_assessor(*m, "cascade-reach", settings().with_horizon(80).with_threads(1));
  const auto four = run_assessor(*m, "cascade-reach", settings().with_horizon(80).with_threads(4));
  CHECK(one.size() == 6);
  CHECK(dump(one) == dump(four));
}
