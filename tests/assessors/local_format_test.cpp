// Durations and numbers in Dutch (assessors/local_format.hpp); the rule is in docs/register.md.

#include <doctest/doctest.h>

#include "assessors/local_format.hpp"

using namespace knelpunt;

TEST_CASE("Dutch durations: days from three whole days on, else hours and minutes") {
  CHECK(assessors::dutch_hours(0) == "0 uur");
  CHECK(assessors::dutch_hours(1) == "1 uur");
  CHECK(assessors::dutch_hours(24) == "24 uur");
  CHECK(assessors::dutch_hours(48) == "48 uur");
  CHECK(assessors::dutch_hours(70) == "70 uur");
  CHECK(assessors::dutch_hours(72) == "3 dagen");
  CHECK(assessors::dutch_hours(168) == "7 dagen");
  CHECK(assessors::dutch_hours(73) == "3 dagen en 1 uur");
  CHECK(assessors::dutch_hours(0.25) == "15 minuten");
  CHECK(assessors::dutch_hours(1.0 / 60) == "1 minuut");
  CHECK(assessors::dutch_hours(18.5) == "18 uur en 30 minuten");
  CHECK(assessors::dutch_hours(71.9999) == "3 dagen");  // to the minute
  CHECK(assessors::dutch_hours(0.0042) == "0,0042 uur");
  CHECK(assessors::dutch_hours(model::kNever) == "onbeperkte tijd");
  CHECK(assessors::local_hours(72).en == "72h");
}

TEST_CASE("numbers: Dutch a dot between thousands and a decimal comma, English a comma and a point, from four digits on") {
  CHECK(assessors::dutch_number("0") == "0");
  CHECK(assessors::dutch_number("999") == "999");
  CHECK(assessors::dutch_number("1234") == "1.234");
  CHECK(assessors::dutch_number("1234567.5") == "1.234.567,5");
  CHECK(assessors::dutch_number("-12345") == "-12.345");
  CHECK(assessors::dutch_number("0.7") == "0,7");
  CHECK(assessors::dutch_number("1e-05") == "1e-05");
  CHECK(assessors::dutch_number("geen") == "geen");
  CHECK(assessors::local_whole(37800000).nl == "37.800.000");
  CHECK(assessors::local_whole(37800000).en == "37,800,000");
  // English groups by three with commas, from four digits on (issue #14: one
  // number readable in both languages).
  CHECK(assessors::english_number("1234") == "1,234");
  CHECK(assessors::english_number("1234567.5") == "1,234,567.5");
  CHECK(assessors::english_number("-12345") == "-12,345");
  CHECK(assessors::english_number("999") == "999");
  CHECK(assessors::english_number("0.7") == "0.7");
  CHECK(assessors::english_number("1e-05") == "1e-05");
  CHECK(assessors::local_number(0.5).nl == "0,5");
  CHECK(assessors::local_probability(0.00123456).nl == "0,001235");
}

TEST_CASE("Rates below one in a thousand: two significant digits times a power of ten") {
  CHECK(assessors::local_rate(2.1e-7).nl == "2,1 × 10⁻⁷");
  CHECK(assessors::local_rate(2.1e-7).en == "2.1 × 10⁻⁷");
  CHECK(assessors::local_rate(2.14e-5).nl == "2,1 × 10⁻⁵");
  // A mantissa that rounds up to ten moves to the next power.
  CHECK(assessors::local_rate(9.96e-7).nl == "1 × 10⁻⁶");
  CHECK(assessors::local_rate(9.94e-7).nl == "9,9 × 10⁻⁷");
  // From one in a thousand on, an ordinary number.
  CHECK(assessors::local_rate(0.001).nl == "0,001");
  CHECK(assessors::local_rate(0.25).nl == "0,25");
  CHECK(assessors::local_rate(0).nl == "0");
}

TEST_CASE("Probabilities as percentages: four significant digits, a power of ten below 0,001%") {
  CHECK(assessors::local_percentage(0.1413).nl == "14,13%");
  CHECK(assessors::local_percentage(0.1413).en == "14.13%");
  CHECK(assessors::local_percentage(1).nl == "100%");
  CHECK(assessors::local_percentage(0).nl == "0%");
  // Just below class A's limit of 0,05% stays below it as written.
  CHECK(assessors::local_percentage(0.0004999).nl == "0,04999%");
  CHECK(assessors::local_percentage(4.5e-6).nl == "0,00045%");
  // Never programmer's notation ("4,5e-10") in a board's text.
  CHECK(assessors::local_percentage(4.5e-10).nl == "4,5 × 10⁻⁸%");
  CHECK(assessors::local_percentage(4.5e-10).en == "4.5 × 10⁻⁸%");
}

TEST_CASE("A likelihood class as the probabilities over the period that make it") {
  const std::vector<catalogs::LikelihoodClass> classes = {{"A", "", "", 0.0005},
                                                          {"B", "", "", 0.005},
                                                          {"C", "", "", 0.05},
                                                          {"D", "", "", 0.5},
                                                          {"E", "", "", std::nullopt}};
  CHECK(assessors::likelihood_class_range(classes, 0).nl == "onder 0,05%");
  CHECK(assessors::likelihood_class_range(classes, 2).nl == "0,5% tot 5%");
  CHECK(assessors::likelihood_class_range(classes, 2).en == "0.5% to 5%");
  CHECK(assessors::likelihood_class_range(classes, 4).nl == "50% of meer");
  CHECK(assessors::likelihood_class_range(classes, 4).en == "50% or more");
}
