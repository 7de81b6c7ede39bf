#include "register/register_summary.hpp"

#include <algorithm>

namespace knelpunt::risk_register {

namespace {

/// Adds `name` to a count list in place, keeping the fixed entries first and
/// appending unknown names; the caller sorts the appended tail.
void count(std::vector<std::pair<std::string, std::size_t>>& counts, const std::string& name) {
  for (auto& [key, n] : counts)
    if (key == name) {
      ++n;
      return;
    }
  counts.emplace_back(name, 1);
}

void sort_tail(std::vector<std::pair<std::string, std::size_t>>& counts, std::size_t fixed) {
  std::sort(counts.begin() + static_cast<std::ptrdiff_t>(fixed), counts.end());
}

}  // namespace

RegisterSummary summarize(const Register& reg) {
  RegisterSummary summary;
  summary.by_level.assign(reg.diagram.levels.size(), 0);
  for (const auto& assessor : reg.assessors)
    if (std::none_of(summary.by_assessor.begin(), summary.by_assessor.end(),
                     [&](const auto& entry) { return entry.first == assessor; }))
      summary.by_assessor.emplace_back(assessor, 0);
  const std::size_t fixed_assessors = summary.by_assessor.size();
  for (auto status : kTrackingStatuses) summary.by_status.emplace_back(std::string(status), 0);
  const std::size_t fixed_statuses = summary.by_status.size();

  for (const auto& risk : reg.risks) {
    if (risk.level >= 0 && static_cast<std::size_t>(risk.level) < summary.by_level.size())
      ++summary.by_level[static_cast<std::size_t>(risk.level)];
    // A knelpunt entry counts for every analysis that found something about it.
    if (risk.analyses.empty()) count(summary.by_assessor, risk.finding.assessor);
    for (const auto& analysis : risk.analyses) count(summary.by_assessor, analysis);
    count(summary.by_status, risk.tracking.status);
    const bool likelihood_ok = risk.likelihood >= 0 && risk.likelihood < catalogs::kClassCount;
    if (risk.impact_class && likelihood_ok && *risk.impact_class >= 0 && *risk.impact_class < catalogs::kClassCount)
      ++summary.cells[risk.likelihood][*risk.impact_class];
    else
      ++summary.without_impact_class;
  }
  sort_tail(summary.by_assessor, fixed_assessors);
  sort_tail(summary.by_status, fixed_statuses);
  return summary;
}

}  // namespace knelpunt::risk_register
