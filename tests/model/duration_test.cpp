#include <doctest/doctest.h>

#include "model/duration.hpp"

using knelpunt::model::format_hours;
using knelpunt::model::kNever;
using knelpunt::model::parse_duration;

TEST_CASE("durations in the short form") {
  CHECK(parse_duration("0") == 0.0);
  CHECK(parse_duration("90m") == 1.5);
  CHECK(parse_duration("4h") == 4.0);
  CHECK(parse_duration("3d") == 72.0);
  CHECK(parse_duration("2w") == 336.0);
  CHECK(parse_duration("1.5h") == 1.5);
  CHECK(parse_duration("3600s") == 1.0);
  CHECK(parse_duration(" 4h ") == 4.0);
}

TEST_CASE("durations in ISO 8601") {
  CHECK(parse_duration("PT4H") == 4.0);
  CHECK(parse_duration("P1DT2H30M") == 26.5);
  CHECK(parse_duration("P2W") == 336.0);
  CHECK(parse_duration("PT90M") == 1.5);
  CHECK_FALSE(parse_duration("P"));
  CHECK_FALSE(parse_duration("PT"));
  CHECK_FALSE(parse_duration("P1M"));  // months have no fixed length
  CHECK_FALSE(parse_duration("PT4D"));
  CHECK_FALSE(parse_duration("P4H"));
}

TEST_CASE("malformed and negative durations are refused") {
  CHECK_FALSE(parse_duration(""));
  CHECK_FALSE(parse_duration("-4h"));
  CHECK_FALSE(parse_duration("4"));  // a unit is required unless the value is 0
  CHECK_FALSE(parse_duration("4 hours"));
  CHECK_FALSE(parse_duration("h"));
  CHECK_FALSE(parse_duration("4y"));
  CHECK_FALSE(parse_duration("inf"));
  CHECK(parse_duration("inf", true) == kNever);
}

TEST_CASE("hours are formatted compactly") {
  CHECK(format_hours(0) == "0h");
  CHECK(format_hours(1.5) == "1h30m");
  CHECK(format_hours(0.25) == "15m");
  CHECK(format_hours(42.0 + 1.0 / 3.0) == "42h20m");
  CHECK(format_hours(1.0 / 7200.0) == "0.0001h");
  CHECK(format_hours(72) == "72h");
  CHECK(format_hours(kNever) == "inf");
}
