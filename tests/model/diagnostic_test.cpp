#include "model/diagnostic.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace knelpunt::model;

TEST_CASE("a message echoes at most 80 characters of a quoted token") {
  const std::string secret = "s3cr3t-" + std::string(300, 'x');
  Diagnostics diagnostics;
  diagnostics.error({"tracking.yaml", 3, 5},
                    "unknown status '" + secret + "'; expected one of unchecked, accepted");
  const std::string& message = diagnostics.items()[0].message;
  CHECK(message ==
        "unknown status '" + secret.substr(0, 80) + "…'; expected one of unchecked, accepted");
}

TEST_CASE("cutting quoted tokens keeps short tokens, apostrophes and UTF-8 characters whole") {
  CHECK(cut_quoted_tokens("asset 'a' (did you mean 'b'?); the asset's kind 'power'") ==
        "asset 'a' (did you mean 'b'?); the asset's kind 'power'");
  // 81 two-byte characters: cut after the 80th character, not inside one.
  std::string accents;
  for (int i = 0; i < 81; ++i) accents += "é";
  CHECK(cut_quoted_tokens("name '" + accents + "'") == "name '" + accents.substr(0, 160) + "…'");
  // An unterminated quote is still cut.
  CHECK(cut_quoted_tokens("value '" + std::string(100, 'y')) ==
        "value '" + std::string(80, 'y') + "…");
}
