#pragma once
/// Shared helpers of the assessor unit tests: load a small hand-made model of
/// tests/data/assessors/ with the shipped catalogues (and the model's own
/// `catalogs:` overrides, as the CLI applies them), run one assessor the way
/// `knelpunt assess` does (configure_assessors + run_assessors), and render
/// findings as short strings so a failing CHECK shows what differs.
///
/// Expected values in the tests are worked out by hand from the model files;
/// nothing here computes an expectation with the code under test.

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "assessors/assessment.hpp"
#include "assessors/assessment_profile.hpp"
#include "assessors/assessor.hpp"
#include "assessors/finding.hpp"
#include "catalogs/catalog_set.hpp"
#include "catalogs/epss_scores.hpp"
#include "catalogs/kev_catalog.hpp"
#include "catalogs/reference_data.hpp"
#include "model/dependency_graph.hpp"
#include "model/model_loader.hpp"

namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& values) {
    std::string out = "{";
    for (std::size_t i = 0; i < values.size(); ++i) out += (i ? ", \"" : "\"") + values[i] + "\"";
    out += "}";
    return String(out.c_str());
  }
};
}  // namespace doctest

namespace knelpunt::test {

using assessors::Finding;
using catalogs::Json;

/// A file of tests/data/assessors/.
inline std::string assessor_data(std::string_view name) {
  return std::string(KNELPUNT_TEST_DATA) + "/assessors/" + std::string(name);
}

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read " << path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

/// A model with everything an assessment reads besides the profile.
struct TestModel {
  catalogs::CatalogSet catalogs;
  catalogs::ReferenceData reference;  ///< the effective catalogues (shipped + model overrides)
  model::Model model;
  std::unique_ptr<model::DependencyGraph> graph;
};

/// Loads tests/data/assessors/<file> like the CLI does; the test stops when
/// the catalogues or the model have errors.
inline std::unique_ptr<TestModel> load_test_model(std::string_view file) {
  auto loaded = std::make_unique<TestModel>();
  const std::string path = assessor_data(file);
  model::Diagnostics diagnostics;
  loaded->catalogs = catalogs::load_catalog_set(std::string(KNELPUNT_SOURCE_DIR) + "/catalogs", diagnostics);
  catalogs::apply_model_overrides(loaded->catalogs, path, std::string(file), diagnostics);
  loaded->reference = catalogs::read_reference_data(loaded->catalogs, diagnostics);
  for (const auto& d : diagnostics.items()) MESSAGE(d.to_string());
  REQUIRE_FALSE(diagnostics.has_errors());
  const model::CatalogIndex index = loaded->catalogs.index();
  auto result = model::load_model(path, &index);
  for (const auto& d : result.diagnostics.items()) MESSAGE(d.to_string());
  REQUIRE(result.model);
  loaded->model = std::move(*result.model);
  loaded->model.reindex();
  loaded->graph = std::make_unique<model::DependencyGraph>(loaded->model);
  return loaded;
}

/// How to run one assessor.
struct RunSettings {
  Json options = Json::object();           ///< the assessor's section of the profile, without `horizon`
  std::optional<model::Hours> horizon;     ///< the assessor's own `horizon`
  unsigned threads = 1;
  const catalogs::KevCatalog* kev = nullptr;
  const catalogs::EpssScores* epss = nullptr;
  const catalogs::ReferenceData* reference = nullptr;  ///< nullptr: the model's effective catalogues
  /// The profile's `likelihood: {source: simulate}`; none: likelihoods from p.
  std::optional<assessors::SimulatedLikelihood> simulated_likelihood;
  /// The profile's `horizons:` (per vital process), sorted by process.
  std::vector<assessors::ProcessHorizon> process_horizons = {};

  RunSettings& with_options(std::string_view json) {
    options = Json::parse(json);
    return *this;
  }
  RunSettings& with_horizon(model::Hours hours) {
    horizon = hours;
    return *this;
  }
  RunSettings& with_threads(unsigned count) {
    threads = count;
    return *this;
  }
  RunSettings& with_feeds(const catalogs::KevCatalog* kev_catalog, const catalogs::EpssScores* epss_scores) {
    kev = kev_catalog;
    epss = epss_scores;
    return *this;
  }
  RunSettings& with_reference(const catalogs::ReferenceData* effective) {
    reference = effective;
    return *this;
  }
  RunSettings& with_simulation(std::uint64_t runs, std::uint64_t seed) {
    simulated_likelihood = assessors::SimulatedLikelihood{runs, seed};
    return *this;
  }
};

/// Settings to chain: settings().with_options(R"({"top": 3})").with_threads(4).
inline RunSettings settings() { return RunSettings(); }

/// Options from JSON text, e.g. options(R"({"max_order": 1})").
inline Json options(std::string_view json) { return Json::parse(json); }

/// Runs the assessor `name` alone on `m`, through configure_assessors and
/// run_assessors; the test stops when configuring reports an error.
inline std::vector<Finding> run_assessor(const TestModel& m, std::string_view name, const RunSettings& run = {}) {
  assessors::AssessmentProfile profile;
  profile.name = "test";
  assessors::AssessorSettings settings;
  settings.name = std::string(name);
  settings.options = run.options;
  settings.horizon = run.horizon;
  settings.where = {"test-profile.yaml", 3, 5};
  profile.assessors.push_back(settings);
  profile.process_horizons = run.process_horizons;
  const catalogs::ReferenceData& reference = run.reference ? *run.reference : m.reference;
  model::Diagnostics diagnostics;
  auto configured = assessors::configure_assessors(profile, m.model.region, reference, diagnostics);
  for (const auto& d : diagnostics.items()) MESSAGE(d.to_string());
  REQUIRE_FALSE(diagnostics.has_errors());
  REQUIRE(configured.size() == 1);
  REQUIRE(configured[0].assessor->name() == name);
  assessors::AssessmentInput input{m.model, *m.graph, reference, run.threads, run.kev, run.epss};
  input.simulated_likelihood = run.simulated_likelihood;
  auto findings = assessors::run_assessors(configured, input);
  for (const auto& f : findings) CHECK(f.assessor == name);
  return findings;
}

/// Configures a fresh built-in assessor `name` with `options`; the diagnostics it reported.
inline model::Diagnostics configure_diagnostics(std::string_view name, const Json& options,
                                                const catalogs::ReferenceData& reference) {
  model::Diagnostics diagnostics;
  for (auto& assessor : assessors::make_builtin_assessors())
    if (assessor->name() == name) {
      assessor->configure(options, reference, {"test-profile.yaml", 7, 3}, diagnostics);
      return diagnostics;
    }
  FAIL("no built-in assessor named " << name);
  return diagnostics;
}

/// All diagnostic messages, one a line.
inline std::string messages(const model::Diagnostics& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics.items()) out += d.to_string() + "\n";
  return out;
}

inline std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += separator;
    out += items[i];
  }
  return out;
}

/// The identity of a finding: "assessor/kind [a b] scenario=… subject=… threat=…" (empty parts left out).
inline std::string identity(const Finding& f) {
  std::string s = f.assessor + "/" + f.kind + " [" + join(f.assets, " ") + "]";
  if (!f.scenario.empty()) s += " scenario=" + f.scenario;
  if (!f.subject.empty()) s += " subject=" + f.subject;
  if (!f.threat.empty()) s += " threat=" + f.threat;
  return s;
}

/// Lines sorted and joined: a set of strings that prints well.
inline std::string lines(std::vector<std::string> items) {
  std::sort(items.begin(), items.end());
  return join(items, "\n");
}

/// The identities of `findings` as a set (lines()).
inline std::string identities(const std::vector<Finding>& findings) {
  std::vector<std::string> ids;
  for (const auto& f : findings) ids.push_back(identity(f));
  return lines(std::move(ids));
}

/// The identities in the order the assessor gave them.
inline std::vector<std::string> identity_sequence(const std::vector<Finding>& findings) {
  std::vector<std::string> ids;
  for (const auto& f : findings) ids.push_back(identity(f));
  return ids;
}

/// The finding of this kind about exactly these assets (and subject/scenario), or nullptr.
inline const Finding* find_finding(const std::vector<Finding>& findings, std::string_view kind,
                                   const std::vector<std::string>& assets, std::string_view subject = {},
                                   std::string_view scenario = {}) {
  for (const auto& f : findings)
    if (f.kind == kind && f.assets == assets && f.subject == subject && f.scenario == scenario) return &f;
  return nullptr;
}

/// A number as a short text: "8", "6.5", "0.25".
inline std::string num(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.10g", value);
  return buffer;
}

/// The chain as "asset@t" or "asset@t<via".
inline std::vector<std::string> chain_of(const Finding& f) {
  std::vector<std::string> out;
  for (const auto& step : f.chain) out.push_back(step.asset + "@" + num(step.t_h) + (step.via.empty() ? "" : "<" + step.via));
  return out;
}

/// The timeline as "t:assets:people".
inline std::vector<std::string> timeline_of(const Finding& f) {
  std::vector<std::string> out;
  for (const auto& point : f.timeline)
    out.push_back(num(point.t_h) + ":" + std::to_string(point.assets_failed) + ":" + num(point.people));
  return out;
}

/// The impact as "criterion=class(value)", class as a letter.
inline std::vector<std::string> impact_of(const Finding& f) {
  std::vector<std::string> out;
  for (const auto& impact : f.impact)
    out.push_back(impact.criterion + "=" + std::string(1, static_cast<char>('A' + impact.impact_class)) + "(" +
                  num(impact.value) + ")");
  return out;
}

/// The evidence texts in English.
inline std::vector<std::string> evidence_en(const Finding& f) {
  std::vector<std::string> out;
  for (const auto& e : f.evidence) out.push_back(e.en);
  return out;
}

/// Every field of every finding, for comparing runs (thread counts) exactly.
inline std::string dump(const std::vector<Finding>& findings) {
  std::ostringstream out;
  auto exact = [](double value) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return std::string(buffer);
  };
  for (const auto& f : findings) {
    out << identity(f) << "\n  title " << f.title.nl << " | " << f.title.en << "\n  description " << f.description.nl
        << " | " << f.description.en << "\n  affected " << join(f.affected, ",") << "\n  chain";
    for (const auto& s : f.chain) out << " " << s.asset << "@" << exact(s.t_h) << "<" << s.via;
    out << "\n  evidence";
    for (const auto& e : f.evidence) out << " [" << e.nl << " | " << e.en << "]";
    out << "\n  cves";
    for (const auto& c : f.cves)
      out << " " << c.cve << "/" << c.vendor_project << "/" << c.product << "/" << c.required_action << "/"
          << c.due_date << "/" << c.known_ransomware << "/" << (c.epss ? exact(*c.epss) : "-") << "/"
          << (c.epss_percentile ? exact(*c.epss_percentile) : "-");
    out << "\n  timeline";
    for (const auto& p : f.timeline) out << " " << exact(p.t_h) << ":" << p.assets_failed << ":" << exact(p.people);
    out << "\n  likelihood " << f.likelihood.likelihood_class << " " << f.likelihood.rationale.nl << " | "
        << f.likelihood.rationale.en << "\n  impact";
    for (const auto& i : f.impact)
      out << " " << i.criterion << ":" << i.impact_class << ":" << exact(i.value) << ":" << i.basis.nl << "|"
          << i.basis.en;
    out << "\n  measures " << join(f.measures, ",") << "\n";
  }
  return out.str();
}

}  // namespace knelpunt::test
