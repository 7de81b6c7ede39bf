#include "register/register_selection.hpp"

#include <map>
#include <set>
#include <tuple>

namespace knelpunt::risk_register {

namespace {

bool always_listed(const Risk& risk) { return risk.finding.kind == "scenario" || !risk.tracking.matched.empty(); }

}  // namespace

std::vector<Risk> select_entries(Register& reg, const RegisterSelection& selection,
                                 const catalogs::ReferenceData& reference) {
  std::size_t room = selection.max_entries;
  for (const auto& risk : reg.risks)
    if (always_listed(risk)) room = room > 0 ? room - 1 : 0;

  std::vector<Risk> listed, not_listed;
  for (auto& risk : reg.risks) {
    if (always_listed(risk)) {
      listed.push_back(std::move(risk));
    } else if (risk.level >= selection.min_level && room > 0) {
      --room;
      listed.push_back(std::move(risk));
    } else {
      not_listed.push_back(std::move(risk));
    }
  }
  reg.risks = std::move(listed);

  RegisterListing listing;
  listing.min_level = selection.min_level;
  listing.max_entries = selection.max_entries;
  listing.not_listed = not_listed.size();
  listing.not_listed_by_level.assign(reg.diagram.levels.size(), 0);
  // (sector, level highest first) → count; the English name rides along.
  std::map<std::tuple<std::string, int>, std::size_t> counts;
  std::map<std::string, std::string> english;
  for (const auto& risk : not_listed) {
    ++listing.not_listed_by_level.at(static_cast<std::size_t>(risk.level));
    std::set<std::string> sectors;
    for (const auto& id : risk.vital_processes)
      if (const auto* process = reference.process(id)) {
        sectors.insert(process->sector);
        english[process->sector] = process->sector_en.empty() ? process->sector : process->sector_en;
      }
    if (sectors.empty()) sectors.insert("");
    for (const auto& sector : sectors) ++counts[{sector, -risk.level}];
  }
  for (const auto& [key, count] : counts) {
    const auto& [sector, negative_level] = key;
    listing.not_listed_by_sector.push_back({sector, sector.empty() ? "" : english[sector], -negative_level, count});
  }
  reg.listing = std::move(listing);
  return not_listed;
}

}  // namespace knelpunt::risk_register
