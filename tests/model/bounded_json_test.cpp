#include "model/bounded_json.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace knelpunt::model;

TEST_CASE("bounded JSON: a document within the limits reads as nlohmann would") {
  const auto parsed = parse_bounded_json(
      R"({"a": [1, -2, 3.5, 18446744073709551616, "x", null, true], "a2": {}, "a2": 7})");
  REQUIRE_MESSAGE(parsed.value, parsed.error);
  const auto& json = *parsed.value;
  CHECK(json["a"][0].is_number_unsigned());
  CHECK(json["a"][1] == -2);
  CHECK(json["a"][3].is_number_float());  // beyond 64 bits: a double, as in nlohmann::json
  CHECK(json["a2"] == 7);                 // a repeated key keeps the last value
  CHECK(parse_bounded_json("[]", 1).value);
}

TEST_CASE("bounded JSON: nesting past the limit is refused where it happens, however deep (#18)") {
  const std::string deep = std::string(1'000'000, '[') + std::string(1'000'000, ']');
  const auto parsed = parse_bounded_json(deep);
  REQUIRE_FALSE(parsed.value);
  CHECK(parsed.error == "nested more than 64 deep");
  CHECK(parsed.line == 1);
  CHECK(parsed.column == 65);
  const auto objects = parse_bounded_json("{\"a\":\n {\"b\": [[{}]]}}", 3);
  REQUIRE_FALSE(objects.value);
  CHECK(json_location_prefix(objects) == "line 2, column 9: ");
  // Brackets inside strings are text, not nesting.
  CHECK(parse_bounded_json("[\"" + std::string(1000, '[') + "\"]", 2).value);
}

TEST_CASE("bounded JSON: numbers beyond a double are refused, not thrown (#18)") {
  for (const char* text : {"1e400", "[-1e400]", "{\"n\": 1E+999}"}) {
    const auto parsed = parse_bounded_json(text);
    REQUIRE_FALSE(parsed.value);
    CHECK(parsed.error.rfind("number out of range: '", 0) == 0);
    CHECK(parsed.line == 1);
  }
  const auto long_number = parse_bounded_json("1" + std::string(400, '0') + "e400");
  REQUIRE_FALSE(long_number.value);
  CHECK(long_number.error.size() < 120);  // the token is cut, not echoed whole
}

TEST_CASE("bounded JSON: syntax errors and trailing data are located") {
  const auto parsed = parse_bounded_json("{\"a\": 1,\n  }");
  REQUIRE_FALSE(parsed.value);
  CHECK(parsed.line == 2);
  CHECK(parsed.column == 3);
  CHECK(parsed.error.find("syntax error") != std::string::npos);
  CHECK_FALSE(parse_bounded_json("{} {}").value);
  CHECK_FALSE(parse_bounded_json("").value);
  CHECK_FALSE(parse_bounded_json("[1, 2").value);
}
