#include "engine/simulation_statistics.hpp"

#include <algorithm>
#include <cmath>

namespace knelpunt::engine {

Interval wilson_interval(std::uint64_t successes, std::uint64_t trials, double z) {
  if (trials == 0) return {0, 1};
  const double n = static_cast<double>(trials);
  const double phat = static_cast<double>(successes) / n;
  const double z2 = z * z;
  const double centre = phat + z2 / (2 * n);
  const double spread = z * std::sqrt(phat * (1 - phat) / n + z2 / (4 * n * n));
  const double denominator = 1 + z2 / n;
  Interval interval{(centre - spread) / denominator, (centre + spread) / denominator};
  // The formula gives 0 and 1 at the ends only up to rounding.
  interval.lo = successes == 0 ? 0.0 : std::clamp(interval.lo, 0.0, 1.0);
  interval.hi = successes == trials ? 1.0 : std::clamp(interval.hi, 0.0, 1.0);
  return interval;
}

void add_histogram(PeopleHistogram& into, std::span<const PeopleCount> part) {
  PeopleHistogram merged;
  merged.reserve(into.size() + part.size());
  std::size_t i = 0, j = 0;
  while (i < into.size() || j < part.size()) {
    if (j == part.size() || (i < into.size() && into[i].people < part[j].people)) {
      merged.push_back(into[i++]);
    } else if (i == into.size() || part[j].people < into[i].people) {
      merged.push_back(part[j++]);
    } else {
      merged.push_back({into[i].people, into[i].runs + part[j].runs});
      ++i;
      ++j;
    }
  }
  into = std::move(merged);
}

std::uint64_t histogram_runs(std::span<const PeopleCount> histogram) {
  std::uint64_t runs = 0;
  for (const auto& entry : histogram) runs += entry.runs;
  return runs;
}

MeanEstimate histogram_mean(std::span<const PeopleCount> histogram) {
  const std::uint64_t runs = histogram_runs(histogram);
  if (runs == 0) return {};
  const double n = static_cast<double>(runs);
  double sum = 0;
  for (const auto& entry : histogram) sum += entry.people * static_cast<double>(entry.runs);
  const double mean = sum / n;
  if (runs < 2) return {mean, {mean, mean}};
  double squares = 0;
  for (const auto& entry : histogram) {
    const double deviation = entry.people - mean;
    squares += deviation * deviation * static_cast<double>(entry.runs);
  }
  const double half_width = kZ95 * std::sqrt(squares / (n - 1) / n);
  return {mean, {mean - half_width, mean + half_width}};
}

namespace {

/// The value of the `rank`-th smallest run (1-based, 1 <= rank <= runs).
double value_at_rank(std::span<const PeopleCount> histogram, std::uint64_t rank) {
  std::uint64_t seen = 0;
  for (const auto& entry : histogram) {
    seen += entry.runs;
    if (seen >= rank) return entry.people;
  }
  return histogram.empty() ? 0.0 : histogram.back().people;
}

}  // namespace

QuantileEstimate histogram_quantile(std::span<const PeopleCount> histogram, unsigned per_mille) {
  const std::uint64_t runs = histogram_runs(histogram);
  if (runs == 0) return {};
  // ⌈q·n⌉ in integers, so no rounding decides the rank.
  std::uint64_t rank = (static_cast<std::uint64_t>(per_mille) * runs + 999) / 1000;
  rank = std::clamp<std::uint64_t>(rank, 1, runs);
  const double n = static_cast<double>(runs);
  const double q = per_mille / 1000.0;
  const double spread = kZ95 * std::sqrt(n * q * (1 - q));
  const double low_rank = std::floor(n * q - spread);
  const double high_rank = std::ceil(n * q + spread) + 1;
  const auto clamp_rank = [&](double r) {
    return static_cast<std::uint64_t>(std::clamp(r, 1.0, n));
  };
  return {value_at_rank(histogram, rank),
          {value_at_rank(histogram, clamp_rank(low_rank)),
           value_at_rank(histogram, clamp_rank(high_rank))}};
}

std::uint64_t runs_at_least(std::span<const PeopleCount> histogram, double people) {
  std::uint64_t runs = 0;
  for (const auto& entry : histogram)
    if (entry.people >= people) runs += entry.runs;
  return runs;
}

std::vector<double> exceedance_points(double most_people) {
  std::vector<double> points;
  constexpr double kSteps[] = {1, 2, 5};
  for (double decade = 1;; decade *= 10) {
    for (const double step : kSteps) {
      points.push_back(step * decade);
      // Capped far above any population, so a huge or infinite bound still ends.
      if (points.back() >= most_people || decade >= 1e15) return points;
    }
  }
}

}  // namespace knelpunt::engine
