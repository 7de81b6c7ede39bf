#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "catalogs/kev_catalog.hpp"

using namespace knelpunt::catalogs;

namespace {

std::string fixture() {
  std::ifstream in(std::string(KNELPUNT_TEST_DATA) + "/feeds/kev-small.json", std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string one_entry_feed(const std::string& entry, const std::string& count = "1") {
  return R"({"catalogVersion": "2026.01.02", "count": )" + count + R"(, "vulnerabilities": [)" + entry + "]}";
}

}  // namespace

TEST_CASE("the KEV fixture reads into entries sorted by CVE id") {
  const auto parsed = parse_kev_catalog(fixture());
  REQUIRE_MESSAGE(parsed.catalog, parsed.error);
  const auto& catalog = *parsed.catalog;
  CHECK(catalog.catalog_version == "2026.11.20");
  CHECK(catalog.date_released == "2026-11-20T15:01:44.1234Z");
  REQUIRE(catalog.entries.size() == 5);
  CHECK(catalog.entries[0].cve_id == "CVE-2018-13379");
  CHECK(catalog.entries[1].cve_id == "CVE-2021-44228");
  CHECK(catalog.entries[4].cve_id == "CVE-2026-21931");
  const auto& log4j = catalog.entries[1];
  CHECK(log4j.vendor_project == "Apache");
  CHECK(log4j.product == "Log4j2");
  CHECK(log4j.known_ransomware);
  CHECK(log4j.date_added == "2021-12-10");
  CHECK(log4j.due_date == "2021-12-24");
  CHECK(log4j.cwes == std::vector<std::string>{"CWE-20", "CWE-400", "CWE-502"});
  CHECK_FALSE(catalog.entries[4].known_ransomware);
  CHECK(catalog.entries[4].notes.empty());
}

TEST_CASE("text that is not a KEV catalogue is rejected with a reason") {
  SUBCASE("not JSON") {
    const auto parsed = parse_kev_catalog("<html>Service Unavailable</html>");
    CHECK_FALSE(parsed.catalog);
    CHECK(parsed.error.find("not valid JSON") != std::string::npos);
  }
  SUBCASE("truncated JSON") {
    const auto text = fixture();
    const auto parsed = parse_kev_catalog(std::string_view(text).substr(0, text.size() / 2));
    CHECK_FALSE(parsed.catalog);
    CHECK(parsed.error.find("not valid JSON") != std::string::npos);
  }
  SUBCASE("not an object") {
    CHECK(parse_kev_catalog("[1, 2]").error.find("not a JSON object") != std::string::npos);
  }
  SUBCASE("no vulnerabilities") {
    const auto parsed = parse_kev_catalog(R"({"catalogVersion": "2026.01.02"})");
    CHECK_FALSE(parsed.catalog);
    CHECK(parsed.error.find("'vulnerabilities'") != std::string::npos);
  }
  SUBCASE("an entry without a product") {
    const auto parsed = parse_kev_catalog(one_entry_feed(R"({"cveID": "CVE-2024-0001", "vendorProject": "Acme"})"));
    CHECK_FALSE(parsed.catalog);
    CHECK(parsed.error.find("CVE-2024-0001") != std::string::npos);
    CHECK(parsed.error.find("'product'") != std::string::npos);
  }
  SUBCASE("an entry without a cveID") {
    const auto parsed = parse_kev_catalog(one_entry_feed(R"({"vendorProject": "Acme", "product": "Widget"})"));
    CHECK(parsed.error.find("vulnerabilities[0]") != std::string::npos);
    CHECK(parsed.error.find("'cveID'") != std::string::npos);
  }
  SUBCASE("an entry that is not an object") {
    CHECK(parse_kev_catalog(one_entry_feed("42")).error.find("not an object") != std::string::npos);
  }
  SUBCASE("count disagrees") {
    const auto parsed = parse_kev_catalog(
        one_entry_feed(R"({"cveID": "CVE-2024-0001", "vendorProject": "Acme", "product": "Widget"})", "2"));
    CHECK_FALSE(parsed.catalog);
    CHECK(parsed.error.find("count") != std::string::npos);
  }
}

TEST_CASE("optional fields may be absent or of another type") {
  const auto parsed = parse_kev_catalog(one_entry_feed(
      R"({"cveID": "CVE-2024-0001", "vendorProject": "Acme", "product": "Widget", "notes": null, "cwes": "CWE-1"})"));
  REQUIRE_MESSAGE(parsed.catalog, parsed.error);
  CHECK(parsed.catalog->entries[0].notes.empty());
  CHECK(parsed.catalog->entries[0].cwes.empty());
  CHECK_FALSE(parsed.catalog->entries[0].known_ransomware);
  CHECK(parse_kev_catalog(R"({"vulnerabilities": []})").catalog);
}

TEST_CASE("entries for a model product: vendor equal, product contained either way, case ignored") {
  const auto catalog = *parse_kev_catalog(fixture()).catalog;
  auto ids = [&](std::string_view vendor, std::string_view product) {
    std::vector<std::string> out;
    for (const auto* entry : find_kev_entries(catalog, vendor, product)) out.push_back(entry->cve_id);
    return out;
  };
  const auto fortigate = find_kev_entries(catalog, "fortinet", "fortigate");
  REQUIRE(fortigate.size() == 1);
  CHECK(fortigate[0]->cve_id == "CVE-2023-27997");
  CHECK(fortigate[0]->known_ransomware);
  CHECK(ids("FORTINET", "fortios") == std::vector<std::string>{"CVE-2018-13379"});
  CHECK(ids("fortinet", "forti") == std::vector<std::string>{"CVE-2018-13379", "CVE-2023-27997"});
  CHECK(ids("apache", "log4j") == std::vector<std::string>{"CVE-2021-44228"});
  CHECK(ids("schneider electric", "modicon m340 bmx p34 2020") == std::vector<std::string>{"CVE-2026-21931"});
  CHECK(ids("fortinet", "").empty());
  CHECK(ids("", "fortigate").empty());
  CHECK(ids("palo alto", "pan-os").empty());  // the vendor must be equal, not merely contained
}

TEST_CASE("a KEV feed nested a million deep is refused with its line and column, not a crash (#18)") {
  const std::string deep = std::string(1'000'000, '[') + std::string(1'000'000, ']');
  const auto parsed = parse_kev_catalog(R"({"count": )" + deep + R"(, "vulnerabilities": []})");
  REQUIRE_FALSE(parsed.catalog);
  CHECK(parsed.error.find("line 1, column 74: nested more than 64 deep") != std::string::npos);
  CHECK(parsed.error.find("expected the JSON document CISA publishes") != std::string::npos);
  // Deep but within the limit: read, then refused for what `count` is, named by type only.
  const auto nested = parse_kev_catalog(one_entry_feed(
      R"({"cveID": "CVE-2024-0001", "vendorProject": "V", "product": "P"})", "[[[1, 2, 3]]]"));
  REQUIRE_FALSE(nested.catalog);
  CHECK(nested.error == "the KEV feed's 'count' is an array; expected a whole number, the number of vulnerabilities listed");
}

TEST_CASE("a KEV count of 1e400 is refused as out of range, not an internal error (#18)") {
  const auto parsed = parse_kev_catalog(R"({"count": 1e400, "vulnerabilities": []})");
  REQUIRE_FALSE(parsed.catalog);
  CHECK(parsed.error.find("number out of range: '1e400'") != std::string::npos);
  const auto negative = parse_kev_catalog(R"({"count": -1, "vulnerabilities": []})");
  REQUIRE_FALSE(negative.catalog);
  CHECK(negative.error.find("'count' is -1; expected a whole number") != std::string::npos);
}
