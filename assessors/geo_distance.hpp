#pragma once
/// Great-circle distance between two model locations (WGS84 degrees), for
/// the geographic assessor's radius rule. The haversine formula on a sphere
/// of the mean Earth radius: within 0.5 % of the ellipsoid, which is far
/// finer than the radius a region chooses.

#include "model/model.hpp"

namespace knelpunt::assessors {

/// Distance in metres.
double distance_m(const model::GeoLocation& a, const model::GeoLocation& b);

}  // namespace knelpunt::assessors
