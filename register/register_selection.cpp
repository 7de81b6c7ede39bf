#include "register/register_selection.hpp"

#include "register/register_summary.hpp"

#include <algorithm>

namespace knelpunt::risk_register {

namespace {

bool always_listed(const Risk& risk) { return risk.finding.kind == "scenario" || !risk.tracking.matched.empty(); }

}  // namespace

std::vector<Risk> select_entries(Register& reg, const RegisterSelection& selection) {
  std::size_t always = 0;
  for (const auto& risk : reg.risks)
    if (always_listed(risk)) ++always;
  std::size_t room = selection.max_entries > always ? selection.max_entries - always : 0;

  std::vector<Risk> listed;
  // What is left out, in a register of its own so that it is counted exactly
  // as the summary counts the listed entries (per level, per sector).
  Register left_out;
  left_out.diagram = reg.diagram;
  left_out.process_sectors = reg.process_sectors;
  // Reserved, so that each entry (large) is moved once.
  listed.reserve(std::min(reg.risks.size(), always + room));
  left_out.risks.reserve(reg.risks.size() - always);
  for (auto& risk : reg.risks) {
    if (always_listed(risk)) {
      listed.push_back(std::move(risk));
    } else if (risk.level >= selection.min_level && room > 0) {
      --room;
      listed.push_back(std::move(risk));
    } else {
      left_out.risks.push_back(std::move(risk));
    }
  }
  reg.risks = std::move(listed);

  auto counts = summarize(left_out);
  RegisterListing listing;
  listing.min_level = selection.min_level;
  listing.max_entries = selection.max_entries;
  listing.not_listed = left_out.risks.size();
  listing.not_listed_by_level = std::move(counts.by_level);
  listing.not_listed_by_sector = std::move(counts.by_sector);
  reg.listing = std::move(listing);
  return std::move(left_out.risks);
}

}  // namespace knelpunt::risk_register
