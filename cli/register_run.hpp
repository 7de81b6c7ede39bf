#pragma once
/// What `assess` and `compare` share: reading the assessment profile and
/// configuring its assessors, reading the cached feeds (never the network;
/// a missing cache is a warning), and running the assessors into a register.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "assessors/assessment.hpp"
#include "catalogs/epss_scores.hpp"
#include "catalogs/feed_update.hpp"
#include "catalogs/kev_catalog.hpp"
#include "cli/model_input.hpp"
#include "register/register_selection.hpp"
#include "register/risk.hpp"
#include "model/measure_file.hpp"
#include "register/tracking.hpp"

namespace knelpunt::cli {

struct RegisterRunOptions {
  std::string profile_path;  ///< empty: the shipped profiles/default.yaml
  std::string cache_dir;     ///< empty: catalogs::default_cache_dir()
  unsigned threads = 0;      ///< 0: all cores
  bool quiet = false;        ///< print errors only
  std::string date;          ///< YYYY-MM-DD for the register's header (already checked), or "" for none
};

/// A profile with its assessors configured and the feeds read.
struct PreparedAssessment {
  std::filesystem::path profile_file;
  std::filesystem::path cache_dir;  ///< where the feeds were read from
  assessors::AssessmentProfile profile;
  std::vector<assessors::ConfiguredAssessor> configured;
  const catalogs::RiskDiagram* diagram = nullptr;  ///< into the reference data of the model it was prepared for
  catalogs::CachedFeed<catalogs::KevCatalog> kev;
  catalogs::CachedFeed<catalogs::EpssScores> epss;
  std::vector<risk_register::FeedInfo> feeds;
  /// The profile's `register:` section, its level resolved in `diagram`.
  risk_register::RegisterSelection selection;
};

/// Reads the profile and configures its assessors for `loaded` (errors in
/// `diagnostics`, not printed), then — when there are none — reads the feed
/// caches, printing their age or why they are unusable (unless quiet).
PreparedAssessment prepare_assessment(const LoadedModel& loaded, const RegisterRunOptions& options,
                                      model::Diagnostics& diagnostics);

/// Adds the files `prepared` read (the profile, the feed cache) to `inputs`.
void add_assessment_inputs(model::ProtectedFiles& inputs, const PreparedAssessment& prepared);

/// A register whose entries may be in brief (decision 021), with the
/// assessment that details them.
struct RegisterRun {
  std::unique_ptr<assessors::Assessment> assessment;
  risk_register::Register reg;
  /// The scoring method `reg` was scored with (the loaded model's).
  const catalogs::ScoringMethod* scoring = nullptr;
  /// Fills in the entries of `reg` given in brief, with their score
  /// explanations: call it once `reg` keeps only the entries that will be
  /// written (select_entries).
  void detail_entries(unsigned threads);
};
/// Runs the prepared assessors on `loaded` and builds the register (tracking
/// applied when given), with some entries in brief. `loaded` and `prepared`
/// must outlive the result; `prepared` must have been made without errors.
/// `progress` hears the assessment's steps (Assessment::run).
RegisterRun run_register_in_brief(const LoadedModel& loaded, const PreparedAssessment& prepared,
                                  const RegisterRunOptions& options, const risk_register::TrackingFile* tracking,
                                  const engine::StepProgress& progress = {});
/// As run_register_in_brief, with every entry in full.
risk_register::Register run_register(const LoadedModel& loaded, const PreparedAssessment& prepared,
                                     const RegisterRunOptions& options, const risk_register::TrackingFile* tracking);

/// Reads a measure file and checks every variant against `loaded` (all
/// errors printed, file:line:col in the measure file), then applies
/// `variant` to `loaded` and rebuilds its graph. Returns the file, or
/// nothing after printing why (exit 2).
std::optional<model::MeasureFile> apply_variant_or_report(LoadedModel& loaded, const std::string& measure_file,
                                                          const std::string& variant, bool quiet);

/// A copy of `loaded` with `variant` applied and its graph rebuilt; nothing
/// when the variant has errors (in `diagnostics`).
std::optional<LoadedModel> with_variant(const LoadedModel& loaded, const model::MeasureFile& file,
                                        const model::Variant& variant, model::Diagnostics& diagnostics);

}  // namespace knelpunt::cli
