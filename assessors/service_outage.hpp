#pragma once
/// The `service_outage` measure of the scoring catalogue (criteria 1.1,
/// 2.1, 2.2 and 3.1 as shipped; docs/assessors.md, "Impact"): over the
/// model's areas and the services the estimate names, the area's basis
/// (residents or km²) × the time it lacks the service within the horizon ×
/// the service's rate. An area lacks a service while any asset that
/// supplies it that service is down (decision 013), so the time is the
/// union of those assets' down spans: one outage hour counts once however
/// many of its suppliers are down. Pseudo-areas (an asset's own
/// `serves.population` without `supplies`) have no services and do not
/// count here. No I/O.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "catalogs/scoring_method.hpp"
#include "engine/affected_people.hpp"
#include "model/model.hpp"

namespace knelpunt::assessors {

/// What a service_outage estimate found.
struct ServiceOutageValue {
  double value = 0;             ///< in the criterion's unit
  std::size_t areas = 0;        ///< areas that lacked a rated service at some moment
  std::size_t areas_unknown = 0;  ///< of those, areas without `area_km2` (basis area_km2 only): counted as 0
};

/// Which asset supplies which service to which area, built once per model.
class ServiceOutage {
 public:
  explicit ServiceOutage(const model::Model& model);

  /// The estimate's value for one run: `spans` are the down periods of every
  /// asset (virtual ones included), as the cascade or restoration gave them.
  ServiceOutageValue value(const catalogs::ImpactEstimate& estimate, std::span<const engine::DownSpan> spans,
                           model::Hours horizon) const;

 private:
  const model::Model& model_;
  /// The services the model names, sorted; assets refer to them by index.
  std::vector<std::string> services_;
  /// Per asset: (service index, area index) pairs it supplies.
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> supplies_;
};

}  // namespace knelpunt::assessors
