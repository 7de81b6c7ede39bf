#include "register/register_selection.hpp"

#include <algorithm>

#include "model/keep_flagged.hpp"
#include "register/register_summary.hpp"

namespace knelpunt::risk_register {

namespace {

bool always_listed(const Risk& risk) { return risk.finding.kind == "scenario" || !risk.tracking.matched.empty(); }

}  // namespace

std::vector<Risk> select_entries(Register& reg, const RegisterSelection& selection) {
  std::size_t always = 0;
  for (const auto& risk : reg.risks)
    if (always_listed(risk)) ++always;
  std::size_t room = selection.max_entries > always ? selection.max_entries - always : 0;

  // Which entries are listed: the always-listed ones, then the highest
  // (the risks are in review order) while there is room.
  std::vector<bool> left_out_at(reg.risks.size(), true);
  std::size_t listed_count = 0;
  for (std::size_t i = 0; i < reg.risks.size(); ++i) {
    const Risk& risk = reg.risks[i];
    if (always_listed(risk)) {
      left_out_at[i] = false;
    } else if (risk.level >= selection.min_level && room > 0) {
      --room;
      left_out_at[i] = false;
    }
    if (!left_out_at[i]) ++listed_count;
  }
  // The few listed entries are moved out; what is left out stays where it
  // is and is compacted in place (an entry is large, and at region scale a
  // second vector of tens of thousands would be tens of megabytes of fresh pages).
  std::vector<Risk> listed;
  listed.reserve(listed_count);
  for (std::size_t i = 0; i < reg.risks.size(); ++i)
    if (!left_out_at[i]) listed.push_back(std::move(reg.risks[i]));
  model::keep_flagged(reg.risks, left_out_at);
  // What is left out, in a register of its own so that it is counted exactly
  // as the summary counts the listed entries (per level, per sector).
  Register left_out;
  left_out.diagram = reg.diagram;
  left_out.process_sectors = reg.process_sectors;
  left_out.risks = std::move(reg.risks);
  reg.risks = std::move(listed);

  auto counts = summarize(left_out);
  RegisterListing listing;
  listing.min_level = selection.min_level;
  listing.max_entries = selection.max_entries;
  listing.not_listed = left_out.risks.size();
  listing.not_listed_by_level = std::move(counts.by_level);
  listing.not_listed_by_sector = std::move(counts.by_sector);
  listing.not_listed_by_kind = std::move(counts.by_kind);
  reg.listing = std::move(listing);
  return std::move(left_out.risks);
}

}  // namespace knelpunt::risk_register
