#pragma once
/// What every model-reading command shares: the MODEL argument (default: the
/// shipped Dordrecht example), loading catalogues and model, reporting
/// diagnostics on stderr, and common option parsing.

#include <filesystem>
#include <memory>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "catalogs/catalog_set.hpp"
#include "cli/reach_report.hpp"
#include "catalogs/reference_data.hpp"
#include "model/dependency_graph.hpp"
#include "model/model_loader.hpp"
#include "model/model.hpp"
#include "model/output_file.hpp"

namespace knelpunt::cli {

/// The directory holding catalogs/, profiles/ and examples/: $KNELPUNT_HOME
/// when set; else, for an installed binary, share/knelpunt of its install
/// prefix (found from the executable's path, so a moved prefix still works);
/// else the directory configured at build time (the source tree).
std::filesystem::path data_dir();

/// Adds the optional positional MODEL argument to `command`. Left out, it is
/// the shipped Dordrecht example; given as "" it is refused (exit 2), so an
/// unset shell variable never silently assesses the example.
void add_model_argument(CLI::App* command, std::string& model_path);

/// A CLI11 check for an option naming a model: refuses an empty value.
CLI::Validator non_empty_model_path();

/// A loaded model with its graph and its effective catalogues (shipped plus
/// the model's `catalogs:` overrides). The graph refers to nothing in the
/// model, so the whole may be moved freely.
struct LoadedModel {
  model::Model model;
  std::unique_ptr<model::DependencyGraph> graph;
  catalogs::CatalogSet catalogs;
  catalogs::ReferenceData reference;
};

/// MODEL as given, or the shipped Dordrecht example when empty.
std::filesystem::path model_path_or_default(const std::string& model_path);

/// Loads MODEL against the shipped catalogues without printing. When the
/// catalogues themselves are unusable, `catalogs_unusable` is set, their
/// diagnostics are in `result.diagnostics` and no model is loaded.
struct CheckedLoad {
  model::LoadResult result;
  bool catalogs_unusable = false;
  catalogs::CatalogSet catalogs;     ///< effective catalogues (when usable)
  catalogs::ReferenceData reference;  ///< their typed views
};
CheckedLoad load_model_checked(const std::string& model_path);

/// Loads MODEL (empty: the shipped Dordrecht example) checked against the
/// shipped catalogues. Prints every diagnostic to stderr (warnings unless
/// `quiet`). Returns nothing when there were errors: exit with kExitBadInput.
std::optional<LoadedModel> load_model_or_report(const std::string& model_path, bool quiet = false);

/// Parses a --horizon value (a duration or `inf`); prints an error and
/// returns nothing when it is malformed.
std::optional<model::Hours> parse_horizon_option(const std::string& text);

/// The horizon a command runs with: `--horizon` when given (parsed as
/// above), else the model's `region.horizon`. Nothing (after printing why)
/// when the option is malformed.
std::optional<model::Hours> horizon_or_report(const LoadedModel& loaded, const std::string& horizon_option);

/// The --shard option: nothing when `text` is empty, else the shard I/N.
/// Prints why and sets `malformed` when it is not I/N with 0 ≤ I < N; check
/// it before loading the model, so a typo fails at once.
std::optional<Shard> shard_option_or_report(const std::string& text, bool& malformed);

/// Looks up an asset id; prints "unknown asset" with a did-you-mean hint and
/// returns nothing when it is not in the model.
std::optional<model::AssetIndex> find_asset_or_report(const LoadedModel& loaded,
                                                      const std::string& id,
                                                      const std::string& option_name);

/// The files `loaded` was read from (model.yaml, includes, CSV tables) and the
/// catalogues it was checked against: an output must not be one of them.
/// Commands add their other inputs (profile, measure file, tracking file, …).
model::ProtectedFiles protected_inputs(const LoadedModel& loaded);

/// Writes `content` to stdout when `path` is empty or "-", else to the file
/// `path` by the output rules of model/output_file.hpp (temporary file
/// created exclusively, fsync, rename; the target's mode kept; never one of
/// `inputs`, never a FIFO, device, directory or symbolic link). Returns
/// kExitOk, or after printing why kExitBadInput (a target refused) or
/// kExitInternal (the system failed the write).
int write_output(const std::string& content, const std::string& path, const model::ProtectedFiles& inputs,
                 model::OutputMode mode = model::OutputMode::replace);

/// As write_output, for a text given piece by piece (model/output_file.hpp:
/// outputs too large to hold whole, such as a national reach table).
int write_output(const model::OutputProducer& produce, const std::string& path,
                 const model::ProtectedFiles& inputs,
                 model::OutputMode mode = model::OutputMode::replace);

/// True when `path` names something (a file, a directory, a dangling
/// symbolic link: anything a create-only write would refuse).
bool output_exists(const std::string& path);

/// For a create-only output (`tracking import`, `import mef`): kExitOk
/// unless `path` exists and `force` is off; then prints that `command` never
/// replaces a file without --force — `what_force_writes` says what --force
/// would put there, e.g. " with the merged tracking", or "" — and returns
/// kExitBadInput. stdout ("" or "-") always passes.
int refuse_existing_without_force(const std::string& path, bool force, std::string_view command,
                                  std::string_view what_force_writes);

/// The checks write_output makes before writing, made before a long
/// computation so that a refused output (an input, a FIFO, a directory that
/// does not exist, …) fails at once rather than after minutes. kExitOk for
/// stdout and for a target that passes; else prints why (exit codes as write_output).
int check_output(const std::string& path, const model::ProtectedFiles& inputs,
                 model::OutputMode mode = model::OutputMode::replace);

/// One output of a run and the option that names it ("-o", "--knelpunten-csv").
struct NamedOutput {
  std::string path;  ///< "" or "-": none, or stdout
  std::string_view option;
};

/// kExitOk when no two of `outputs` name the same file (paths compared
/// after resolving `.`, `..` and the symbolic links that exist); else
/// prints which options collide and returns kExitBadInput. Made before the
/// work: a file that does not exist yet would otherwise be written by the
/// first writer and refused as an input of the run only by the second.
int check_distinct_outputs(std::initializer_list<NamedOutput> outputs);

}  // namespace knelpunt::cli
