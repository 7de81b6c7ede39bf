#pragma once
/// The statistics `knelpunt simulate` reports from its raw counts
/// (docs/simulate.md, decision 032): Wilson score intervals for failure
/// fractions, nearest-rank percentiles and a loss-exceedance curve from a
/// histogram of people affected. Every function reads integer counts and a
/// histogram in ascending order only, so the result depends on the counts,
/// never on how runs were spread over threads or shards. No I/O.

#include <cstdint>
#include <span>
#include <vector>

namespace knelpunt::engine {

/// The normal quantile of 97.5 %: the z of two-sided 95 % intervals.
inline constexpr double kZ95 = 1.959963984540054;

/// A closed interval [lo, hi].
struct Interval {
  double lo = 0;
  double hi = 0;
};

/// The Wilson score interval for `successes` out of `trials` (trials > 0;
/// successes <= trials) at normal quantile `z`: within [0, 1], lo = 0 when
/// there are no successes and hi = 1 when all are.
Interval wilson_interval(std::uint64_t successes, std::uint64_t trials, double z = kZ95);

/// How many runs gave exactly `people` people affected.
struct PeopleCount {
  double people = 0;
  std::uint64_t runs = 0;
};

/// A distribution of people affected over runs: distinct values in
/// ascending order, each with a run count above 0.
using PeopleHistogram = std::vector<PeopleCount>;

/// Adds `part` into `into`; both ascending with distinct values, and so the result.
void add_histogram(PeopleHistogram& into, std::span<const PeopleCount> part);

/// Σ runs of the histogram.
std::uint64_t histogram_runs(std::span<const PeopleCount> histogram);

/// The mean and a 95 % interval for it (mean ± z·s/√n, s the sample standard
/// deviation; the interval is the mean itself for fewer than two runs).
/// Sums in ascending order of value, so equal histograms give equal bits.
struct MeanEstimate {
  double mean = 0;
  Interval ci95;
};
MeanEstimate histogram_mean(std::span<const PeopleCount> histogram);

/// The `per_mille`/1000 quantile by nearest rank: the ⌈q·n⌉-th smallest
/// value (at least the first), n the histogram's runs (above 0), with a
/// distribution-free 95 % interval: the values at ranks ⌊nq − z√(nq(1−q))⌋
/// and ⌈nq + z√(nq(1−q))⌉ + 1, clamped to 1..n (order statistics, normal
/// approximation to the binomial).
struct QuantileEstimate {
  double value = 0;
  Interval ci95;
};
QuantileEstimate histogram_quantile(std::span<const PeopleCount> histogram, unsigned per_mille);

/// Runs with at least `people` people affected.
std::uint64_t runs_at_least(std::span<const PeopleCount> histogram, double people);

/// The x points of the loss-exceedance curve: 1, 2, 5, 10, 20, 50, … up to
/// and including the first that is at least `most_people` (the most people
/// a run can affect); just {1} when `most_people` is at most 1.
std::vector<double> exceedance_points(double most_people);

}  // namespace knelpunt::engine
