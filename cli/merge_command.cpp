/// `knelpunt merge PART…`: combines the partial results of `knelpunt reach
/// --shard I/N` into the result one machine would have printed (docs/reach.md).

#include <algorithm>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/language_option.hpp"
#include "cli/model_input.hpp"
#include "cli/option_ranges.hpp"
#include "cli/reach_report.hpp"
#include "cli/reach_shard_reader.hpp"
#include "model/input_file.hpp"
#include "model/text_format.hpp"

namespace knelpunt::cli {

namespace {

/// A message naming an asset listed twice (in one shard or in two) and the
/// parts it is in; "" when every asset appears once. Shards partition the
/// assets, so a repeat means altered or mixed-up files.
std::string first_repeated_asset(const std::vector<ReachShardFile>& files, const std::vector<std::string>& parts) {
  std::vector<std::pair<std::string_view, std::size_t>> assets;  // asset id, part
  for (std::size_t part = 0; part < files.size(); ++part)
    for (const auto& row : files[part].report.rows) assets.emplace_back(row.asset, part);
  std::sort(assets.begin(), assets.end());
  const auto repeat = std::adjacent_find(assets.begin(), assets.end(),
                                         [](const auto& a, const auto& b) { return a.first == b.first; });
  if (repeat == assets.end()) return {};
  const auto& other = *(repeat + 1);
  const std::string where = repeat->second == other.second ? fmt::format("twice in {}", parts[repeat->second])
                                                            : fmt::format("in both {} and {}", parts[repeat->second],
                                                                          parts[other.second]);
  return fmt::format("knelpunt: asset '{}' is listed {}; expected each asset in exactly one shard\n",
                     model::one_line(repeat->first.substr(0, 80)), where);  // a file's text, cut (docs/security.md)
}

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
    ReachReport merged;
    merged.region = first.report.region;
    merged.horizon = first.report.horizon;
    // Nothing is sized by N, which comes from a file: a shard claiming 4e9
    // parts must not allocate 4e9 slots (docs/security.md, Feeds and JSON).
    std::vector<std::pair<std::uint32_t, std::size_t>> indices;  // shard index, part
    for (std::size_t i = 0; i < files.size(); ++i) {
      const auto& file = files[i];
      if (file.shard.count != first.shard.count || file.digest != first.digest ||
          file.report.horizon != first.report.horizon) {
        std::cerr << fmt::format("knelpunt: {} does not belong with {}: expected the same model, horizon and shard "
                                 "count N in every part\n",
                                 parts_[i], parts_[0]);
        return kExitBadInput;
      }
      indices.emplace_back(file.shard.index, i);
      merged.rows.insert(merged.rows.end(), file.report.rows.begin(), file.report.rows.end());
    }
    std::sort(indices.begin(), indices.end());
    for (std::size_t k = 1; k < indices.size(); ++k)
      if (indices[k].first == indices[k - 1].first) {
        std::cerr << fmt::format("knelpunt: {} and {} are both shard {}/{}; expected each shard once\n",
                                 parts_[indices[k - 1].second], parts_[indices[k].second], indices[k].first,
                                 first.shard.count);
        return kExitBadInput;
      }
    // Distinct indices below N: exactly N parts means none is missing.
    if (indices.size() < first.shard.count) {
      std::uint32_t missing = 0;
      while (missing < indices.size() && indices[missing].first == missing) ++missing;
      std::cerr << fmt::format("knelpunt: shard {}/{} is missing; expected all {} parts\n", missing,
                               first.shard.count, first.shard.count);
      return kExitBadInput;
    }
    if (const auto duplicate = first_repeated_asset(files, parts_); !duplicate.empty()) {
      std::cerr << duplicate;
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
