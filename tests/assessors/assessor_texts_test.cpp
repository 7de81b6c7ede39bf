#include <doctest/doctest.h>

#include <limits>

#include "assessors/assessor_texts.hpp"

using namespace knelpunt::assessors;

TEST_CASE("counted nouns: singular for 1, plural otherwise, 'geen' for none in Dutch") {
  CHECK(counted(1, Phrase::vital_assets_one, Phrase::vital_assets_many).nl == "1 vitaal object");
  CHECK(counted(1, Phrase::vital_assets_one, Phrase::vital_assets_many).en == "1 vital asset");
  CHECK(counted(3, Phrase::other_assets_one, Phrase::other_assets_many).nl == "3 andere objecten");
  CHECK(counted(0, Phrase::other_assets_one, Phrase::other_assets_many).nl == "geen andere objecten");
  CHECK(counted(0, Phrase::other_assets_one, Phrase::other_assets_many).en == "0 other assets");
  CHECK(counted(0, Phrase::vital_assets_one, Phrase::vital_assets_many).nl == "geen vitale objecten");
}

TEST_CASE("whole numbers in a phrase: the Dutch number format in Dutch, compact in English") {
  // A region's single point takes down thousands of vital assets: "9935 vitale
  // objecten" is not how Dutch writes a number.
  CHECK(counted(9935, Phrase::vital_assets_one, Phrase::vital_assets_many).nl == "9.935 vitale objecten");
  CHECK(counted(9935, Phrase::vital_assets_one, Phrase::vital_assets_many).en == "9935 vital assets");
  CHECK(counted(999, Phrase::vital_assets_one, Phrase::vital_assets_many).nl == "999 vitale objecten");
  const auto evidence = local_text(Phrase::cut_set_evidence, std::size_t{2},
                                   counted(1234567, Phrase::vital_assets_one, Phrase::vital_assets_many), "a, b");
  CHECK(evidence.nl == "minimale snedeverzameling (orde 2) van 1.234.567 vitale objecten: a, b");
  CHECK(evidence.en == "minimal cut set (order 2) of 1234567 vital assets: a, b");
  CHECK(detail::dutch_integer(-1234) == "-1.234");
  CHECK(detail::dutch_integer(0) == "0");
  CHECK(detail::dutch_integer(1000) == "1.000");
  CHECK(detail::dutch_integer(std::numeric_limits<long long>::min()) == "-9.223.372.036.854.775.808");
}

TEST_CASE("a list of ids in a text names at most so many and counts the rest") {
  const std::vector<std::string> ids = {"a", "b", "c", "d"};
  CHECK(bounded_id_list(ids, 4).nl == "a, b, c, d");
  CHECK(bounded_id_list(ids, 4).en == "a, b, c, d");
  CHECK(bounded_id_list(ids, 2).nl == "a, b en 2 andere");
  CHECK(bounded_id_list(ids, 2).en == "a, b and 2 more");
  CHECK(bounded_id_list({}, 2).nl.empty());
  std::vector<std::string> many(1234, "x");
  CHECK(bounded_id_list(many, 1).nl == "x en 1.233 andere");
}

TEST_CASE("a list in prose: commas, and the last two joined by 'en' / 'and'") {
  CHECK(listed({}).nl.empty());
  CHECK(listed({"a"}).en == "a");
  CHECK(listed({"a", "b"}).nl == "a en b");
  CHECK(listed({"a", "b"}).en == "a and b");
  CHECK(listed({"a", "b", "c", "d"}).nl == "a, b, c en d");
  CHECK(listed({"a", "b", "c", "d"}).en == "a, b, c and d");
}
