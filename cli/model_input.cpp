#include "cli/model_input.hpp"

#include "assessors/horizon_resolution.hpp"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <system_error>
#include <vector>
#include <unistd.h>

#include <fmt/format.h>

#include "cli/diagnostics_printer.hpp"
#include "cli/exit_codes.hpp"
#include "model/model_loader.hpp"
#include "model/suggest.hpp"

namespace knelpunt::cli {

namespace fs = std::filesystem;

fs::path data_dir() {
  if (const char* home = std::getenv("KNELPUNT_HOME"); home && *home) return fs::path(home);
  // Installed: <prefix>/bin/knelpunt reads <prefix>/share/knelpunt, wherever the prefix now is.
  std::error_code ec;
  const fs::path executable = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = (executable.parent_path() / KNELPUNT_DATA_FROM_BIN).lexically_normal();
    if (fs::is_directory(installed / "catalogs", ec)) return installed;
  }
  return fs::path(KNELPUNT_DATA_DIR);
}

CLI::Validator non_empty_model_path() {
  return CLI::Validator(
      [](const std::string& value) {
        return value.empty() ? std::string("the model path is empty; expected a model directory (holding model.yaml) "
                                           "or model file, or no argument for the shipped example")
                             : std::string();
      },
      "");
}

void add_model_argument(CLI::App* command, std::string& model_path) {
  command
      ->add_option("model", model_path,
                   "Model directory (holding model.yaml) or model file; default: the shipped Dordrecht example")
      ->check(non_empty_model_path());
}

fs::path model_path_or_default(const std::string& model_path) {
  return model_path.empty() ? data_dir() / "examples" / "dordrecht" : fs::path(model_path);
}

CheckedLoad load_model_checked(const std::string& model_path) {
  CheckedLoad load;
  load.catalogs = catalogs::load_catalog_set(data_dir() / "catalogs", load.result.diagnostics);
  if (!load.result.diagnostics.has_errors()) load.reference = catalogs::read_reference_data(load.catalogs, load.result.diagnostics);
  if (load.result.diagnostics.has_errors()) {
    load.catalogs_unusable = true;
    return load;
  }
  const fs::path path = model_path_or_default(model_path);
  // The model's own `catalogs:` overrides; their problems are the model's.
  model::Diagnostics override_diagnostics;
  std::error_code ec;
  const fs::path entry_file = fs::is_directory(path, ec) ? path / "model.yaml" : path;
  catalogs::apply_model_overrides(load.catalogs, entry_file, entry_file.string(), override_diagnostics);
  bool overridden = false;
  for (const auto& catalog : load.catalogs.catalogs) overridden = overridden || !catalog.overridden_by.empty();
  // Typed views of the effective catalogues: an override may break them.
  if (overridden && !override_diagnostics.has_errors())
    load.reference = catalogs::read_reference_data(load.catalogs, override_diagnostics);
  const model::CatalogIndex index = load.catalogs.index();
  auto loaded = model::load_model(path, &index);
  loaded.diagnostics.append(load.result.diagnostics);  // catalogue warnings, if any
  loaded.diagnostics.append(override_diagnostics);
  if (override_diagnostics.has_errors()) loaded.model.reset();
  loaded.diagnostics.sort();
  load.result = std::move(loaded);
  return load;
}

std::optional<LoadedModel> load_model_or_report(const std::string& model_path, bool quiet) {
  auto [result, catalogs_unusable, catalog_set, reference] = load_model_checked(model_path);
  print_diagnostics(result.diagnostics, quiet);
  if (catalogs_unusable) {
    std::cerr << "knelpunt: the catalogues are unusable; expected valid files in " << (data_dir() / "catalogs").string()
              << " (set KNELPUNT_HOME to the knelpunt data directory)\n";
    return std::nullopt;
  }
  if (!result.model) {
    print_nothing_written(result.diagnostics, model_path_or_default(model_path).string());
    return std::nullopt;
  }
  LoadedModel loaded{std::move(*result.model), nullptr, std::move(catalog_set), std::move(reference)};
  loaded.graph = std::make_unique<model::DependencyGraph>(loaded.model);
  return loaded;
}

std::optional<model::Hours> parse_horizon_option(const std::string& text) {
  auto hours = model::parse_duration(text, true);
  if (!hours) std::cerr << "knelpunt: --horizon '" << text << "' is malformed; expected a duration such as 24h, 3d, PT72H or inf\n";
  return hours;
}

std::optional<model::Hours> horizon_or_report(const LoadedModel& loaded, const std::string& horizon_option) {
  std::optional<model::Hours> command_line;
  if (!horizon_option.empty() && !(command_line = parse_horizon_option(horizon_option))) return std::nullopt;
  return assessors::resolve_horizon(loaded.model.region, nullptr, nullptr, command_line).hours;
}

std::optional<model::AssetIndex> find_asset_or_report(const LoadedModel& loaded, const std::string& id,
                                                      const std::string& option_name) {
  if (auto index = loaded.model.find(id)) return static_cast<model::AssetIndex>(*index);
  std::vector<std::string_view> ids;
  ids.reserve(loaded.model.assets.size());
  for (const auto& asset : loaded.model.assets) ids.push_back(asset.id);
  std::cerr << fmt::format("knelpunt: {} '{}' is not an asset of the model{}; expected an asset id (see knelpunt graph "
                           "--format json)\n",
                           option_name, id, model::did_you_mean(id, ids));
  return std::nullopt;
}

model::ProtectedFiles protected_inputs(const LoadedModel& loaded) {
  model::ProtectedFiles inputs;
  const fs::path root(loaded.model.root);
  for (const auto& file : loaded.model.files) inputs.add(root / file);
  for (const auto& catalog : loaded.catalogs.catalogs) inputs.add(catalog.where.file.str());
  return inputs;
}

namespace {

/// kExitOk for a write (or check) that passed; else prints why and gives
/// kExitBadInput for a refused target, kExitInternal for a system failure.
int exit_code_of(const model::OutputResult& result) {
  switch (result.status) {
    case model::OutputStatus::written: return kExitOk;
    case model::OutputStatus::refused: std::cerr << "knelpunt: " << result.message << "\n"; return kExitBadInput;
    case model::OutputStatus::failed: break;
  }
  std::cerr << "knelpunt: " << result.message << "\n";
  return kExitInternal;
}

}  // namespace

int write_output(const std::string& content, const std::string& path, const model::ProtectedFiles& inputs,
                 model::OutputMode mode) {
  if (path.empty() || path == "-") {
    std::cout << content;
    std::cout.flush();
    if (std::cout) return kExitOk;
    std::cerr << "knelpunt: cannot write to stdout; expected an open standard output\n";
    return kExitInternal;
  }
  return exit_code_of(model::write_output_file(path, content, {&inputs, mode, {}}));
}

int write_output(const model::OutputProducer& produce, const std::string& path,
                 const model::ProtectedFiles& inputs, model::OutputMode mode) {
  if (path.empty() || path == "-") {
    produce([](std::string_view piece) {
      std::cout.write(piece.data(), static_cast<std::streamsize>(piece.size()));
      return static_cast<bool>(std::cout);
    });
    std::cout.flush();
    if (std::cout) return kExitOk;
    std::cerr << "knelpunt: cannot write to stdout; expected an open standard output\n";
    return kExitInternal;
  }
  return exit_code_of(model::write_output_file(path, produce, {&inputs, mode, {}}));
}

bool output_exists(const std::string& path) {
  std::error_code ec;
  return std::filesystem::exists(std::filesystem::symlink_status(path, ec));
}

int refuse_existing_without_force(const std::string& path, bool force, std::string_view command,
                                  std::string_view what_force_writes) {
  if (force || path.empty() || path == "-" || !output_exists(path)) return kExitOk;
  std::cerr << fmt::format(
      "knelpunt: {} exists; {} never replaces a file without --force (pass --force to replace it{}, or -o a "
      "new file)\n",
      path, command, what_force_writes);
  return kExitBadInput;
}

int check_output(const std::string& path, const model::ProtectedFiles& inputs, model::OutputMode mode) {
  if (path.empty() || path == "-") return kExitOk;
  return exit_code_of(model::check_output_target(path, {&inputs, mode, {}}));
}

int check_distinct_outputs(std::initializer_list<NamedOutput> outputs) {
  std::vector<std::pair<fs::path, std::string_view>> seen;
  for (const auto& output : outputs) {
    if (output.path.empty() || output.path == "-") continue;
    std::error_code error;
    fs::path resolved = fs::weakly_canonical(fs::absolute(output.path, error), error);
    if (error) resolved = fs::absolute(output.path, error).lexically_normal();
    for (const auto& [path, option] : seen)
      if (path == resolved) {
        std::cerr << fmt::format("knelpunt: {} and {} both name {}; expected a different file for each output "
                                 "(nothing written)\n",
                                 option, output.option, output.path);
        return kExitBadInput;
      }
    seen.emplace_back(std::move(resolved), output.option);
  }
  return kExitOk;
}

std::optional<Shard> shard_option_or_report(const std::string& text, bool& malformed) {
  malformed = false;
  if (text.empty()) return std::nullopt;
  auto shard = parse_shard(text);
  if (!shard) {
    std::cerr << fmt::format("knelpunt: --shard '{}' is malformed; expected I/N with 0 <= I < N, e.g. 0/4\n", text);
    malformed = true;
  }
  return shard;
}

}  // namespace knelpunt::cli
