#include <doctest/doctest.h>

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
