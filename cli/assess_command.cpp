/// `knelpunt assess MODEL`: runs the assessors of a profile and writes the
/// risk register (docs/register.md) in a format of register/register_formats.hpp
/// (Markdown, JSON, CSV, HTML or an Excel workbook), with tracking applied, and — with --fail-on —
/// exits 1 when an open risk reaches a level.

#include <unistd.h>

#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "cli/assess_report.hpp"
#include "cli/commands.hpp"
#include "cli/diagnostics_printer.hpp"
#include "cli/exit_codes.hpp"
#include "cli/kept_until_exit.hpp"
#include "cli/progress_bar.hpp"
#include "cli/language_option.hpp"
#include "cli/measure_file_option.hpp"
#include "cli/model_input.hpp"
#include "cli/option_ranges.hpp"
#include "model/text_format.hpp"
#include "cli/register_input.hpp"
#include "cli/register_run.hpp"
#include "engine/parallel_for.hpp"
#include "model/suggest.hpp"
#include "register/asset_table_writer.hpp"
#include "register/calendar_date.hpp"
#include "register/operator_view.hpp"
#include "register/register_formats.hpp"
#include "register/report_dependency_graph.hpp"
#include "register/register_texts.hpp"
#include "register/tracking.hpp"

namespace knelpunt::cli {

namespace fs = std::filesystem;

namespace {

class AssessCommand : public Command {
 public:
  CLI::App* attach(CLI::App& app) override {
    auto* command = app.add_subcommand("assess", "Assess the model and write the risk register");
    add_model_argument(command, model_path_);
    command->add_option("-p,--profile", profile_path_, "Assessment profile (default: profiles/default.yaml of knelpunt)");
    command->add_option("-o,--output", output_, "Write the register to this file (atomically); default: stdout");
    command->add_option("--format", format_, "Register format (default: from the -o extension, else md)")
        ->check(CLI::IsMember(risk_register::register_format_ids()));
    add_language_option(command, lang_, "Language of the register: nl (default) or en");
    command->add_option("--tracking", tracking_path_, "Tracking file (default: tracking.yaml beside the model, if present)");
    command->add_flag("--seed-tracking", seed_tracking_,
                      "Write a new tracking file listing every risk as unchecked (only where none exists)");
    command->add_option("--fail-on", fail_on_, "Exit 1 when a risk at or above this level is not accepted/mitigated");
    command->add_option("--threads", threads_, "Worker threads (default: all cores); the register does not depend on it")
        ->check(CLI::Range(kMinThreads, kMaxThreads));
    command->add_option("--cache", cache_dir_, "Feed cache directory (default: $XDG_CACHE_HOME/knelpunt or ~/.cache/knelpunt)");
    command->add_option("--csv-separator", csv_separator_, "CSV separator: , (default) or ; (Dutch Excel)")
        ->check(CLI::IsMember({",", ";"}));
    command->add_flag("--csv-bom", csv_bom_, "Start CSV with a UTF-8 byte order mark (Excel)");
    measures_.attach(command);
    command->add_option("--variant", variant_, "Assess the model as changed by this variant of the --measures file");
    command->add_option("--operator", operators_,
                        "Only the entries of assets this operator runs (a partner's view); repeatable");
    command->add_option("--date", date_,
                        "Date the register (YYYY-MM-DD) in its header and JSON; without it the register carries no date");
    command->add_option("--previous", previous_,
                        "Show what changed since this earlier register (JSON, from assess --format json) in the "
                        "Markdown and HTML register");
    command->add_option("--knelpunten-csv", knelpunten_csv_,
                        "Also write every asset's figures (its own failure, its entry and level, listed or not) to "
                        "this CSV file, for analysts");
    command->add_flag("-q,--quiet", quiet_, "Print errors only (no warnings, no progress bar)");
    command->footer(
        "Examples:\n  knelpunt assess examples/dordrecht -o register.md\n"
        "  knelpunt assess examples/dordrecht --measures examples/dordrecht/measures.yaml --variant noodstroom-gemaal-kilweg\n"
        "  knelpunt assess examples/dordrecht --format json -o register.json --fail-on hoog\n"
        "  knelpunt assess examples/dordrecht --previous last-month.json -o report.html\n"
        "Exit: 0 written, 1 --fail-on level reached by an open risk, 2 bad input, 3 internal error");
    return command;
  }

  int run() override {
    if (!measures_.check_deprecated_or_report(quiet_)) return kExitBadInput;
    const auto format = format_or_report();
    if (!format) return kExitBadInput;
    if (risk_register::find_output_format(*format)->binary && (output_.empty() || output_ == "-") && !seed_tracking_ &&
        ::isatty(STDOUT_FILENO)) {
      std::cerr << fmt::format("knelpunt: --format {} writes a binary file, not text for a terminal; expected -o FILE "
                               "(e.g. -o register.xlsx) or stdout redirected to a file\n",
                               *format);
      return kExitBadInput;
    }
    if (!date_.empty() && !risk_register::is_calendar_date(date_)) {
      std::cerr << fmt::format("knelpunt: --date '{}' is not a calendar date; expected YYYY-MM-DD, a day that "
                               "exists (e.g. 2026-12-01)\n",
                               model::one_line(date_));
      return kExitBadInput;
    }
    // The previous register first: a wrong file should not cost a whole assessment.
    std::optional<risk_register::RegisterDocument> previous;
    if (!previous_.empty()) {
      previous = read_register_or_report(previous_);
      if (!previous) return kExitBadInput;
    }
    // Freed by the process's exit, not allocation by allocation (kept_until_exit.hpp).
    auto& loaded = kept_until_exit(load_model_or_report(model_path_, quiet_));
    if (!loaded) return kExitBadInput;
    if (!measures_.pairs_with_or_report(variant_)) return kExitBadInput;
    if (!measures_.file().empty() && !apply_variant_or_report(*loaded, measures_.file(), variant_, quiet_))
      return kExitBadInput;

    // The profile and the assessors it configures; the feeds.
    model::Diagnostics diagnostics;
    const RegisterRunOptions options{profile_path_, cache_dir_, threads_, quiet_, date_};
    auto prepared = prepare_assessment(*loaded, options, diagnostics);
    std::optional<int> fail_level;
    if (prepared.diagram && !fail_on_.empty()) {
      fail_level = fail_level_or_report(*prepared.diagram);
      if (!fail_level) return kExitBadInput;
    }
    const fs::path tracking_file = tracking_file_path();
    if (seed_tracking_ && exists(tracking_file)) {
      std::cerr << fmt::format("knelpunt: {} exists; --seed-tracking only creates a new tracking file, it never "
                               "overwrites one (edit it, or pass --tracking with a new path)\n",
                               tracking_file.string());
      return kExitBadInput;
    }
    std::vector<std::string> criteria;  // the ids a tracking file's impact_expert may name
    for (const auto& criterion : loaded->reference.scoring.criteria) criteria.push_back(criterion.id);
    auto tracking = read_tracking(tracking_file, diagnostics, criteria);
    diagnostics.sort();
    print_diagnostics(diagnostics, quiet_);
    if (diagnostics.has_errors()) {
      // Name the files that hold the errors: the model (its horizon), the profile or the tracking file.
      print_nothing_written(diagnostics, files_with_errors(diagnostics));
      return kExitBadInput;
    }
    // Every file this run read; no output may replace one of them. The
    // outputs are checked now, so that a refused one fails before the run.
    auto inputs = protected_inputs(*loaded);
    if (!measures_.file().empty()) inputs.add(measures_.file());
    add_assessment_inputs(inputs, prepared);
    if (!seed_tracking_) inputs.add(tracking_file);
    if (previous) inputs.add(previous_, "read by this run (--previous)");
    if (const int distinct = check_distinct_outputs({{output_, "-o"},
                                                     {knelpunten_csv_, "--knelpunten-csv"},
                                                     {seed_tracking_ ? tracking_file.string() : "", "--seed-tracking"}});
        distinct != kExitOk)
      return distinct;
    for (const auto& output : {output_, knelpunten_csv_})
      if (const int checked = check_output(output, inputs); checked != kExitOk) return checked;
    if (seed_tracking_)
      if (const int checked = check_output(tracking_file.string(), inputs, model::OutputMode::create_only);
          checked != kExitOk)
        return checked;
    // The HTML report's dependency graph: laid out from the model alone, its
    // highlights added once the register is built (decision 026, "Determinism").
    std::shared_ptr<risk_register::ReportGraph> report_graph;
    if (*format == "html")
      report_graph = risk_register::lay_out_report_graph(loaded->model, *loaded->graph, loaded->reference, lang_);
    auto& run = kept_until_exit([&] {
      // The bar's line is cleared when it goes, before anything else is printed.
      StepProgressBar progress("assess", !quiet_);
      return run_register_in_brief(*loaded, prepared, options, tracking ? &*tracking : nullptr, progress.callback());
    }());
    auto& reg = run.reg;
    // Every entry this run computed (before --operator and the listing keep
    // some), so that the changes can tell "no longer listed" from "resolved".
    std::vector<risk_register::ComputedRisk> computed;
    computed.reserve(reg.risks.size());
    for (const auto& risk : reg.risks) computed.push_back({risk.id, risk.level, risk.replaces});
    if (!operators_.empty()) {
      const auto unknown = risk_register::keep_operators(reg, operators_);
      if (!unknown.empty()) {
        std::cerr << fmt::format("knelpunt: --operator {}: no entry of this register names that operator; expected "
                                 "an asset's `operator` as written in the model (see the register's operators)\n",
                                 fmt::join(unknown, ", "));
        return kExitBadInput;
      }
    }
    // Every entry is computed; the register lists those the profile selects
    // and counts the rest (decision 020). The CSV of every asset and the
    // --fail-on gate see all of them.
    const auto& not_listed = kept_until_exit(risk_register::select_entries(reg, prepared.selection));
    // Only the listed entries are written, so only they need their evidence.
    run.detail_entries(threads_);
    reg.not_listed_entries = computed_not_listed(std::move(computed), reg);
    if (previous) reg.changes = risk_register::changes_since(*previous, reg, lang_);
    const auto* output_format = risk_register::find_output_format(*format);
    std::optional<std::vector<risk_register::AssetRow>> asset_rows;
    if (!knelpunten_csv_.empty() || output_format->shows_assets) {
      // The register's own horizon (run_register resolved it), not resolved again here.
      const risk_register::AssetTableInput input{loaded->model,    *loaded->graph,
                                                 loaded->reference, reg.horizon_h,
                                                 prepared.profile.process_horizons, engine::default_thread_count(threads_)};
      asset_rows = risk_register::asset_table_rows(reg, not_listed, input);
    }
    if (!knelpunten_csv_.empty()) {
      const auto table = risk_register::asset_table_csv(*asset_rows, reg, {csv_separator_[0], csv_bom_}, lang_);
      if (const int written = write_output(table, knelpunten_csv_, inputs); written != kExitOk) return written;
      inputs.add(knelpunten_csv_, "written by this run (--knelpunten-csv)");
    }
    if (!quiet_) std::cerr << render_unmatched_tracking(reg);
    if (seed_tracking_) {
      // Created, never replaced: a tracking file made while this run was busy is kept (exit 2).
      if (const int written = write_output(risk_register::seed_tracking_file(reg.risks), tracking_file.string(), inputs,
                                           model::OutputMode::create_only);
          written != kExitOk)
        return written;
      inputs.add(tracking_file, "written by this run (--seed-tracking)");
      if (!quiet_)
        std::cerr << fmt::format("knelpunt: wrote {} with {} risk{}, all unchecked\n", tracking_file.string(),
                                 reg.risks.size(), reg.risks.size() == 1 ? "" : "s");
    }
    // The HTML report's dependency graph, highlighted for the listed entries.
    if (report_graph) {
      risk_register::highlight_report_graph(*report_graph, loaded->model, reg);
      reg.dependency_graph = std::move(report_graph);
    }
    const risk_register::WriteOptions write_options{lang_, {csv_separator_[0], csv_bom_},
                                                    asset_rows ? &*asset_rows : nullptr};
    const std::string content = output_format->write_register(reg, write_options);
    if (!(seed_tracking_ && output_.empty()))
      if (const int written = write_output(content, output_, inputs); written != kExitOk) return written;
    return summarize(reg, fail_level);
  }

 private:
  /// The entries of `computed` that `reg` does not list, sorted by id.
  static std::vector<risk_register::ComputedRisk> computed_not_listed(std::vector<risk_register::ComputedRisk> computed,
                                                                      const risk_register::Register& reg) {
    std::vector<std::string_view> listed;
    listed.reserve(reg.risks.size());
    for (const auto& risk : reg.risks) listed.push_back(risk.id);
    std::sort(listed.begin(), listed.end());
    std::erase_if(computed, [&](const risk_register::ComputedRisk& risk) {
      return std::binary_search(listed.begin(), listed.end(), std::string_view(risk.id));
    });
    std::sort(computed.begin(), computed.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return computed;
  }

  /// --format, else the format of the -o extension (no extension or no file:
  /// Markdown); nothing (after printing why) for an extension no writer takes.
  std::optional<std::string> format_or_report() const {
    if (!format_.empty()) return format_;
    auto format = risk_register::register_format_for_output(output_);
    if (!format)
      std::cerr << fmt::format("knelpunt: -o {}: no register writer for '{}' files; expected a file ending in {}, "
                               "no extension (Markdown), or --format {}\n",
                               output_, fs::path(output_).extension().string(),
                               risk_register::register_extensions_text(),
                               fmt::join(risk_register::register_format_ids(), "|"));
    return format;
  }

  /// The index of the --fail-on level in `diagram`; nothing (after printing
  /// the levels that exist) when it has no such level.
  std::optional<int> fail_level_or_report(const catalogs::RiskDiagram& diagram) const {
    auto level = diagram.level_index(fail_on_);
    if (!level) {
      std::vector<std::string_view> ids;
      for (const auto& l : diagram.levels) ids.push_back(l.id);
      std::cerr << fmt::format("knelpunt: --fail-on '{}' is not a level of risk diagram {}{}; expected one of {}\n",
                               fail_on_, diagram.id, model::did_you_mean(fail_on_, ids), fmt::join(ids, ", "));
    }
    return level;
  }

  static bool exists(const fs::path& path) {
    std::error_code ec;
    return fs::exists(path, ec);
  }

  /// --tracking, else tracking.yaml beside the model.
  fs::path tracking_file_path() const {
    if (!tracking_path_.empty()) return tracking_path_;
    const fs::path path = model_path_or_default(model_path_);
    std::error_code ec;
    return (fs::is_directory(path, ec) ? path : path.parent_path()) / "tracking.yaml";
  }

  /// Tracking is read-only; the default file is optional, an explicit one
  /// is not. Nothing is read when seeding a new one.
  std::optional<risk_register::TrackingFile> read_tracking(const fs::path& tracking_file, model::Diagnostics& diagnostics,
                                                           const std::vector<std::string>& criteria) const {
    if (seed_tracking_ || (tracking_path_.empty() && !exists(tracking_file))) return std::nullopt;
    // The tracking.yaml found beside a model must not lead out of the model
    // directory; a file named with --tracking is the user's own choice.
    fs::path confine_to;
    if (tracking_path_.empty())
      confine_to = tracking_file.has_parent_path() ? tracking_file.parent_path() : fs::path(".");
    return risk_register::read_tracking_file(tracking_file, diagnostics, criteria, confine_to);
  }

  /// Prints the closing lines and returns the exit code (assess_report.hpp).
  int summarize(const risk_register::Register& reg, std::optional<int> fail_level) const {
    const auto summary = render_assess_summary(reg, {fail_level, fail_on_, lang_, output_, knelpunten_csv_, quiet_});
    std::cerr << summary.text;
    return summary.threshold_reached ? kExitThreshold : kExitOk;
  }

  std::string model_path_, profile_path_, output_, format_, lang_ = "nl", tracking_path_, fail_on_, cache_dir_;
  MeasureFileOption measures_;
  std::string variant_, date_, knelpunten_csv_, previous_;
  std::vector<std::string> operators_;
  std::string csv_separator_ = ",";
  bool csv_bom_ = false, seed_tracking_ = false, quiet_ = false;
  unsigned threads_ = 0;
};

}  // namespace

std::unique_ptr<Command> make_assess_command() { return std::make_unique<AssessCommand>(); }

}  // namespace knelpunt::cli
