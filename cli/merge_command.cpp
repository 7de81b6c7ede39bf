/// `knelpunt merge PART…`: combines the partial results of `knelpunt reach
/// --shard I/N` into the result one machine would have printed (docs/reach.md).

#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/language_option.hpp"
#include "cli/model_input.hpp"
#include "cli/option_ranges.hpp"
#include "cli/reach_report.hpp"
#include "model/input_file.hpp"

namespace knelpunt::cli {

namespace {

class MergeCommand : public Command {
 public:
  CLI::App* attach(CLI::App& app) override {
    auto* command = app.add_subcommand("merge", "Combine partial results written with --shard I/N");
    command->add_option("parts", parts_, "The shard files, all N of them, in any order")->required();
    command->add_option("--top", top_, "Show only the N assets that reach furthest (text default: 20; json default: all)")
        ->check(CLI::Range(std::size_t{1}, kMaxTop));
    command->add_option("--format", format_, "Output format")->check(CLI::IsMember({"text", "json"}));
    add_language_option(command, lang_);
    command->add_option("-o,--output", output_, "Write to this file (atomically) instead of stdout");
    command->footer(
        "The result is byte for byte what one machine prints for the same model and options.\n"
        "Example (a 4-way CI matrix or Slurm array, then one merge job):\n"
        "  knelpunt reach big-region --shard $I/4 -o part-$I.json\n"
        "  knelpunt merge part-*.json --format json -o reach.json");
    return command;
  }

  int run() override {
    std::vector<ReachShardFile> files;
    for (const auto& path : parts_) {
      const auto input = model::read_input_file(
          path, {"", "a shard file from knelpunt reach --shard I/N", model::kMaxReachShardBytes});
      if (!input.text) {
        std::cerr << fmt::format("knelpunt: {}: {}\n", path, input.problem.message);
        return kExitBadInput;
      }
      std::string error;
      auto file = parse_reach_shard(*input.text, error);
      if (!file) {
        std::cerr << fmt::format("knelpunt: {}: {}\n", path, error);
        return kExitBadInput;
      }
      files.push_back(std::move(*file));
    }
    const auto& first = files.front();
    std::vector<std::string> seen(first.shard.count);
    ReachReport merged;
    merged.region = first.report.region;
    merged.horizon = first.report.horizon;
    for (std::size_t i = 0; i < files.size(); ++i) {
      const auto& file = files[i];
      if (file.shard.count != first.shard.count || file.digest != first.digest ||
          file.report.horizon != first.report.horizon) {
        std::cerr << fmt::format("knelpunt: {} does not belong with {}: expected the same model, horizon and shard "
                                 "count N in every part\n",
                                 parts_[i], parts_[0]);
        return kExitBadInput;
      }
      if (!seen[file.shard.index].empty()) {
        std::cerr << fmt::format("knelpunt: {} and {} are both shard {}/{}; expected each shard once\n",
                                 seen[file.shard.index], parts_[i], file.shard.index, file.shard.count);
        return kExitBadInput;
      }
      seen[file.shard.index] = parts_[i];
      merged.rows.insert(merged.rows.end(), file.report.rows.begin(), file.report.rows.end());
    }
    for (std::uint32_t shard = 0; shard < first.shard.count; ++shard)
      if (seen[shard].empty()) {
        std::cerr << fmt::format("knelpunt: shard {}/{} is missing; expected all {} parts\n", shard, first.shard.count,
                                 first.shard.count);
        return kExitBadInput;
      }
    sort_reach_rows(merged.rows);
    const std::string text = format_ == "json" ? render_reach_json(merged, top_) : render_reach_text(merged, top_, lang_);
    model::ProtectedFiles inputs;
    for (const auto& path : parts_) inputs.add(path);
    return write_output(text, output_, inputs);
  }

 private:
  std::vector<std::string> parts_;
  std::size_t top_ = 0;
  std::string format_ = "text";
  std::string lang_ = "nl";
  std::string output_;
};

}  // namespace

std::unique_ptr<Command> make_merge_command() { return std::make_unique<MergeCommand>(); }

}  // namespace knelpunt::cli
