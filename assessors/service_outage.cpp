#include "assessors/service_outage.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>

namespace knelpunt::assessors {

ServiceOutage::ServiceOutage(const model::Model& model) : model_(model), supplies_(model.assets.size()) {
  std::map<std::string_view, std::size_t> area_index;
  for (std::size_t i = 0; i < model.areas.size(); ++i) area_index.emplace(model.areas[i].id, i);
  for (const auto& asset : model.assets)
    for (const auto& supply : asset.supplies) services_.push_back(supply.service);
  std::sort(services_.begin(), services_.end());
  services_.erase(std::unique(services_.begin(), services_.end()), services_.end());
  for (std::size_t a = 0; a < model.assets.size(); ++a)
    for (const auto& supply : model.assets[a].supplies) {
      const auto service = static_cast<std::uint32_t>(
          std::lower_bound(services_.begin(), services_.end(), supply.service) - services_.begin());
      for (const auto& area : supply.areas)
        if (auto it = area_index.find(area); it != area_index.end())
          supplies_[a].emplace_back(service, static_cast<std::uint32_t>(it->second));
    }
}

ServiceOutageValue ServiceOutage::value(const catalogs::ImpactEstimate& estimate, std::span<const engine::DownSpan> spans,
                                        model::Hours horizon) const {
  // The rate of each service the model names; services without one do not count.
  std::vector<std::optional<double>> rate(services_.size());
  for (std::size_t s = 0; s < services_.size(); ++s)
    if (auto it = estimate.rates.find(services_[s]); it != estimate.rates.end()) rate[s] = it->second;
  // (service, area, start, end): the periods each pair lacks the service,
  // clipped to the horizon. Services are indices in name order, so sorting
  // orders the pairs as (service name, area) and the sum below adds them in
  // that order, whatever order the spans come in.
  struct Lacking {
    std::uint32_t service, area;
    double start, end;
    auto operator<=>(const Lacking&) const = default;
  };
  std::vector<Lacking> lacking;
  for (const auto& span : spans) {
    if (span.asset >= supplies_.size()) continue;
    const double start = std::max(0.0, span.start);
    const double end = std::min(span.end, horizon);
    if (!(end > start)) continue;
    for (const auto& [service, area] : supplies_[span.asset])
      if (rate[service]) lacking.push_back({service, area, start, end});
  }
  std::sort(lacking.begin(), lacking.end());
  ServiceOutageValue out;
  std::vector<bool> counted(model_.areas.size(), false);
  const bool by_surface = estimate.basis == catalogs::ImpactEstimate::Basis::area_km2;
  for (std::size_t first = 0; first < lacking.size();) {
    const auto service = lacking[first].service;
    const auto area = lacking[first].area;
    // The union of the periods: overlapping outages of two suppliers count once.
    double hours = 0, open = lacking[first].start, close = lacking[first].end;
    std::size_t next = first;
    for (; next < lacking.size() && lacking[next].service == service && lacking[next].area == area; ++next) {
      if (lacking[next].start > close) {
        hours += close - open;
        open = lacking[next].start;
      }
      close = std::max(close, lacking[next].end);
    }
    hours += close - open;
    first = next;
    const auto& a = model_.areas[area];
    const double basis = by_surface ? a.area_km2.value_or(0) : a.population;
    out.value += basis * hours / estimate.hours_per_unit * *rate[service];
    if (!counted[area]) {
      counted[area] = true;
      ++out.areas;
      if (by_surface && !a.area_km2) ++out.areas_unknown;
    }
  }
  return out;
}

}  // namespace knelpunt::assessors
