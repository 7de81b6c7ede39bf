/// Unit tests of model/utf8.hpp.

#include <doctest/doctest.h>

#include "model/utf8.hpp"

using knelpunt::model::code_points;
using knelpunt::model::find_invalid_utf8;

TEST_CASE("code points: continuation bytes do not count") {
  CHECK(code_points("") == 0);
  CHECK(code_points("mensen") == 6);
  CHECK(code_points("≤ 80.000") == 8);  // "≤" is three bytes, one code point
  CHECK(code_points("Oosterschelde · ĳ") == 17);
}

TEST_CASE("invalid UTF-8 is found at its first byte") {
  CHECK_FALSE(find_invalid_utf8("≤ 80.000").has_value());
  CHECK(find_invalid_utf8("ab\xC0\xAF") == 2u);  // an overlong form
}
