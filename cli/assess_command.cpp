/// `knelpunt assess MODEL`: runs the assessors of a profile and writes the
/// risk register (docs/register.md) as Markdown, JSON or CSV, with tracking
/// applied, and — with --fail-on — exits 1 when an open risk reaches a level.

#include <iostream>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "assessors/assessment.hpp"
#include "catalogs/feed_cache.hpp"
#include "catalogs/feed_update.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/model_input.hpp"
#include "cli/register_run.hpp"
#include "model/graph_digest.hpp"
#include "model/suggest.hpp"
#include "register/calendar_date.hpp"
#include "register/register_builder.hpp"
#include "register/register_csv_writer.hpp"
#include "register/register_json_writer.hpp"
#include "register/register_markdown_writer.hpp"
#include "register/register_texts.hpp"
#include "register/tracking.hpp"

namespace knelpunt::cli {

namespace fs = std::filesystem;

namespace {

/// A model text on one terminal line: control characters (line breaks, ANSI
/// escapes) become spaces, so a title cannot forge lines in a CI log.
std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return out;
}

void print_diagnostics(const model::Diagnostics& diagnostics, bool quiet) {
  for (const auto& d : diagnostics.items())
    if (d.severity == model::Severity::error || !quiet) std::cerr << d.to_string() << "\n";
}

class AssessCommand : public Command {
 public:
  CLI::App* attach(CLI::App& app) override {
    auto* command = app.add_subcommand("assess", "Assess the model and write the risk register");
    add_model_argument(command, model_path_);
    command->add_option("-p,--profile", profile_path_, "Assessment profile (default: profiles/default.yaml of knelpunt)");
    command->add_option("-o,--output", output_, "Write the register to this file (atomically); default: stdout");
    command->add_option("--format", format_, "Register format (default: from the -o extension, else md)")
        ->check(CLI::IsMember({"json", "csv", "md"}));
    command->add_option("--lang", lang_, "Language of the register: nl (default) or en")->check(CLI::IsMember({"nl", "en"}));
    command->add_option("--tracking", tracking_path_, "Tracking file (default: tracking.yaml beside the model, if present)");
    command->add_flag("--seed-tracking", seed_tracking_,
                      "Write a new tracking file listing every risk as unchecked (only where none exists)");
    command->add_option("--fail-on", fail_on_, "Exit 1 when a risk at or above this level is not accepted/mitigated");
    command->add_option("--threads", threads_, "Worker threads (default: all cores); the register does not depend on it");
    command->add_option("--cache", cache_dir_, "Feed cache directory (default: $XDG_CACHE_HOME/knelpunt or ~/.cache/knelpunt)");
    command->add_option("--csv-separator", csv_separator_, "CSV separator: , (default) or ; (Dutch Excel)")
        ->check(CLI::IsMember({",", ";"}));
    command->add_flag("--csv-bom", csv_bom_, "Start CSV with a UTF-8 byte order mark (Excel)");
    command->add_option("--scenario", measure_file_, "Measure file with model variants (docs/measures.md)");
    command->add_option("--variant", variant_, "Assess the model as changed by this variant of the --scenario file");
    command->add_option("--date", date_,
                        "Date the register (YYYY-MM-DD) in its header and JSON; without it the register carries no date");
    command->add_flag("-q,--quiet", quiet_, "Print errors only");
    command->footer(
        "Examples:\n  knelpunt assess examples/dordrecht -o register.md\n"
        "  knelpunt assess examples/dordrecht --scenario examples/dordrecht/measures.yaml --variant noodstroom-gemaal-kilweg\n"
        "  knelpunt assess examples/dordrecht --format json -o register.json --fail-on hoog\n"
        "Exit: 0 written, 1 --fail-on level reached by an open risk, 2 bad input, 3 internal error");
    return command;
  }

  int run() override {
    if (!date_.empty() && !risk_register::is_calendar_date(date_)) {
      std::cerr << fmt::format("knelpunt: --date '{}' is not a calendar date; expected YYYY-MM-DD, a day that "
                               "exists (e.g. 2026-12-01)\n",
                               one_line(date_));
      return kExitBadInput;
    }
    auto loaded = load_model_or_report(model_path_, quiet_);
    if (!loaded) return kExitBadInput;

    if (measure_file_.empty() != variant_.empty()) {
      std::cerr << "knelpunt: --scenario and --variant go together; expected both (a measure file and one of its variants) "
                   "or neither\n";
      return kExitBadInput;
    }
    if (!measure_file_.empty() && !apply_variant_or_report(*loaded, measure_file_, variant_, quiet_)) return kExitBadInput;

    // The profile and the assessors it configures; the feeds.
    model::Diagnostics diagnostics;
    const RegisterRunOptions options{profile_path_, cache_dir_, threads_, quiet_, date_};
    auto prepared = prepare_assessment(*loaded, options, diagnostics);
    const auto* diagram = prepared.diagram;
    std::optional<int> fail_level;
    if (diagram && !fail_on_.empty()) {
      fail_level = diagram->level_index(fail_on_);
      if (!fail_level) {
        std::vector<std::string_view> ids;
        for (const auto& level : diagram->levels) ids.push_back(level.id);
        std::cerr << fmt::format("knelpunt: --fail-on '{}' is not a level of risk diagram {}{}; expected one of {}\n",
                                 fail_on_, diagram->id, model::did_you_mean(fail_on_, ids), fmt::join(ids, ", "));
        return kExitBadInput;
      }
    }

    // Tracking: read-only; the default file is optional, an explicit one is not.
    const fs::path model_dir = [&] {
      const fs::path path = model_path_or_default(model_path_);
      std::error_code ec;
      return fs::is_directory(path, ec) ? path : path.parent_path();
    }();
    const fs::path tracking_file = tracking_path_.empty() ? model_dir / "tracking.yaml" : fs::path(tracking_path_);
    std::optional<risk_register::TrackingFile> tracking;
    std::error_code ec;
    if (!seed_tracking_ && (!tracking_path_.empty() || fs::exists(tracking_file, ec)))
      tracking = risk_register::read_tracking_file(tracking_file, diagnostics);
    if (seed_tracking_ && fs::exists(tracking_file, ec)) {
      std::cerr << fmt::format("knelpunt: {} exists; --seed-tracking only creates a new tracking file, it never "
                               "overwrites one (edit it, or pass --tracking with a new path)\n",
                               tracking_file.string());
      return kExitBadInput;
    }
    diagnostics.sort();
    print_diagnostics(diagnostics, quiet_);
    if (diagnostics.has_errors()) {
      // Name the files that hold the errors: the model (its horizon), the profile or the tracking file.
      std::set<std::string> files;
      for (const auto& item : diagnostics.items())
        if (item.severity == model::Severity::error) files.insert(item.where.file.empty() ? "the assessment inputs" : item.where.file);
      std::cerr << fmt::format("knelpunt: {} error{} in {}; nothing written\n", diagnostics.error_count(),
                               diagnostics.error_count() == 1 ? "" : "s", fmt::join(files, ", "));
      return kExitBadInput;
    }
    const auto reg = run_register(*loaded, prepared, options, tracking ? &*tracking : nullptr);

    for (const auto& unmatched : reg.unmatched_tracking) {
      if (quiet_) continue;
      if (unmatched.shadowed_by.empty())
        std::cerr << fmt::format("{}: warning: tracking entry '{}' matches no risk of this register; expected a current "
                                 "risk id or pattern (the risk may be resolved or its id changed)\n",
                                 unmatched.where, unmatched.key);
      else
        std::cerr << fmt::format("{}: warning: tracking entry '{}' applies to no risk: every risk it matches follows a "
                                 "more specific entry ({}); expected an entry that decides some risk (remove it, or "
                                 "narrow the others)\n",
                                 unmatched.where, unmatched.key, fmt::join(unmatched.shadowed_by, ", "));
    }

    if (seed_tracking_) {
      if (!write_output(risk_register::seed_tracking_file(reg.risks), tracking_file.string())) return kExitInternal;
      if (!quiet_) std::cerr << fmt::format("knelpunt: wrote {} with {} risks, all unchecked\n", tracking_file.string(), reg.risks.size());
    }

    std::string format = format_;
    if (format.empty()) {
      const std::string extension = fs::path(output_).extension().string();
      format = extension == ".json" ? "json" : extension == ".csv" ? "csv" : "md";
    }
    std::string content;
    if (format == "json")
      content = risk_register::register_to_json(reg, lang_);
    else if (format == "csv")
      content = risk_register::register_to_csv(reg, lang_, {csv_separator_[0], csv_bom_});
    else
      content = risk_register::register_to_markdown(reg, lang_);
    if (!(seed_tracking_ && output_.empty()) && !write_output(content, output_)) return kExitInternal;

    std::vector<std::size_t> per_level(reg.diagram.levels.size(), 0);
    std::vector<const risk_register::Risk*> failing;  // in register order: highest level first
    for (const auto& risk : reg.risks) {
      ++per_level[static_cast<std::size_t>(risk.level)];
      if (fail_level && risk.level >= *fail_level && risk_register::counts_for_fail_on(risk.tracking.status))
        failing.push_back(&risk);
    }
    if (!quiet_) {
      std::vector<std::string> counts;
      for (std::size_t l = reg.diagram.levels.size(); l-- > 0;)
        counts.push_back(
            fmt::format("{} {}", per_level[l], risk_register::level_name(reg.diagram, static_cast<int>(l), lang_)));
      std::cerr << fmt::format("knelpunt: {} risks ({}){}\n", reg.risks.size(), fmt::join(counts, ", "),
                               output_.empty() || output_ == "-" ? "" : "; written to " + output_);
    }
    if (!failing.empty()) {
      // The ids a CI log must show: which risks to treat, accept or mark false-positive in the tracking file.
      std::cerr << fmt::format("knelpunt: --fail-on {}: {} open risk{} at or above that level (not accepted, "
                               "mitigated or false-positive in the tracking file):\n",
                               fail_on_, failing.size(), failing.size() == 1 ? "" : "s");
      for (const auto* risk : failing)
        std::cerr << fmt::format("  {}  {}  {}\n", risk->id, risk_register::level_name(reg.diagram, risk->level, lang_),
                                 one_line(risk_register::in_language(risk->finding.title, lang_)));
      return kExitThreshold;
    }
    return kExitOk;
  }

 private:
  std::string model_path_, profile_path_, output_, format_, lang_ = "nl", tracking_path_, fail_on_, cache_dir_;
  std::string measure_file_, variant_, date_;
  std::string csv_separator_ = ",";
  bool csv_bom_ = false, seed_tracking_ = false, quiet_ = false;
  unsigned threads_ = 0;
};

}  // namespace

std::unique_ptr<Command> make_assess_command() { return std::make_unique<AssessCommand>(); }

}  // namespace knelpunt::cli
