/// `knelpunt diff OLD.json NEW.json`: risks added, resolved and changed
/// between two registers (docs/register.md). Exit 0 whatever the differences,
/// unless `--fail-on-new LEVEL` finds a risk new or raised at or above LEVEL
/// (exit 1, the ids on stderr); 2 when a file is unreadable or no register,
/// or LEVEL is not a level of NEW's risk diagram.

#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/diagnostics_printer.hpp"
#include "cli/exit_codes.hpp"
#include "cli/language_option.hpp"
#include "cli/model_input.hpp"
#include "cli/register_input.hpp"
#include "model/text_format.hpp"
#include "model/input_file.hpp"
#include "register/register_diff.hpp"
#include "register/register_document.hpp"
#include "register/register_formats.hpp"

namespace knelpunt::cli {

namespace {

using model::one_line;

class DiffCommand : public Command {
 public:
  CLI::App* attach(CLI::App& app) override {
    auto* command = app.add_subcommand("diff", "Compare two registers: risks added, resolved and changed");
    command->add_option("OLD", old_path_, "The earlier register (JSON, from knelpunt assess --format json)")
        ->required();
    command->add_option("NEW", new_path_, "The later register (JSON)")->required();
    command->add_option("--format", format_,
                        fmt::format("Output format: {} (md: a merge-request comment)",
                                    fmt::join(risk_register::diff_format_ids(), ", ")))
        ->check(CLI::IsMember(risk_register::diff_format_ids()));
    add_language_option(command, lang_, "Language of the labels: nl (default) or en");
    command->add_option("-o,--output", output_, "Write to this file (atomically) instead of stdout");
    command->add_option("--fail-on-new", fail_on_new_,
                        "Exit 1 when an open risk at or above this level is new in NEW, or rose to it");
    command->footer(
        "Example:\n"
        "  knelpunt assess examples/dordrecht --format json -o new.json\n"
        "  knelpunt diff old.json new.json --format md --lang en > review.md\n"
        "  knelpunt diff old.json new.json --fail-on-new hoog   # CI gate\n"
        "Exit: 0 done (also when the registers differ), 1 --fail-on-new reached by a new or raised open risk,\n"
        "      2 a file unreadable or not a register, or an unknown --fail-on-new level");
    return command;
  }

  int run() override {
    // Read both before giving up, so that one run reports the problems of both files.
    model::ProtectedFiles inputs;
    inputs.add(old_path_);
    inputs.add(new_path_);
    // A refused -o fails before two large registers are read (docs/security.md).
    if (const int checked = check_output(output_, inputs); checked != kExitOk) return checked;
    auto old_register = read_register_or_report(old_path_);
    auto new_register = read_register_or_report(new_path_);
    if (!old_register || !new_register) return kExitBadInput;
    const auto diff = risk_register::diff_registers(*old_register, *new_register);
    std::optional<risk_register::DiffGate> gate;
    if (!fail_on_new_.empty()) {
      // Checked before anything is written: an unknown level is bad input, not a passed gate.
      gate = risk_register::gate_new_risks(diff, new_register->levels, fail_on_new_);
      if (!gate->problem.empty()) {
        std::cerr << fmt::format("knelpunt: --fail-on-new {}\n", gate->problem);
        return kExitBadInput;
      }
    }
    // --format was checked against the same table (register/register_formats.hpp).
    const std::string text = risk_register::find_output_format(format_)->write_diff(diff, lang_);
    if (const int written = write_output(text, output_, inputs); written != kExitOk) return written;
    if (gate && gate->failed()) {
      print_gate(*gate);
      return kExitThreshold;
    }
    return kExitOk;
  }

 private:
  std::string old_path_, new_path_;
  std::string format_ = "text";
  std::string lang_ = "nl";
  std::string output_;
  std::string fail_on_new_;

  /// The risks that failed the gate, one per line: id, "new" or the old level, the new level, the title.
  void print_gate(const risk_register::DiffGate& gate) const {
    std::cerr << fmt::format("knelpunt: --fail-on-new {}: {} open risk{} new or raised to that level or above:\n",
                             fail_on_new_, gate.tripped.size(), gate.tripped.size() == 1 ? "" : "s");
    for (const auto& entry : gate.tripped) {
      const std::string change = entry.old_level.empty() ? fmt::format("new, {}", entry.new_level_name)
                                                         : fmt::format("{} → {}", entry.old_level_name, entry.new_level_name);
      std::cerr << fmt::format("  {}  {}  {}\n", one_line(entry.id), one_line(change), one_line(entry.title));
    }
  }
};

}  // namespace

std::unique_ptr<Command> make_diff_command() { return std::make_unique<DiffCommand>(); }

}  // namespace knelpunt::cli
