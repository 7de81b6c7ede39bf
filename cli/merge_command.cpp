/// `knelpunt merge PART…`: combines the partial results of `knelpunt reach
/// --shard I/N` (docs/reach.md) or of `knelpunt simulate --shard I/N`
/// (docs/simulate.md), told apart by their "format", into the result one
/// machine would have printed.

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
#include "cli/simulate_shard_reader.hpp"
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
    auto* command = app.add_subcommand("merge", "Combine partial results of reach or simulate written with --shard I/N");
    command->add_option("parts", parts_, "The shard files, all N of them, in any order")->required();
    command->add_option("--top", top_,
                        "Show only the first N assets: reach furthest (text default: 20; json default: all), or fail "
                        "most often (simulate, text only; default 20)")
        ->check(CLI::Range(std::size_t{1}, kMaxTop));
    command->add_option("--format", format_, "Output format")->check(CLI::IsMember({"text", "json"}));
    add_language_option(command, lang_);
    command->add_option("-o,--output", output_, "Write to this file (atomically) instead of stdout");
    command->footer(
        "The result is byte for byte what one machine prints for the same model and options.\n"
        "Example (a 4-way CI matrix or Slurm array, then one merge job):\n"
        "  knelpunt reach big-region --shard $I/4 -o part-$I.json\n"
        "  knelpunt merge part-*.json --format json -o reach.json\n"
        "  knelpunt simulate big-region --runs 1000000 --seed 7 --shard $I/4 -o sim-$I.json\n"
        "  knelpunt merge sim-*.json --format json -o simulate.json");
    return command;
  }

  int run() override {
    // A refused -o fails before the shards are read (docs/security.md).
    if (const int checked = check_output(output_, shard_inputs()); checked != kExitOk) return checked;
    // One part in memory at a time: each is parsed as it is read, and its
    // text dropped. The first part says which kind of shards these are;
    // every part is then read as that kind, so a mix is refused with the
    // reader's message.
    auto first_text = read_part(0);
    if (!first_text) return kExitBadInput;
    if (is_simulate_shard(*first_text)) return merge_simulate(std::move(*first_text));
    std::vector<ReachShardFile> files;
    for (std::size_t i = 0; i < parts_.size(); ++i) {
      auto text = i == 0 ? std::move(first_text) : read_part(i);
      if (!text) return kExitBadInput;
      std::string error;
      auto file = parse_reach_shard(*text, error);
      if (!file) {
        std::cerr << fmt::format("knelpunt: {}: {}\n", parts_[i], error);
        return kExitBadInput;
      }
      files.push_back(std::move(*file));
    }
    const auto& first = files.front();
    ReachReport merged;
    merged.region = first.report.region;
    merged.horizon = first.report.horizon;
    merged.has_recovery = first.report.has_recovery;  // part of the model, which the digest fixes
    merged.profile = first.report.profile;
    merged.own_horizons = first.report.own_horizons;
    merged.process_names = first.report.process_names;
    // Nothing is sized by N, which comes from a file: a shard claiming 4e9
    // parts must not allocate 4e9 slots (docs/security.md, Feeds and JSON).
    std::vector<std::pair<std::uint32_t, std::size_t>> indices;  // shard index, part
    for (std::size_t i = 0; i < files.size(); ++i) {
      const auto& file = files[i];
      const auto same_own_horizons = [&] {
        const auto& a = file.report.own_horizons;
        const auto& b = first.report.own_horizons;
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const auto& x, const auto& y) {
                 return x.process == y.process && x.hours == y.hours;
               });
      };
      if (file.shard.count != first.shard.count || file.digest != first.digest ||
          file.report.horizon != first.report.horizon || file.report.profile != first.report.profile ||
          !same_own_horizons()) {
        std::cerr << fmt::format("knelpunt: {} does not belong with {}: expected the same model, horizon, process "
                                 "horizons and shard count N in every part\n",
                                 parts_[i], parts_[0]);
        return kExitBadInput;
      }
      indices.emplace_back(file.shard.index, i);
      merged.rows.insert(merged.rows.end(), file.report.rows.begin(), file.report.rows.end());
    }
    if (!complete_or_report(indices, first.shard.count)) return kExitBadInput;
    if (const auto duplicate = first_repeated_asset(files, parts_); !duplicate.empty()) {
      std::cerr << duplicate;
      return kExitBadInput;
    }
    sort_reach_rows(merged.rows);
    if (format_ == "json")
      return write_output(
          [&](const std::function<bool(std::string_view)>& write) {
            write_reach_json(merged, top_, write);
          },
          output_, shard_inputs());
    return write_output(render_reach_text(merged, top_, lang_), output_, shard_inputs());
  }

 private:
  /// Checks that the shard indices are 0..N-1, each once; else prints why.
  bool complete_or_report(std::vector<std::pair<std::uint32_t, std::size_t>> indices, std::uint32_t count) const {
    std::sort(indices.begin(), indices.end());
    for (std::size_t k = 1; k < indices.size(); ++k)
      if (indices[k].first == indices[k - 1].first) {
        std::cerr << fmt::format("knelpunt: {} and {} are both shard {}/{}; expected each shard once\n",
                                 parts_[indices[k - 1].second], parts_[indices[k].second], indices[k].first, count);
        return false;
      }
    // Distinct indices below N: exactly N parts means none is missing.
    if (indices.size() < count) {
      std::uint32_t missing = 0;
      while (missing < indices.size() && indices[missing].first == missing) ++missing;
      std::cerr << fmt::format("knelpunt: shard {}/{} is missing; expected all {} parts\n", missing, count, count);
      return false;
    }
    return true;
  }

  /// `simulate` shards: the counts added up, rendered as one unsharded run.
  /// The shards: no output may replace one of them.
  model::ProtectedFiles shard_inputs() const {
    model::ProtectedFiles inputs;
    for (const auto& path : parts_) inputs.add(path);
    return inputs;
  }

  /// The text of part `i`, or nothing after printing why it cannot be read.
  std::optional<std::string> read_part(std::size_t i) const {
    auto input = model::read_input_file(
        parts_[i], {"", "a shard file from knelpunt reach or simulate --shard I/N", model::InputLimit::shard});
    if (!input.text) std::cerr << fmt::format("knelpunt: {}: {}\n", parts_[i], input.problem.message);
    return std::move(input.text);
  }

  int merge_simulate(std::string first_text) const {
    std::vector<SimulateShardFile> files;
    std::optional<std::string> part = std::move(first_text);
    for (std::size_t i = 0; i < parts_.size(); ++i) {
      if (i > 0) part = read_part(i);
      if (!part) return kExitBadInput;
      std::string error;
      auto file = parse_simulate_shard(*part, error);
      if (!file) {
        std::cerr << fmt::format("knelpunt: {}: {}\n", parts_[i], error);
        return kExitBadInput;
      }
      files.push_back(std::move(*file));
    }
    const auto& first = files.front();
    std::vector<std::pair<std::uint32_t, std::size_t>> indices;  // shard index, part
    for (std::size_t i = 0; i < files.size(); ++i) {
      const auto& file = files[i];
      const auto same_assets = [&] {
        if (file.report.assets.size() != first.report.assets.size()) return false;
        for (std::size_t a = 0; a < file.report.assets.size(); ++a)
          if (file.report.assets[a].id != first.report.assets[a].id ||
              file.report.assets[a].name != first.report.assets[a].name)
            return false;
        return true;
      };
      const auto same_scenarios = [&] {
        if (file.report.scenarios.size() != first.report.scenarios.size()) return false;
        for (std::size_t s = 0; s < file.report.scenarios.size(); ++s)
          if (file.report.scenarios[s].id != first.report.scenarios[s].id ||
              file.report.scenarios[s].frequency != first.report.scenarios[s].frequency)
            return false;
        return true;
      };
      if (file.shard.count != first.shard.count || file.digest != first.digest ||
          file.report.horizon != first.report.horizon || file.report.seed != first.report.seed ||
          file.report.runs != first.report.runs || file.report.region != first.report.region ||
          file.report.most_people != first.report.most_people || !same_assets() ||
          !same_scenarios() || file.report.joint_sets != first.report.joint_sets) {
        std::cerr << fmt::format("knelpunt: {} does not belong with {}: expected the same model, horizon, seed, runs, "
                                 "--joint sets and shard count N in every part\n",
                                 parts_[i], parts_[0]);
        return kExitBadInput;
      }
      indices.emplace_back(file.shard.index, i);
    }
    if (!complete_or_report(indices, first.shard.count)) return kExitBadInput;
    SimulateReport merged = first.report;
    merged.tally = {};
    // Integer counts: the sum is the same in any order, and equals one run's.
    for (const auto& file : files) engine::add_tally(merged.tally, file.report.tally);
    const std::string text = format_ == "json" ? render_simulate_json(merged) : render_simulate_text(merged, top_, lang_);
    return write_output(text, output_, shard_inputs());
  }

  std::vector<std::string> parts_;
  std::size_t top_ = 0;
  std::string format_ = "text";
  std::string lang_ = "nl";
  std::string output_;
};

}  // namespace

std::unique_ptr<Command> make_merge_command() { return std::make_unique<MergeCommand>(); }

}  // namespace knelpunt::cli
