#include "assessors/assessor.hpp"
#include "assessors/builtin_assessors.hpp"

namespace knelpunt::assessors {

std::vector<std::unique_ptr<Assessor>> make_builtin_assessors() {
  std::vector<std::unique_ptr<Assessor>> assessors;
  assessors.push_back(make_single_point_assessor());
  assessors.push_back(make_cascade_reach_assessor());
  assessors.push_back(make_geographic_assessor());
  assessors.push_back(make_cyber_exposure_assessor());
  assessors.push_back(make_missing_controls_assessor());
  assessors.push_back(make_scenario_assessor());
  return assessors;
}

}  // namespace knelpunt::assessors
