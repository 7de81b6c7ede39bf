#include "model/input_limits.hpp"

#include <doctest/doctest.h>

using namespace knelpunt::model;

namespace {

/// Puts the defaults back whatever a test case set.
struct DefaultLimitsAfter {
  ~DefaultLimitsAfter() { reset_input_limits(); }
};

}  // namespace

TEST_CASE("input limits: the defaults of docs/security.md") {
  CHECK(input_limit(InputLimit::yaml) == std::uint64_t{64} << 20);
  CHECK(input_limit(InputLimit::csv) == std::uint64_t{1} << 30);
  CHECK(input_limit(InputLimit::feed) == std::uint64_t{1} << 30);
  CHECK(input_limit(InputLimit::feed_metadata) == std::uint64_t{1} << 20);
  CHECK(input_limit(InputLimit::register_json) == std::uint64_t{256} << 20);
  CHECK(input_limit(InputLimit::workbook) == std::uint64_t{256} << 20);
  CHECK(input_limit(InputLimit::shard) == std::uint64_t{1} << 30);
  CHECK(input_limit(InputLimit::mef) == std::uint64_t{256} << 20);
  // One spec per kind, in the enum's order.
  const auto specs = input_limit_specs();
  REQUIRE(specs.size() == 8);
  for (std::size_t i = 0; i < specs.size(); ++i) CHECK(static_cast<std::size_t>(specs[i].limit) == i);
}

TEST_CASE("input limits: KIND=SIZE pairs with bytes, KiB, MiB or GiB; the rest keep their default") {
  const DefaultLimitsAfter restore;
  CHECK(set_input_limits("yaml=128MiB, csv = 2GiB,shard=1000,register=512 KiB").empty());
  CHECK(input_limit(InputLimit::yaml) == std::uint64_t{128} << 20);
  CHECK(input_limit(InputLimit::csv) == std::uint64_t{2} << 30);
  CHECK(input_limit(InputLimit::shard) == 1000);
  CHECK(input_limit(InputLimit::register_json) == std::uint64_t{512} << 10);
  CHECK(input_limit(InputLimit::feed) == std::uint64_t{1} << 30);
  CHECK(byte_size_text(input_limit(InputLimit::yaml)) == "128 MiB");
  CHECK(byte_size_text(1000) == "1000 bytes");
}

TEST_CASE("input limits: a wrong part says what is wrong and what was expected, and sets nothing") {
  const DefaultLimitsAfter restore;
  CHECK(set_input_limits("yaml=1MiB,yml=2MiB") ==
        "'yml' is not a kind of input (did you mean 'yaml'?); expected one of yaml, csv, feed, feed-metadata, "
        "register, workbook, shard, mef");
  CHECK(input_limit(InputLimit::yaml) == std::uint64_t{64} << 20);  // the first part was not taken either
  CHECK(set_input_limits("yaml") == "'yaml' has no '='; expected KIND=SIZE such as yaml=128MiB");
  CHECK(set_input_limits("csv=4GiB") ==
        "csv='4GiB' is not a usable size; expected a whole number of bytes from 1 to 4294967295 bytes, "
        "optionally with KiB, MiB or GiB (such as csv=128MiB)");
  CHECK_FALSE(set_input_limits("yaml=0").empty());
  CHECK_FALSE(set_input_limits("yaml=12MB").empty());
  CHECK_FALSE(set_input_limits("yaml=-1").empty());
  CHECK_FALSE(set_input_limits("yaml=99999999999999999999").empty());
  CHECK_FALSE(set_input_limits("yaml=17179869184GiB").empty());  // overflows 64 bits
  CHECK(input_limit(InputLimit::yaml) == std::uint64_t{64} << 20);
  CHECK(set_input_limits("").empty());  // nothing asked, nothing changed
}
