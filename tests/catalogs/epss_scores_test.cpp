#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "catalogs/epss_scores.hpp"

using namespace knelpunt::catalogs;

namespace {

std::string fixture_gz() {
  std::ifstream in(std::string(KNELPUNT_TEST_DATA) + "/feeds/epss-small.csv.gz", std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string error_of(std::string_view body) {
  auto parsed = parse_epss_scores(body);
  CHECK_FALSE(parsed.scores);
  return parsed.error;
}

bool mentions(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("the gzip EPSS fixture reads with its model version and score date") {
  const auto parsed = parse_epss_scores(fixture_gz());
  REQUIRE_MESSAGE(parsed.scores, parsed.error);
  const auto& scores = *parsed.scores;
  CHECK(scores.model_version == "v2025.03.14");
  CHECK(scores.score_date == "2026-11-20T00:00:00+0000");
  CHECK(scores.size() == 7);
  const auto fortios = scores.lookup("CVE-2018-13379");
  REQUIRE(fortios);
  CHECK(fortios->epss == doctest::Approx(0.97313).epsilon(1e-6));
  CHECK(fortios->percentile == doctest::Approx(0.99960).epsilon(1e-6));
  CHECK(scores.lookup("cve-2024-3400"));
  CHECK(scores.lookup("CVE-2024-10000"));
  CHECK_FALSE(scores.lookup("CVE-2024-1000"));
  CHECK_FALSE(scores.lookup("CVE-2030-0001"));
  CHECK_FALSE(scores.lookup("not a cve"));
  CHECK(scores.lookup("CVE-1999-0001")->epss == doctest::Approx(0.01141).epsilon(1e-6));
}

TEST_CASE("CVE ids become keys that sort by year, then number") {
  CHECK(EpssScores::key_of("CVE-2021-9999") < EpssScores::key_of("CVE-2021-10000"));
  CHECK(EpssScores::key_of("CVE-2020-99999") < EpssScores::key_of("CVE-2021-0001"));
  CHECK_FALSE(EpssScores::key_of("CVE-2021-123"));
  CHECK_FALSE(EpssScores::key_of("CVE-21-1234"));
  CHECK_FALSE(EpssScores::key_of("CVE-2021-12a4"));
  CHECK_FALSE(EpssScores::key_of("GHSA-2021-1234"));
}

TEST_CASE("an uncompressed body and a missing comment line are accepted") {
  const auto parsed = parse_epss_scores("cve,epss,percentile\r\nCVE-2024-3400,0.94284,0.99933\r\n");
  REQUIRE_MESSAGE(parsed.scores, parsed.error);
  CHECK(parsed.scores->model_version.empty());
  CHECK(parsed.scores->size() == 1);
}

TEST_CASE("broken gzip data is rejected") {
  const auto gz = fixture_gz();
  CHECK(mentions(error_of(std::string_view(gz).substr(0, gz.size() - 20)), "ends in the middle"));
  std::string corrupt = gz;
  for (std::size_t i = 12; i < corrupt.size() - 8; ++i) corrupt[i] = static_cast<char>(corrupt[i] ^ 0x5a);
  CHECK(mentions(error_of(corrupt), "not valid gzip"));
  CHECK(mentions(error_of(gz.substr(0, 2)), "ends in the middle"));
}

TEST_CASE("a gzip body that inflates beyond the limit is refused") {
  auto parsed = parse_epss_scores(fixture_gz(), 100);
  CHECK_FALSE(parsed.scores);
  CHECK(mentions(parsed.error, "inflates to more than 100 bytes"));
}

TEST_CASE("CSV that is not EPSS scores is rejected with the line") {
  const std::string header = "#model_version:v2025.03.14,score_date:2026-11-20T00:00:00+0000\ncve,epss,percentile\n";
  CHECK(mentions(error_of("<html>oops</html>\n"), "expected the header 'cve,epss,percentile'"));
  CHECK(mentions(error_of(""), "no header"));
  CHECK(mentions(error_of(header), "no rows"));
  CHECK(mentions(error_of(header + "CVE-2024-3400,0.9\n"), "line 3 has 2 fields"));
  CHECK(mentions(error_of(header + "CVE-2024-3400,0.9,0.9,1\n"), "has 4 fields"));
  CHECK(mentions(error_of(header + "CVE-24-3400,0.9,0.9\n"), "is not a CVE id"));
  CHECK(mentions(error_of(header + "CVE-2024-3400,1.5,0.9\n"), "'1.5' is not a probability"));
  CHECK(mentions(error_of(header + "CVE-2024-3400,-0.1,0.9\n"), "is not a probability"));
  CHECK(mentions(error_of(header + "CVE-2024-3400,0.1,nan\n"), "'nan' is not a probability"));
  CHECK(mentions(error_of(header + "CVE-2024-3400,0.1,\n"), "is not a probability"));
  CHECK(mentions(error_of(header + "CVE-2024-0012,0.1,0.2\nCVE-2024-0012,0.1,0.2\n"), "CVE-2024-0012 more than once"));
}

TEST_CASE("a feed of 300,000 rows reads in one pass") {
  std::string text = "#model_version:v2025.03.14,score_date:2026-11-20T00:00:00+0000\ncve,epss,percentile\n";
  text.reserve(text.size() + 300'000 * 32);
  for (int i = 0; i < 300'000; ++i)
    text += fmt::format("CVE-{}-{:04},0.{:05},0.{:05}\n", 1999 + i % 28, i, i % 100'000, (i * 7) % 100'000);
  const auto parsed = parse_epss_scores(text);
  REQUIRE_MESSAGE(parsed.scores, parsed.error);
  CHECK(parsed.scores->size() == 300'000);
  const auto last = parsed.scores->lookup(fmt::format("CVE-{}-{:04}", 1999 + 299'999 % 28, 299'999));
  REQUIRE(last);
  CHECK(last->epss == doctest::Approx(0.99999).epsilon(1e-6));
}

TEST_CASE("trailing data after the gzip stream is refused (#18)") {
  const auto gz = fixture_gz();
  CHECK(mentions(error_of(gz + "GARBAGE"), "7 bytes of trailing data after its gzip stream"));
  CHECK(mentions(error_of(gz + std::string(1, '\0')), "1 bytes of trailing data"));
  // A second gzip member is gzip, not trailing data: it is inflated and read
  // on (its comment line, now below the header, is then not a row).
  CHECK(mentions(error_of(gz + gz), "EPSS line 10 has 2 fields"));
}
