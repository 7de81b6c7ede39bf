#include "engine/affected_people.hpp"

#include <algorithm>
#include <map>
#include <utility>

namespace knelpunt::engine {

PeopleServed::PeopleServed(const model::Model& model, std::span<const std::string> uncounted_services) {
  auto counted = [&](const std::string& service) {
    return std::find(uncounted_services.begin(), uncounted_services.end(), service) == uncounted_services.end();
  };
  real_areas_ = model.areas.size();
  for (const auto& area : model.areas) {
    population_.push_back(area.population);
    total_ += area.population;
  }
  // One slot per (area, service) pair, shared by every asset that supplies
  // that service to that area: the pair is lost while any of them is down.
  std::map<std::pair<std::size_t, std::string_view>, std::uint32_t> slot_of;
  // Services by id, so that their indices do not depend on the order of the model.
  std::map<std::string_view, std::uint32_t> service_of;
  for (const auto& asset : model.assets)
    for (const auto& supply : asset.supplies)
      if (counted(supply.service)) service_of.emplace(supply.service, 0);
  for (auto& [service, index] : service_of) {
    index = static_cast<std::uint32_t>(services_.size());
    services_.emplace_back(service);
  }
  // Straight into the CSR arrays, one asset after the other: at national
  // scale a vector per asset cost 200 000 allocations for one pair each.
  asset_begin_.reserve(model.assets.size() + 1);
  asset_begin_.push_back(0);
  std::vector<std::uint32_t> slots;  // one asset's pairs, reused
  for (std::size_t a = 0; a < model.assets.size(); ++a) {
    const auto& asset = model.assets[a];
    if (asset.supplies.empty()) {
      if (!asset.is_virtual && asset.population() > 0) {
        // docs/decisions/013-population-areas.md: an asset without areas is an area of its own.
        const auto area = static_cast<std::uint32_t>(population_.size());
        population_.push_back(asset.population());
        asset_slots_.push_back(static_cast<std::uint32_t>(slot_area_.size()));
        slot_area_.push_back(area);
        slot_service_.push_back(kNoService);
      }
      asset_begin_.push_back(static_cast<std::uint32_t>(asset_slots_.size()));
      continue;
    }
    slots.clear();
    for (const auto& supply : asset.supplies) {
      // An uncounted service supplies its areas, but losing it affects no one.
      if (!counted(supply.service)) continue;
      for (const auto& area_id : supply.areas) {
        const auto area = model.find_area(area_id);
        if (!area) continue;  // the validator reports unknown areas
        auto [it, added] = slot_of.try_emplace({*area, supply.service}, static_cast<std::uint32_t>(slot_area_.size()));
        if (added) {
          slot_area_.push_back(static_cast<std::uint32_t>(*area));
          slot_service_.push_back(service_of.at(supply.service));
        }
        slots.push_back(it->second);
      }
    }
    std::sort(slots.begin(), slots.end());
    slots.erase(std::unique(slots.begin(), slots.end()), slots.end());
    asset_slots_.insert(asset_slots_.end(), slots.begin(), slots.end());
    asset_begin_.push_back(static_cast<std::uint32_t>(asset_slots_.size()));
  }
}

std::vector<double> PeopleServed::fingerprint_values() const {
  std::vector<double> values(population_.begin(), population_.end());
  values.push_back(static_cast<double>(real_areas_));
  for (std::size_t asset = 0; asset < asset_count(); ++asset) {
    values.push_back(static_cast<double>(asset_begin_[asset + 1] - asset_begin_[asset]));
    for (auto slot : pairs_of(static_cast<model::AssetIndex>(asset))) {
      values.push_back(static_cast<double>(slot_area_[slot]));
      values.push_back(static_cast<double>(slot_service_[slot]));
    }
  }
  return values;
}

AffectedPeopleCounter::AffectedPeopleCounter(const PeopleServed& served, std::vector<bool> counts)
    : served_(served),
      counts_(std::move(counts)),
      down_(served.asset_count(), false),
      slot_down_(served.slot_area_.size(), 0),
      area_lost_(served.area_count(), 0),
      service_lost_(served.service_count(), 0) {}

void AffectedPeopleCounter::set_down(model::AssetIndex asset, bool down) {
  if (down_[asset] == down) return;
  down_[asset] = down;
  if (down) set_down_.push_back(asset);
  if (!counts_.empty() && !counts_[asset]) return;
  for (auto i = served_.asset_begin_[asset]; i < served_.asset_begin_[asset + 1]; ++i) {
    const auto slot = served_.asset_slots_[i];
    const auto area = served_.slot_area_[slot];
    const double population = served_.population_[area];
    // A pair changes state only on its first supplier down and its last one back.
    if (down ? slot_down_[slot]++ != 0 : --slot_down_[slot] != 0) continue;
    service_people_ += down ? population : -population;
    if (const auto service = served_.slot_service_[slot]; service != PeopleServed::kNoService)
      down ? ++service_lost_[service] : --service_lost_[service];
    if (down ? area_lost_[area]++ != 0 : --area_lost_[area] != 0) continue;
    people_ += down ? population : -population;
    if (down) ++areas_;
    else --areas_;
    if (served_.is_pseudo(area)) {
      if (down) ++pseudo_areas_;
      else --pseudo_areas_;
    }
  }
}

void AffectedPeopleCounter::reset() {
  for (auto asset : set_down_) set_down(asset, false);
  set_down_.clear();
  // Every pair and area is back at zero; the sums may keep a rounding residue
  // of the additions and subtractions, which must not leak into the next run.
  people_ = 0;
  service_people_ = 0;
}

std::vector<std::uint32_t> AffectedPeopleCounter::lost_services() const {
  std::vector<std::uint32_t> lost;
  for (std::uint32_t service = 0; service < service_lost_.size(); ++service)
    if (service_lost_[service] > 0) lost.push_back(service);
  return lost;
}

AffectedPeople affected_people(const PeopleServed& served, const std::vector<bool>& down,
                               const std::vector<bool>& counts) {
  AffectedPeopleCounter counter(served, counts);
  for (model::AssetIndex a = 0; a < down.size() && a < served.asset_count(); ++a)
    if (down[a]) counter.set_down(a, true);
  return counter.people();
}

AffectedPeople affected_people(AffectedPeopleCounter& counter, std::span<const model::AssetIndex> down) {
  for (auto asset : down) counter.set_down(asset, true);
  const auto people = counter.people();
  counter.reset();
  return people;
}

PeopleHours people_hours(const PeopleServed& served, std::span<const DownSpan> spans, model::Hours horizon,
                         const std::vector<bool>& counts) {
  AffectedPeopleCounter counter(served, counts);
  return people_hours(counter, spans, horizon);
}

PeopleHours people_hours(AffectedPeopleCounter& counter, std::span<const DownSpan> spans, model::Hours horizon) {
  std::optional<AffectedPeople> all_down;
  return people_hours(counter, spans, horizon, all_down);
}

PeopleHours people_hours(AffectedPeopleCounter& counter, std::span<const DownSpan> spans,
                         model::Hours horizon, std::optional<AffectedPeople>& all_down) {
  // Sweep the starts and ends in time order; between two instants people-hours
  // accrue at the rate of the pairs then lacking. The order of changes at one
  // instant does not matter: nothing accrues during an instant.
  struct Change {
    model::Hours at;
    model::AssetIndex asset;
    bool down;
    std::uint32_t position;  ///< in the order made: a total order without stable_sort's buffer
  };
  std::vector<Change> changes;
  changes.reserve(spans.size() * 2);
  bool down_at_horizon = true;  // every span down at the end of the sweep
  for (const auto& span : spans) {
    if (span.start >= span.end || span.start > horizon) {
      down_at_horizon = false;
      continue;
    }
    changes.push_back({span.start, span.asset, true, static_cast<std::uint32_t>(changes.size())});
    if (span.end < horizon) {
      changes.push_back({span.end, span.asset, false, static_cast<std::uint32_t>(changes.size())});
      down_at_horizon = false;
    }
  }
  const auto in_time_order = [](const Change& a, const Change& b) {
    if (a.at != b.at) return a.at < b.at;
    if (a.down != b.down) return a.down < b.down;  // returns first, so an asset's touching spans hand over cleanly
    return a.position < b.position;
  };
  // A cascade without restoration gives its spans in settling order: sorted already.
  if (!std::is_sorted(changes.begin(), changes.end(), in_time_order))
    std::sort(changes.begin(), changes.end(), in_time_order);
  PeopleHours result;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    counter.set_down(changes[i].asset, changes[i].down);
    if (i + 1 < changes.size() && changes[i + 1].at == changes[i].at) continue;
    const model::Hours until = i + 1 < changes.size() ? changes[i + 1].at : horizon;
    if (counter.service_people() > 0) {
      result.people_hours += counter.service_people() * (until - changes[i].at);
      result.upper_bound = result.upper_bound || counter.service_upper_bound();
    }
  }
  all_down.reset();
  if (down_at_horizon) all_down = counter.people();
  counter.reset();
  return result;
}

}  // namespace knelpunt::engine
