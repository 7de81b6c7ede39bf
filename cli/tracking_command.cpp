/// `knelpunt tracking import REGISTER.xlsx [-o tracking.yaml] [--force]
/// [--tracking EXISTING]`: reads the tracking columns people filled in on the
/// Excel register (register/tracking_workbook.hpp) back into a tracking file
/// (docs/register.md, Excel; decision 028). With an existing tracking file
/// (--tracking, else the -o file when it exists) the result is that file
/// with the workbook's rows applied, and every row that differs from what the
/// file gives that risk is reported; its other entries (patterns, expert
/// impact) are kept.

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <map>

#include "cli/commands.hpp"
#include "cli/diagnostics_printer.hpp"
#include "cli/exit_codes.hpp"
#include "cli/model_input.hpp"
#include "model/input_file.hpp"
#include "model/text_format.hpp"
#include "register/tracking.hpp"
#include "register/tracking_workbook.hpp"

namespace knelpunt::cli {

namespace fs = std::filesystem;

namespace {

/// A tracking field compared between the workbook and the existing file.
struct Field {
  std::string_view name;
  std::string risk_register::Tracking::*member;
};
constexpr Field kFields[] = {{"status", &risk_register::Tracking::status},
                             {"owner", &risk_register::Tracking::owner},
                             {"justification", &risk_register::Tracking::justification},
                             {"date", &risk_register::Tracking::date},
                             {"checked_by", &risk_register::Tracking::checked_by}};

class TrackingImportCommand : public Command {
 public:
  CLI::App* attach(CLI::App& app) override {
    auto* command =
        app.add_subcommand("tracking", "Work with the tracking file (status, owner, … per risk)");
    command->require_subcommand(1);
    import_ = command->add_subcommand("import",
                                      "Read the tracking columns of an Excel register (assess -o "
                                      "register.xlsx) into a tracking file");
    import_
        ->add_option("workbook", workbook_,
                     "The Excel register with its tracking columns filled in")
        ->required();
    import_->add_option("-o,--output", output_,
                        "Write the tracking file here (created; an existing file only with "
                        "--force); default: stdout");
    import_->add_flag("--force", force_, "Replace an existing -o file");
    import_->add_option(
        "--tracking", tracking_,
        "The current tracking file: kept, with the workbook's rows applied, and every difference "
        "reported (default: the -o file when it exists)");
    import_->add_flag("-q,--quiet", quiet_, "Print errors only");
    command->footer(
        "Examples:\n  knelpunt assess examples/dordrecht -o register.xlsx\n"
        "  knelpunt tracking import register.xlsx -o examples/dordrecht/tracking.yaml --force\n"
        "Exit: 0 written, 2 bad input (a workbook error, an existing -o without --force), 3 "
        "internal error");
    return command;
  }

  int run() override {
    const fs::path existing_path = existing_tracking_path();
    model::ProtectedFiles inputs;
    inputs.add(workbook_, "the Excel register this run reads");
    // With --force the existing tracking file may be the one replaced: its
    // entries are all in the output.
    if (!force_ && !existing_path.empty())
      inputs.add(existing_path, "the tracking file this run reads");
    const auto mode = force_ ? model::OutputMode::replace : model::OutputMode::create_only;
    // The output is checked before the workbook is read, as every command
    // does (docs/security.md); the write checks again.
    if (const int existing =
            refuse_existing_without_force(output_, force_, "tracking import", " with the merged tracking");
        existing != kExitOk)
      return existing;
    if (const int checked = check_output(output_, inputs, mode); checked != kExitOk) return checked;

    model::Diagnostics diagnostics;
    const auto read = model::read_input_file(
        workbook_,
        {"the Excel register", "an .xlsx workbook written by knelpunt assess -o register.xlsx",
         model::InputLimit::workbook});
    if (!read.text) {
      diagnostics.add(read.problem);
    }
    std::vector<risk_register::TrackingEntry> rows;
    if (read.text) rows = risk_register::read_tracking_workbook(*read.text, workbook_, diagnostics);

    std::optional<risk_register::TrackingFile> existing;
    if (!existing_path.empty())
      existing = risk_register::read_tracking_file(existing_path, diagnostics);
    if (report_diagnostics(diagnostics, quiet_, files_with_errors_of(diagnostics)))
      return kExitBadInput;

    model::Diagnostics differences;
    const auto merged = merge(rows, existing ? &*existing : nullptr, differences);
    print_diagnostics(differences, quiet_);

    const std::string header = fmt::format(
        "Tracking of the risk register (docs/register.md), read from the Excel register {} by\n"
        "knelpunt tracking import{}. Per risk id (or a pattern with * and ?): status (unchecked |\n"
        "in-treatment | accepted | mitigated | false-positive), owner, justification, date, "
        "checked_by.",
        fs::path(workbook_).filename().string(),
        existing ? fmt::format(" into {}", fs::path(existing_path).filename().string())
                 : std::string());
    const std::string content = risk_register::tracking_file_text(merged, header);
    if (const int written = write_output(content, output_, inputs, mode); written != kExitOk)
      return written;
    if (!quiet_) {
      std::cerr << fmt::format("knelpunt: {} risk{} read from {}", rows.size(),
                               rows.size() == 1 ? "" : "s", workbook_);
      if (existing)
        std::cerr << fmt::format("; {} differ{} from {}", changed_, changed_ == 1 ? "s" : "",
                                 existing_path.string());
      if (!output_.empty() && output_ != "-") std::cerr << fmt::format("; wrote {}", output_);
      std::cerr << "\n";
    }
    return kExitOk;
  }

 private:
  /// The files that hold errors, a workbook's sheet!cell locations cut to the file.
  static std::string files_with_errors_of(const model::Diagnostics& diagnostics) {
    std::vector<std::string> files;
    for (const auto& d : diagnostics.items()) {
      if (d.severity != model::Severity::error) continue;
      std::string file = d.where.file;
      if (const auto bang = file.find('!'); bang != std::string::npos) file.resize(bang);
      if (std::find(files.begin(), files.end(), file) == files.end()) files.push_back(file);
    }
    std::sort(files.begin(), files.end());
    return fmt::format("{}", fmt::join(files, ", "));
  }

  fs::path existing_tracking_path() const {
    if (!tracking_.empty()) return tracking_;
    if (!output_.empty() && output_ != "-" && output_exists(output_)) return output_;
    return {};
  }

  /// The existing entries with the workbook's rows applied; each row that
  /// differs from what the existing file gives its risk is a warning at the
  /// row, naming the entry it differs from.
  std::vector<risk_register::TrackingEntry> merge(
      const std::vector<risk_register::TrackingEntry>& rows,
      const risk_register::TrackingFile* existing, model::Diagnostics& differences) {
    std::map<std::string, risk_register::TrackingEntry> result;
    if (existing)
      for (const auto& entry : existing->entries) result.emplace(entry.key, entry);
    for (const auto& row : rows) {
      if (!existing) {
        result[row.key] = row;
        continue;
      }
      // What the existing file gives this risk, by its own matching rules.
      std::vector<risk_register::Risk> probe(1);
      probe[0].id = row.key;
      risk_register::apply_tracking(*existing, probe);
      const auto& before = probe[0].tracking;
      std::vector<std::string> changes;
      for (const auto& field : kFields)
        if (before.*field.member != row.tracking.*field.member)
          changes.push_back(fmt::format("{} '{}' (was '{}')", field.name,
                                        model::one_line(row.tracking.*field.member),
                                        model::one_line(before.*field.member)));
      if (changes.empty()) continue;
      ++changed_;
      const auto from =
          before.matched.empty()
              ? fmt::format("{} (no entry there: unchecked)", existing->path)
              : fmt::format("{} (entry '{}')", where_of(*existing, before.matched), before.matched);
      differences.warning(
          row.where, fmt::format("{} differs from {}: {}; the output takes the workbook's values "
                                 "(right when the workbook is newer; else correct the workbook)",
                                 row.key, from, fmt::join(changes, ", ")));
      auto [it, inserted] = result.try_emplace(row.key, row);
      if (!inserted) {
        // An exact entry: its fields replaced, its expert impact kept.
        for (const auto& field : kFields)
          it->second.tracking.*field.member = row.tracking.*field.member;
      }
    }
    std::vector<risk_register::TrackingEntry> merged;
    for (auto& [key, entry] : result) merged.push_back(std::move(entry));
    return merged;
  }

  static std::string where_of(const risk_register::TrackingFile& file, const std::string& key) {
    for (const auto& entry : file.entries)
      if (entry.key == key) return entry.where.to_string();
    return file.path;
  }

  CLI::App* import_ = nullptr;
  std::string workbook_, output_, tracking_;
  bool force_ = false, quiet_ = false;
  std::size_t changed_ = 0;
};

}  // namespace

std::unique_ptr<Command> make_tracking_command() {
  return std::make_unique<TrackingImportCommand>();
}

}  // namespace knelpunt::cli
