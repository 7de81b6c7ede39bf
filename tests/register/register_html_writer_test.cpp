#include "register/register_html_writer.hpp"

#include <doctest/doctest.h>

#include <string>

#include "register/register_fixture.hpp"
#include "register/register_summary.hpp"

using namespace knelpunt::risk_register;

namespace {

std::size_t occurrences(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size()))
    ++n;
  return n;
}

}  // namespace

TEST_CASE(
    "register html: one document, Dutch by default, a CSP that forbids loads and names the "
    "script's hash") {
  const auto html = register_to_html(knelpunt::test::fixture_register(), "nl");
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"nl\">", 0) == 0);
  CHECK(html.size() > 1000);
  CHECK(html.substr(html.size() - 8) == "</html>\n");
  CHECK(html.find("default-src 'none'") != std::string::npos);
  CHECK(html.find("script-src '" + std::string(register_html_script_hash()) + "'") !=
        std::string::npos);
  CHECK(register_html_script_hash().rfind("sha256-", 0) == 0);
  CHECK(occurrences(html, "<script") == 1);
  // No attribute points outside the file; the only URL in an attribute is the SVG namespace.
  CHECK(occurrences(html, "=\"http") == occurrences(html, "xmlns=\"http://www.w3.org/2000/svg\""));
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("<h1>Risicoregister ") != std::string::npos);
  CHECK(html.find("<h2>Samenvatting</h2>") != std::string::npos);
}

TEST_CASE("register html: every model string is escaped") {
  const auto html = register_to_html(knelpunt::test::fixture_register(), "nl");
  // The fixture's title holds <script>alert(1)</script>, quotes and a bar.
  CHECK(html.find("<script>alert(1)") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
  CHECK(html.find("&quot;Oost&quot;") != std::string::npos);
}

TEST_CASE("register html: every entry has its section, appendix, row and dot") {
  const auto reg = knelpunt::test::fixture_register();
  const auto html = register_to_html(reg, "nl");
  for (const auto& risk : reg.risks) {
    CAPTURE(risk.id);
    CHECK(occurrences(html, "id=\"" + risk.id + "\"") == 1);
    CHECK(occurrences(html, "id=\"a-" + risk.id + "\"") == 1);
    // The top list, the table row, the appendix heading; the dot when it is in the diagram.
    CHECK(occurrences(html, "href=\"#" + risk.id + "\"") == (risk.impact_class ? 4u : 3u));
  }
  // Each cell of the diagram says its count, as the summary counts it.
  const auto summary = summarize(reg);
  for (int l = 0; l < 5; ++l)
    for (int i = 0; i < 5; ++i)
      CHECK(html.find(std::string("data-likelihood=\"") + "ABCDE"[l] + "\" data-impact=\"" +
                      "ABCDE"[i] + "\" data-count=\"" + std::to_string(summary.cells[l][i]) +
                      "\"") != std::string::npos);
}

TEST_CASE("register html: English with --lang en") {
  const auto html = register_to_html(knelpunt::test::fixture_register(), "en");
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  CHECK(html.find("<h2>Summary</h2>") != std::string::npos);
  CHECK(html.find("Samenvatting") == std::string::npos);
  CHECK(html.find("Ransomware at pumping station") != std::string::npos);
}

TEST_CASE("register html: same register, same bytes") {
  const auto reg = knelpunt::test::fixture_register();
  CHECK(register_to_html(reg, "nl") == register_to_html(reg, "nl"));
}

TEST_CASE("register html: the levels get distinct fills from light to dark, named in a legend") {
  const auto reg = knelpunt::test::fixture_register();
  const auto html = register_to_html(reg, "nl");
  const auto legend = html.find("<ul class=\"legend\"");
  REQUIRE(legend != std::string::npos);
  for (const char* fill : {"#fef0d9", "#fdcc8a", "#e34a33", "#b30000"}) {
    CAPTURE(fill);
    CHECK(html.find(std::string("background:") + fill + "\"></span>", legend) != std::string::npos);
  }
  CHECK(html.find("zeer hoog</li></ul>", legend) != std::string::npos);
}
