#pragma once
/// Factories of the built-in assessors, one per file (docs/assessors.md).
/// assessor_registry.cpp lists them explicitly.

#include <memory>

#include "assessors/assessor.hpp"

namespace knelpunt::assessors {

std::unique_ptr<Assessor> make_single_point_assessor();      // single_point.cpp
std::unique_ptr<Assessor> make_cascade_reach_assessor();     // cascade_reach.cpp
std::unique_ptr<Assessor> make_geographic_assessor();        // geographic.cpp
std::unique_ptr<Assessor> make_cyber_exposure_assessor();    // cyber_exposure.cpp
std::unique_ptr<Assessor> make_missing_controls_assessor();  // missing_controls.cpp
std::unique_ptr<Assessor> make_scenario_assessor();          // scenario.cpp

}  // namespace knelpunt::assessors
