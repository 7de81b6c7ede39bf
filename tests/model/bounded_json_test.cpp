#include "model/bounded_json.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

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

TEST_CASE("bounded JSON: the elements of the root's arrays go to the trim as each completes, nothing else") {
  std::vector<std::string> seen;
  const RootArrayElementTrim trim = [&](std::string_view member, nlohmann::json& element) {
    seen.push_back(std::string(member) + ":" + element.dump());
    if (element.is_object()) element.erase("big");
  };
  const auto parsed = parse_bounded_json(
      R"({"risks": [{"id": 1, "big": [1, 2, {"deep": [3]}]}, 7, [8], {"id": 2}],
          "meta": {"list": [{"big": 1}]}, "other": [{"big": 2}], "": [{"big": 3}]})",
      trim);
  REQUIRE_MESSAGE(parsed.value, parsed.error);
  // Scalars are not handed over; nested arrays (meta.list) and the member "" are not root arrays of a name.
  CHECK(seen == std::vector<std::string>{R"(risks:{"big":[1,2,{"deep":[3]}],"id":1})", "risks:[8]", R"(risks:{"id":2})",
                                         R"(other:{"big":2})"});
  CHECK(parsed.value->dump() ==
        R"({"":[{"big":3}],"meta":{"list":[{"big":1}]},"other":[{}],"risks":[{"id":1},7,[8],{"id":2}]})");
  // A root that is an array is not a root object's member: nothing is trimmed.
  seen.clear();
  const auto array_root = parse_bounded_json(R"([{"big": 1}])", trim);
  REQUIRE(array_root.value);
  CHECK(seen.empty());
  CHECK(array_root.value->dump() == R"([{"big":1}])");
}
