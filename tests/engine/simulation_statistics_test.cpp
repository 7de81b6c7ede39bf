#include "engine/simulation_statistics.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

using namespace knelpunt::engine;

TEST_CASE("Wilson interval: textbook values and the ends") {
  // 5 of 10: 0.2366 – 0.7634 (Wilson 1927; Newcombe 1998, table I).
  const auto half = wilson_interval(5, 10);
  CHECK(half.lo == doctest::Approx(0.2366).epsilon(1e-3));
  CHECK(half.hi == doctest::Approx(0.7634).epsilon(1e-3));
  // 0 of 10: [0, z²/(n + z²)].
  const auto none = wilson_interval(0, 10);
  CHECK(none.lo == 0.0);
  CHECK(none.hi == doctest::Approx(kZ95 * kZ95 / (10 + kZ95 * kZ95)));
  const auto all = wilson_interval(10, 10);
  CHECK(all.hi == 1.0);
  CHECK(all.lo == doctest::Approx(1 - kZ95 * kZ95 / (10 + kZ95 * kZ95)));
  // Narrows as 1/√n around the fraction.
  const auto big = wilson_interval(30'000, 100'000);
  CHECK(big.lo < 0.3);
  CHECK(big.hi > 0.3);
  CHECK(big.hi - big.lo ==
        doctest::Approx(2 * kZ95 * std::sqrt(0.3 * 0.7 / 100'000)).epsilon(1e-2));
}

TEST_CASE("histograms add by value, and the counts decide mean and quantiles") {
  PeopleHistogram a{{0, 30}, {10, 20}};
  const PeopleHistogram b{{0, 20}, {5, 1}, {10, 25}, {100, 4}};
  add_histogram(a, b);
  REQUIRE(a.size() == 4);
  CHECK(a[0].people == 0);
  CHECK(a[0].runs == 50);
  CHECK(a[1].people == 5);
  CHECK(a[1].runs == 1);
  CHECK(a[2].runs == 45);
  CHECK(a[3].runs == 4);
  CHECK(histogram_runs(a) == 100);
  // Nearest rank: the ⌈q·n⌉-th smallest of 100 runs.
  CHECK(histogram_quantile(a, 500).value == 0);    // rank 50
  CHECK(histogram_quantile(a, 510).value == 5);    // rank 51
  CHECK(histogram_quantile(a, 950).value == 10);   // rank 95
  CHECK(histogram_quantile(a, 990).value == 100);  // rank 99
  const auto p95 = histogram_quantile(a, 950);
  CHECK(p95.ci95.lo <= p95.value);
  CHECK(p95.ci95.hi >= p95.value);
  const auto mean = histogram_mean(a);
  CHECK(mean.mean == doctest::Approx((5 + 450 + 400) / 100.0));
  CHECK(mean.ci95.lo < mean.mean);
  CHECK(mean.ci95.hi > mean.mean);
  CHECK(runs_at_least(a, 1) == 50);
  CHECK(runs_at_least(a, 10) == 49);
  CHECK(runs_at_least(a, 11) == 4);
  CHECK(runs_at_least(a, 101) == 0);
}

TEST_CASE("the mean of equal histograms does not depend on how they were added up") {
  PeopleHistogram one{{1.1, 3}, {2.7, 5}, {1e6 / 3, 2}};
  PeopleHistogram split{{1.1, 1}, {1e6 / 3, 2}};
  add_histogram(split, PeopleHistogram{{1.1, 2}, {2.7, 5}});
  CHECK(histogram_mean(one).mean == histogram_mean(split).mean);  // bit for bit
  CHECK(histogram_mean(one).ci95.hi == histogram_mean(split).ci95.hi);
}

TEST_CASE("exceedance points run 1, 2, 5, 10, … to the first at or above the most people") {
  CHECK(exceedance_points(0) == std::vector<double>{1});
  CHECK(exceedance_points(1) == std::vector<double>{1});
  CHECK(exceedance_points(3) == std::vector<double>{1, 2, 5});
  CHECK(exceedance_points(30'000) == std::vector<double>{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000,
                                                         2000, 5000, 10000, 20000, 50000});
  CHECK(exceedance_points(INFINITY).size() < 60);  // ends however large the bound
}
