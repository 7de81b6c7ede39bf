#include "assessors/finding.hpp"

#include <algorithm>

namespace knelpunt::assessors {

namespace {

double value_at(const CountedElsewhere::Member& member, std::size_t c) {
  return c < member.values.size() ? member.values[c] : 0.0;
}

}  // namespace

double CountedElsewhere::baseline(std::size_t c) const {
  double largest = 0.0;
  for (const auto& member : members) largest = std::max(largest, value_at(member, c));
  return largest;
}

const std::string& CountedElsewhere::counted_by(std::size_t c) const {
  const auto* by = &members.front();
  for (const auto& member : members)
    if (value_at(member, c) > value_at(*by, c)) by = &member;
  return by->id;
}

std::vector<std::string> CountedElsewhere::ids() const {
  std::vector<std::string> result;
  result.reserve(members.size());
  for (const auto& member : members) result.push_back(member.id);
  return result;
}

}  // namespace knelpunt::assessors
