#include "cli/import_report.hpp"

#include <fmt/format.h>

#include <vector>

namespace knelpunt::cli {

std::string render_missing_probabilities(const model::ImportedFaultTree& tree) {
  std::vector<std::string> missing;
  for (const auto& a : tree.assets)
    if (!a.is_virtual && !a.p) missing.push_back(a.id);
  if (missing.empty()) return {};
  constexpr std::size_t kNamed = 5;
  std::string names;
  for (std::size_t i = 0; i < missing.size() && i < kNamed; ++i)
    names += (i ? ", " : "") + missing[i];
  if (missing.size() > kNamed) names += fmt::format(" and {} more", missing.size() - kNamed);
  return fmt::format(
      "knelpunt: warning: {} basic event{} without a probability ({}) written without p; "
      "expected a <float> on every basic event for a probability analysis (cutsets "
      "--probability counts a missing p as 0)\n",
      missing.size(), missing.size() == 1 ? "" : "s", names);
}

std::string render_import_summary(const model::MefDefinitions& definitions,
                                  const model::ImportedFaultTree& tree, std::string_view top,
                                  std::string_view output) {
  std::size_t gates = 0, nested = 0, events = 0;
  for (const auto& a : tree.assets) {
    if (!a.is_virtual)
      ++events;
    else if (a.mef_name.empty())
      ++nested;
    else
      ++gates;
  }
  std::string line = fmt::format("knelpunt: {} gate{}", gates, gates == 1 ? "" : "s");
  if (nested > 0)
    line += fmt::format(" (and {} nested formula{} as gates of their own)", nested,
                        nested == 1 ? "" : "s");
  line += fmt::format(" and {} basic event{} below {}", events, events == 1 ? "" : "s", top);
  const std::size_t left_gates = definitions.gates.size() - gates;
  const std::size_t left_events = definitions.basic_events.size() - events;
  if (left_gates + left_events > 0)
    line += fmt::format("; {} gate{} and {} basic event{} it does not reach left out", left_gates,
                        left_gates == 1 ? "" : "s", left_events, left_events == 1 ? "" : "s");
  if (!output.empty() && output != "-") line += fmt::format("; wrote {}", output);
  return line + "\n";
}

}  // namespace knelpunt::cli
