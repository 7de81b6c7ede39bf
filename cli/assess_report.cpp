#include "cli/assess_report.hpp"

#include <vector>

#include <fmt/format.h>

#include "model/text_format.hpp"
#include "register/register_texts.hpp"
#include "register/tracking.hpp"

namespace knelpunt::cli {

using model::one_line;

std::string render_unmatched_tracking(const risk_register::Register& reg) {
  std::string out;
  for (const auto& unmatched : reg.unmatched_tracking) {
    if (unmatched.applied)
      out += fmt::format("{}: warning: tracking entry '{}' names the id that entry {} had before it was named "
                         "after its local event (decision 058); applied to {}; expected the new id (rename the "
                         "entry)\n",
                         unmatched.where, unmatched.key, unmatched.now_in, unmatched.now_in);
    else if (!unmatched.now_in.empty())
      out += fmt::format("{}: warning: tracking entry '{}' names a risk that is now part of entry {}; "
                         "expected that id (move the entry's decision to {} after review)\n",
                         unmatched.where, unmatched.key, unmatched.now_in, unmatched.now_in);
    else if (unmatched.shadowed_by.empty())
      out += fmt::format("{}: warning: tracking entry '{}' matches no risk of this register; expected a current "
                         "risk id or pattern (the risk may be resolved or its id changed)\n",
                         unmatched.where, unmatched.key);
    else
      out += fmt::format("{}: warning: tracking entry '{}' applies to no risk: every risk it matches follows a "
                         "more specific entry ({}); expected an entry that decides some risk (remove it, or "
                         "narrow the others)\n",
                         unmatched.where, unmatched.key, fmt::join(unmatched.shadowed_by, ", "));
  }
  return out;
}

AssessSummary render_assess_summary(const risk_register::Register& reg, const AssessSummaryOptions& options) {
  const auto& fail_level = options.fail_level;
  const std::string_view lang = options.lang;
  std::vector<std::size_t> per_level(reg.diagram.levels.size(), 0);
  std::vector<const risk_register::Risk*> failing;  // in register order: highest level first
  for (const auto& risk : reg.risks) {
    ++per_level[static_cast<std::size_t>(risk.level)];
    if (fail_level && risk.level >= *fail_level && risk_register::counts_for_fail_on(risk.tracking.status))
      failing.push_back(&risk);
  }
  // Entries not listed have no tracking record (select_entries lists every
  // tracked one), so each is open: the gate counts them too.
  std::size_t failing_not_listed = 0;
  if (fail_level && reg.listing)
    for (std::size_t l = static_cast<std::size_t>(*fail_level); l < reg.listing->not_listed_by_level.size(); ++l)
      failing_not_listed += reg.listing->not_listed_by_level[l];
  AssessSummary summary;
  std::string& out = summary.text;
  if (!options.quiet) {
    std::vector<std::string> counts;
    for (std::size_t l = reg.diagram.levels.size(); l-- > 0;)
      counts.push_back(fmt::format("{} {}", per_level[l], risk_register::level_name(reg.diagram, static_cast<int>(l), lang)));
    out += fmt::format("knelpunt: {} risk{} ({}){}\n", reg.risks.size(), reg.risks.size() == 1 ? "" : "s",
                       fmt::join(counts, ", "),
                       options.output.empty() || options.output == "-" ? "" : "; written to " + options.output);
    if (reg.listing && reg.listing->not_listed > 0)
      out += fmt::format("knelpunt: {} more computed but not listed (profile register: min_level {}, "
                         "max_entries {}); counted per sector and level in the register{}\n",
                         reg.listing->not_listed, reg.diagram.levels.at(static_cast<std::size_t>(reg.listing->min_level)).id,
                         reg.listing->max_entries,
                         options.knelpunten_csv.empty() ? "; --knelpunten-csv FILE lists every asset"
                                                        : ", every asset in " + options.knelpunten_csv);
  }
  if (failing.empty() && failing_not_listed == 0) return summary;
  // The ids a CI log must show: which risks to treat, accept or mark false-positive in the tracking file.
  const std::size_t total = failing.size() + failing_not_listed;
  out += fmt::format("knelpunt: --fail-on {}: {} open risk{} at or above that level (not accepted, "
                     "mitigated or false-positive in the tracking file):\n",
                     options.fail_on, total, total == 1 ? "" : "s");
  for (const auto* risk : failing)
    out += fmt::format("  {}  {}  {}\n", risk->id, risk_register::level_name(reg.diagram, risk->level, lang),
                       one_line(risk_register::in_language(risk->finding.title, lang)));
  if (failing_not_listed > 0)
    out += fmt::format("  and {} open risk{} at or above that level not listed in the register (raise "
                       "register.max_entries in the profile, or see --knelpunten-csv)\n",
                       failing_not_listed, failing_not_listed == 1 ? "" : "s");
  summary.threshold_reached = true;
  return summary;
}

}  // namespace knelpunt::cli
