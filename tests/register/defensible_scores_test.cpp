// Defensible scores (docs/decisions/017-defensible-scores.md) on the
// Dordrecht example with the shipped profile: no entry of a vital process
// without an impact class, the criteria left to an analyst named per entry,
// and an analyst's classes from the tracking file used and marked.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "assessors/assessment.hpp"
#include "catalogs/catalog_set.hpp"
#include "catalogs/reference_data.hpp"
#include "model/dependency_graph.hpp"
#include "model/model_loader.hpp"
#include "register/register_builder.hpp"
#include "register/tracking.hpp"

using namespace knelpunt;

namespace {

struct Dordrecht {
  catalogs::CatalogSet catalogs;
  catalogs::ReferenceData reference;
  model::Model model;
  std::vector<assessors::Finding> findings;
};

/// The example as `knelpunt assess examples/dordrecht` runs it (no feeds).
const Dordrecht& dordrecht() {
  static const Dordrecht loaded = [] {
    Dordrecht d;
    const std::string source(KNELPUNT_SOURCE_DIR);
    const std::string path = source + "/examples/dordrecht/model.yaml";
    model::Diagnostics diagnostics;
    d.catalogs = catalogs::load_catalog_set(source + "/catalogs", diagnostics);
    catalogs::apply_model_overrides(d.catalogs, path, "model.yaml", diagnostics);
    d.reference = catalogs::read_reference_data(d.catalogs, diagnostics);
    const auto index = d.catalogs.index();
    auto result = model::load_model(path, &index);
    REQUIRE(result.model);
    d.model = std::move(*result.model);
    const model::DependencyGraph graph(d.model);
    const auto profile = assessors::read_assessment_profile(source + "/profiles/default.yaml",
                                                            assessors::builtin_assessor_names(), diagnostics);
    const auto configured = assessors::configure_assessors(profile, d.model.region, d.reference, diagnostics);
    REQUIRE_FALSE(diagnostics.has_errors());
    d.findings = assessors::run_assessors(configured, {d.model, graph, d.reference, 2, nullptr, nullptr});
    return d;
  }();
  return loaded;
}

risk_register::Register build(const risk_register::TrackingFile* tracking) {
  const auto& d = dordrecht();
  return risk_register::build_register(d.findings, d.model, d.reference, {}, tracking);
}

}  // namespace

TEST_CASE("defensible scores: no entry of a vital process without an impact class (Dordrecht)") {
  const auto reg = build(nullptr);
  REQUIRE(reg.risks.size() > 90);
  std::size_t vital = 0;
  for (const auto& risk : reg.risks) {
    if (risk.vital_processes.empty()) continue;
    ++vital;
    CAPTURE(risk.id);
    CHECK(risk.impact_class.has_value());
  }
  CHECK(vital > 90);
  // The water board's central control reaches the polders within the week the profile gives flood defence.
  for (const auto& risk : reg.risks)
    if (risk.finding.kind == "knelpunt" && risk.finding.assets == std::vector<std::string>{"wsh-centrale"}) {
      bool territory = false;
      for (const auto& c : risk.finding.impact) territory = territory || c.criterion == "1.1";
      CHECK(territory);
    }
}

TEST_CASE("defensible scores: the criteria left to an analyst are listed per entry until the tracking fills them") {
  const auto plain = build(nullptr);
  for (const auto& risk : plain.risks) CHECK(risk.impact_open == std::vector<std::string>{"4.1", "5.2", "6.1"});

  risk_register::TrackingFile tracking;
  risk_register::TrackingEntry entry;
  entry.key = "KP-KNP-*";
  entry.tracking.matched = entry.key;
  entry.tracking.impact_expert = {{"5.2", 2}, {"2.1", 3}};
  entry.tracking.impact_rationale = "bestuurlijke onrust na langdurige uitval";
  tracking.entries.push_back(entry);
  const auto judged = build(&tracking);
  std::size_t knelpunten = 0;
  for (const auto& risk : judged.risks) {
    if (risk.finding.kind != "knelpunt") continue;
    ++knelpunten;
    CAPTURE(risk.id);
    CHECK(risk.impact_open == std::vector<std::string>{"4.1", "6.1"});
    const assessors::CriterionImpact* deaths = nullptr;
    for (const auto& c : risk.finding.impact)
      if (c.criterion == "2.1") deaths = &c;
    REQUIRE(deaths);
    CHECK(deaths->impact_class == 3);
    CHECK(deaths->source == assessors::ImpactSource::expert);
    CHECK(deaths->basis.nl.find("expertoordeel, klasse D (KP-KNP-*): bestuurlijke onrust") == 0);
    CHECK(risk.impact_class.has_value());
  }
  CHECK(knelpunten > 20);
  // Sorted for review again after the analyst's classes.
  for (std::size_t i = 1; i < judged.risks.size(); ++i) CHECK(judged.risks[i - 1].level >= judged.risks[i].level);
}

TEST_CASE("tracking: impact_expert needs known criteria, classes A–E and a rationale") {
  const auto file = std::filesystem::temp_directory_path() / "knelpunt-tracking-expert.yaml";
  std::ofstream(file) << "tracking: 1\nrisks:\n"
                         "  KP-KNP-1: {impact_expert: {\"2.1\": C}, impact_rationale: zie memo}\n"
                         "  KP-KNP-2: {impact_expert: {\"2.1\": F, \"9.9\": A}, impact_rationale: x}\n"
                         "  KP-KNP-3: {impact_expert: {\"5.2\": B}}\n";
  model::Diagnostics diagnostics;
  const auto read = risk_register::read_tracking_file(file, diagnostics, {"2.1", "5.2"});
  std::string text;
  for (const auto& d : diagnostics.items()) text += d.to_string() + "\n";
  CHECK(text.find("the expert class of criterion '2.1' is 'F'; expected a class A–E") != std::string::npos);
  CHECK(text.find("'impact_expert' names criterion '9.9'") != std::string::npos);
  CHECK(text.find("'KP-KNP-3' sets impact_expert without impact_rationale") != std::string::npos);
  REQUIRE(read.entries.size() == 3);
  CHECK(read.entries[0].tracking.impact_expert.at("2.1") == 2);
  CHECK(read.entries[0].tracking.impact_rationale == "zie memo");
}
