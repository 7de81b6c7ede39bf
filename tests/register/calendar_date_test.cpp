#include <doctest/doctest.h>

#include "register/calendar_date.hpp"

using knelpunt::risk_register::is_calendar_date;

TEST_CASE("calendar date: days that exist are accepted") {
  CHECK(is_calendar_date("2026-12-01"));
  CHECK(is_calendar_date("2026-01-31"));
  CHECK(is_calendar_date("2028-02-29"));  // leap year
  CHECK(is_calendar_date("2000-02-29"));  // divisible by 400
  CHECK(is_calendar_date("2026-12-31"));
}

TEST_CASE("calendar date: days that do not exist, and other shapes, are refused") {
  CHECK_FALSE(is_calendar_date("2027-02-29"));  // not a leap year
  CHECK_FALSE(is_calendar_date("1900-02-29"));  // divisible by 100, not by 400
  CHECK_FALSE(is_calendar_date("2026-04-31"));
  CHECK_FALSE(is_calendar_date("2026-13-01"));
  CHECK_FALSE(is_calendar_date("2026-00-10"));
  CHECK_FALSE(is_calendar_date("2026-01-00"));
  CHECK_FALSE(is_calendar_date("0000-01-01"));
  CHECK_FALSE(is_calendar_date("2026-1-01"));
  CHECK_FALSE(is_calendar_date("01-12-2026"));
  CHECK_FALSE(is_calendar_date("2026/12/01"));
  CHECK_FALSE(is_calendar_date("2026-12-01T00:00"));
  CHECK_FALSE(is_calendar_date(""));
}
