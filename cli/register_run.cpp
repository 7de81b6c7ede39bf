#include "cli/register_run.hpp"

#include <iostream>
#include <utility>

#include <fmt/format.h>

#include "assessors/simulated_failures.hpp"
#include "catalogs/feed_cache.hpp"
#include "cli/diagnostics_printer.hpp"
#include "engine/parallel_for.hpp"
#include "cli/version.hpp"
#include "model/graph_digest.hpp"
#include "model/suggest.hpp"
#include "model/variant_apply.hpp"
#include "register/register_builder.hpp"

namespace knelpunt::cli {

namespace fs = std::filesystem;

namespace {

std::string describe_age(std::chrono::seconds age) {
  const auto hours = age.count() / 3600;
  if (hours < 48) return fmt::format("{}h", hours);
  return fmt::format("{} days", hours / 24);
}

template <class Feed>
risk_register::FeedInfo report_feed(std::string_view name, const catalogs::CachedFeed<Feed>& cached,
                                    const fs::path& cache_dir, bool quiet) {
  risk_register::FeedInfo info;
  info.feed = std::string(name);
  info.present = cached.feed.has_value();
  if (info.present) {
    info.feed_date = cached.metadata.feed_date.empty() ? cached.metadata.feed_version : cached.metadata.feed_date;
    info.feed_version = cached.metadata.feed_version;
    info.entries = cached.metadata.entries;
    if (!quiet)
      // Two ages that differ: the feed's own date (how current its facts are) and when it was fetched.
      std::cerr << fmt::format("knelpunt: note: {} cache in {}: feed dated {}, fetched {}\n", name, cache_dir.string(),
                               info.feed_date,
                               cached.age ? describe_age(*cached.age) + " ago" : std::string("at an unknown time"));
  } else if (!quiet) {
    // The feed's own warning says what is wrong with the cache; one line per feed.
    for (const auto& w : cached.warnings) std::cerr << w.to_string() << "; assessing without it\n";
    if (cached.warnings.empty())
      std::cerr << fmt::format("knelpunt: warning: no usable {} cache in {}; assessing without it (run knelpunt "
                               "catalog fetch {})\n",
                               name, cache_dir.string(), name);
  }
  return info;
}

}  // namespace

PreparedAssessment prepare_assessment(const LoadedModel& loaded, const RegisterRunOptions& options,
                                      model::Diagnostics& diagnostics) {
  PreparedAssessment prepared;
  const auto& reference = loaded.reference;
  prepared.profile_file =
      options.profile_path.empty() ? data_dir() / "profiles" / "default.yaml" : fs::path(options.profile_path);
  prepared.profile =
      assessors::read_assessment_profile(prepared.profile_file, assessors::builtin_assessor_names(), diagnostics);
  if (options.profile_path.empty()) prepared.profile.name = "default";
  prepared.configured = assessors::configure_assessors(prepared.profile, loaded.model.region, reference, diagnostics);
  prepared.diagram = reference.scoring.diagram(prepared.profile.risk_diagram);
  const std::string profile_file = prepared.profile_file.string();
  if (!diagnostics.has_errors() && !prepared.diagram) {
    std::vector<std::string_view> ids;
    for (const auto& d : reference.scoring.risk_diagrams) ids.push_back(d.id);
    diagnostics.error({profile_file, 0, 0},
                      fmt::format("unknown risk diagram '{}'{}; expected one of {} (catalogs/scoring.yaml)",
                                  prepared.profile.risk_diagram, model::did_you_mean(prepared.profile.risk_diagram, ids),
                                  fmt::join(ids, ", ")));
  }
  if (prepared.diagram && !prepared.profile.register_min_level.empty()) {
    if (const auto level = prepared.diagram->level_index(prepared.profile.register_min_level)) {
      prepared.selection.min_level = *level;
    } else {
      std::vector<std::string_view> ids;
      for (const auto& l : prepared.diagram->levels) ids.push_back(l.id);
      diagnostics.error(prepared.profile.register_min_level_where,
                        fmt::format("register.min_level '{}' is not a level of risk diagram {}{}; expected one of {}",
                                    prepared.profile.register_min_level, prepared.diagram->id,
                                    model::did_you_mean(prepared.profile.register_min_level, ids),
                                    fmt::join(ids, ", ")));
    }
  }
  prepared.selection.max_entries = prepared.profile.register_max_entries;
  if (const auto& simulated = prepared.profile.simulated_likelihood;
      simulated && !assessors::can_simulate_failures(loaded.model))
    diagnostics.error(simulated->where,
                      "likelihood.source simulate needs assets with 'p' or scenarios with 'frequency', and "
                      "the model has neither: every run would fail nothing; expected source: p, or "
                      "probabilities in the model");
  if (diagnostics.has_errors()) return prepared;

  const fs::path cache_dir = options.cache_dir.empty() ? catalogs::default_cache_dir() : fs::path(options.cache_dir);
  prepared.cache_dir = cache_dir;
  prepared.kev = catalogs::load_cached_kev(cache_dir);
  prepared.epss = catalogs::load_cached_epss(cache_dir);
  prepared.feeds.push_back(report_feed("kev", prepared.kev, cache_dir, options.quiet));
  prepared.feeds.push_back(report_feed("epss", prepared.epss, cache_dir, options.quiet));
  return prepared;
}

void add_assessment_inputs(model::ProtectedFiles& inputs, const PreparedAssessment& prepared) {
  if (!prepared.profile_file.empty()) inputs.add(prepared.profile_file);
  if (!prepared.cache_dir.empty()) inputs.add_files_in(prepared.cache_dir);
}

RegisterRun run_register_in_brief(const LoadedModel& loaded, const PreparedAssessment& prepared,
                                  const RegisterRunOptions& options, const risk_register::TrackingFile* tracking,
                                  const engine::StepProgress& progress) {
  const unsigned threads = engine::default_thread_count(options.threads);
  const assessors::AssessmentInput input{loaded.model,
                                         *loaded.graph,
                                         loaded.reference,
                                         threads,
                                         prepared.kev.feed ? &*prepared.kev.feed : nullptr,
                                         prepared.epss.feed ? &*prepared.epss.feed : nullptr,
                                         prepared.profile.max_chain_steps,
                                         prepared.profile.simulated_likelihood,
                                         progress};
  RegisterRun run;
  run.assessment = std::make_unique<assessors::Assessment>(prepared.configured, input);
  auto findings = run.assessment->run(true, progress);
  risk_register::RegisterSettings settings;
  settings.tool_version = kVersion;
  settings.date = options.date;
  for (const auto& catalog : loaded.catalogs.catalogs) {
    const bool defaults = catalog.source.is_object() && catalog.source.value("defaults", false);
    settings.catalogs.push_back({catalog.name, catalog.version, defaults, !catalog.overridden_by.empty()});
  }
  settings.model_digest = model::graph_digest(*loaded.graph);
  settings.horizon_h = assessors::resolve_horizon(loaded.model.region, &prepared.profile).hours;
  settings.profile = prepared.profile.name;
  settings.risk_diagram = prepared.profile.risk_diagram;
  settings.feeds = prepared.feeds;
  for (const auto& c : prepared.configured) {
    settings.assessors.emplace_back(c.assessor->name());
    settings.horizons.push_back(
        {std::string(c.assessor->name()), c.horizon, std::string(assessors::horizon_source_name(c.horizon_source))});
    settings.assessor_options.push_back(c.assessor->effective_options());
  }
  // The horizons per vital process the assessors applied (all get the same).
  if (!prepared.configured.empty())
    for (const auto& h : prepared.configured.front().process_horizons) settings.process_horizons.emplace_back(h.process, h.hours);
  settings.threads = threads;
  run.scoring = &loaded.reference.scoring;
  run.reg = risk_register::build_register(std::move(findings), loaded.model, loaded.reference, settings, tracking);
  return run;
}

void RegisterRun::detail_entries(unsigned threads) {
  engine::parallel_for(reg.risks.size(), engine::default_thread_count(threads), [&](std::size_t i) {
    auto& risk = reg.risks[i];
    if (!risk.finding.brief) return;
    assessment->detail(risk.finding);
    // An entry in brief was scored without its explanation (score_risk).
    risk_register::score_risk(risk, *scoring, reg.diagram);
  });
}

risk_register::Register run_register(const LoadedModel& loaded, const PreparedAssessment& prepared,
                                     const RegisterRunOptions& options, const risk_register::TrackingFile* tracking) {
  auto run = run_register_in_brief(loaded, prepared, options, tracking);
  run.detail_entries(options.threads);
  return std::move(run.reg);
}

std::optional<LoadedModel> with_variant(const LoadedModel& loaded, const model::MeasureFile& file,
                                        const model::Variant& variant, model::Diagnostics& diagnostics) {
  LoadedModel changed{loaded.model, nullptr, loaded.catalogs, loaded.reference};
  const model::CatalogIndex index = loaded.catalogs.index();
  if (!model::apply_variant(changed.model, file, variant, &index, diagnostics)) return std::nullopt;
  changed.graph = std::make_unique<model::DependencyGraph>(changed.model);
  return changed;
}

std::optional<model::MeasureFile> apply_variant_or_report(LoadedModel& loaded, const std::string& measure_file,
                                                          const std::string& variant, bool quiet) {
  model::Diagnostics diagnostics;
  auto file = model::read_measure_file(measure_file, diagnostics);
  std::optional<LoadedModel> chosen;
  if (file) {
    // Every variant is checked, so a broken one is found whichever is asked for.
    for (const auto& v : file->variants) {
      auto changed = with_variant(loaded, *file, v, diagnostics);
      if (changed && v.id == variant) chosen = std::move(changed);
    }
    if (!variant.empty() && !file->find(variant)) {
      std::vector<std::string_view> ids;
      for (const auto& v : file->variants) ids.push_back(v.id);
      diagnostics.error({measure_file, 0, 0}, fmt::format("no variant '{}' in the measure file{}; expected one of {}", variant,
                                                          model::did_you_mean(variant, ids), fmt::join(ids, ", ")));
    }
  }
  diagnostics.sort();
  if (report_diagnostics(diagnostics, quiet, measure_file)) return std::nullopt;
  if (chosen) loaded = std::move(*chosen);
  return file;
}

}  // namespace knelpunt::cli
