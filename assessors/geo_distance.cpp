#include "assessors/geo_distance.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace knelpunt::assessors {

double distance_m(const model::GeoLocation& a, const model::GeoLocation& b) {
  constexpr double kEarthRadiusM = 6371008.8;  // IUGG mean radius
  constexpr double kRadiansPerDegree = std::numbers::pi / 180.0;
  const double lat1 = a.lat * kRadiansPerDegree, lat2 = b.lat * kRadiansPerDegree;
  const double half_dlat = (lat2 - lat1) / 2, half_dlon = (b.lon - a.lon) * kRadiansPerDegree / 2;
  const double h = std::sin(half_dlat) * std::sin(half_dlat) +
                   std::cos(lat1) * std::cos(lat2) * std::sin(half_dlon) * std::sin(half_dlon);
  return 2 * kEarthRadiusM * std::asin(std::min(1.0, std::sqrt(h)));
}

}  // namespace knelpunt::assessors
