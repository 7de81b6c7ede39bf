#include "assessors/service_outage.hpp"

#include <algorithm>
#include <map>
#include <string_view>

namespace knelpunt::assessors {

ServiceOutage::ServiceOutage(const model::Model& model) : model_(model), supplies_(model.assets.size()) {
  std::map<std::string_view, std::size_t> area_index;
  for (std::size_t i = 0; i < model.areas.size(); ++i) area_index.emplace(model.areas[i].id, i);
  for (std::size_t a = 0; a < model.assets.size(); ++a)
    for (const auto& supply : model.assets[a].supplies)
      for (const auto& area : supply.areas)
        if (auto it = area_index.find(area); it != area_index.end()) supplies_[a].emplace_back(supply.service, it->second);
}

ServiceOutageValue ServiceOutage::value(const catalogs::ImpactEstimate& estimate, std::span<const engine::DownSpan> spans,
                                        model::Hours horizon) const {
  // (service, area) → the periods it lacks the service, clipped to the horizon.
  std::map<std::pair<std::string, std::size_t>, std::vector<std::pair<double, double>>> lacking;
  for (const auto& span : spans) {
    if (span.asset >= supplies_.size()) continue;
    const double start = std::max(0.0, span.start);
    const double end = std::min(span.end, horizon);
    if (!(end > start)) continue;
    for (const auto& [service, area] : supplies_[span.asset])
      if (estimate.rates.contains(service)) lacking[{service, area}].emplace_back(start, end);
  }
  ServiceOutageValue out;
  std::vector<bool> counted(model_.areas.size(), false);
  for (auto& [key, periods] : lacking) {
    const auto& [service, area] = key;
    // The union of the periods: overlapping outages of two suppliers count once.
    std::sort(periods.begin(), periods.end());
    double hours = 0, open = periods.front().first, close = periods.front().second;
    for (const auto& [start, end] : periods) {
      if (start > close) {
        hours += close - open;
        open = start;
      }
      close = std::max(close, end);
    }
    hours += close - open;
    const auto& a = model_.areas[area];
    const bool by_surface = estimate.basis == catalogs::ImpactEstimate::Basis::area_km2;
    const double basis = by_surface ? a.area_km2.value_or(0) : a.population;
    out.value += basis * hours / estimate.hours_per_unit * estimate.rates.find(service)->second;
    if (!counted[area]) {
      counted[area] = true;
      ++out.areas;
      if (by_surface && !a.area_km2) ++out.areas_unknown;
    }
  }
  return out;
}

}  // namespace knelpunt::assessors
