#include <doctest/doctest.h>

#include "register/register_csv_writer.hpp"
#include "register/register_fixture.hpp"

using knelpunt::risk_register::CsvOptions;
using knelpunt::risk_register::register_to_csv;

namespace {

/// Splits CSV text into records of fields (RFC 4180, for checking the writer).
std::vector<std::vector<std::string>> parse_csv(std::string_view text, char separator) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        rows.back().back() += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        rows.back().back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == separator) {
      rows.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      if (i + 1 < text.size()) rows.emplace_back(1);
    } else {
      rows.back().back() += c;
    }
  }
  return rows;
}

std::size_t column(const std::vector<std::string>& header, std::string_view name) {
  for (std::size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return i;
  FAIL("no column " << name);
  return 0;
}

}  // namespace

TEST_CASE("register CSV: header in Dutch, one row per risk in order, CRLF line ends") {
  const std::string text = register_to_csv(knelpunt::test::fixture_register(), "nl", CsvOptions{});
  CHECK(text.rfind("id,risiconiveau,kans,impact,impactscore,titel,analyses,soort,objecten,vitale processen,beheerder,scenario,"
                   "impact 2.1,impact 2.3,impact 5.1,maatregelen,status,eigenaar,toelichting,datum,gecontroleerd door\r\n",
                   0) == 0);
  CHECK(text.substr(text.size() - 2) == "\r\n");
  const auto rows = parse_csv(text, ',');
  REQUIRE(rows.size() == 5);
  for (const auto& row : rows) CHECK(row.size() == rows[0].size());
  CHECK(rows[1][0] == "KP-SCEN-a1b2c3");
  CHECK(rows[2][0] == "KP-SPOF-3f2a9c");
  CHECK(rows[3][0] == "KP-REACH-77aa01");
  CHECK(rows[4][0] == "KP-GEO-0b0b0b");
}

TEST_CASE("register CSV: English header") {
  const auto rows = parse_csv(register_to_csv(knelpunt::test::fixture_register(), "en", CsvOptions{}), ',');
  CHECK(rows[0][1] == "risk level");
  CHECK(rows[0][2] == "likelihood");
  CHECK(rows[0].back() == "checked by");
  CHECK(rows[1][1] == "very high");
  CHECK(rows[1][5] == knelpunt::test::kNastyTitleEn);
}

TEST_CASE("register CSV: RFC 4180 quoting keeps | \" ; and line breaks inside one field") {
  const auto reg = knelpunt::test::fixture_register();
  const std::string text = register_to_csv(reg, "nl", CsvOptions{});
  CHECK(text.find("\"Ransomware bij pompstation \"\"Oost\"\" | drinkwater; <script>alert(1)</script>\"") !=
        std::string::npos);
  const auto rows = parse_csv(text, ',');
  const auto& header = rows[0];
  CHECK(rows[1][column(header, "titel")] == knelpunt::test::kNastyTitleNl);
  CHECK(rows[1][column(header, "toelichting")] == "Back-ups worden getest\nzie memo <b>12</b>");
  CHECK(rows[1][column(header, "eigenaar")] == "Team OT; Evides");
}

TEST_CASE("register CSV: fields per risk") {
  const auto rows = parse_csv(register_to_csv(knelpunt::test::fixture_register(), "nl", CsvOptions{}), ',');
  const auto& h = rows[0];
  const auto& scenario = rows[1];
  CHECK(scenario[column(h, "risiconiveau")] == "zeer hoog");
  CHECK(scenario[column(h, "kans")] == "E");
  CHECK(scenario[column(h, "impact")] == "D");
  CHECK(scenario[column(h, "impactscore")] == "40.5");
  CHECK(scenario[column(h, "analyses")] == "scenario");
  CHECK(scenario[column(h, "scenario")] == "ransomware-drinkwater");
  CHECK(scenario[column(h, "impact 2.1")] == "geen schattingsregel");  // the fixture's criteria have no rule
  CHECK(scenario[column(h, "impact 2.3")] == "D");
  CHECK(scenario[column(h, "impact 5.1")] == "C");
  CHECK(scenario[column(h, "maatregelen")] == "bio-12.3");
  CHECK(scenario[column(h, "status")] == "in behandeling");  // the label for readers; JSON keeps the id
  CHECK(scenario[column(h, "datum")] == "2025-03-01");
  CHECK(scenario[column(h, "gecontroleerd door")] == "J. de Vries");
  CHECK(rows[2][column(h, "vitale processen")] == "elektriciteit.regionaal | zorg.acuut");
  CHECK(rows[4][column(h, "objecten")] == "hs-a | hs-b");
  CHECK(rows[4][column(h, "impact")] == "geen criterium gescoord");
  CHECK(rows[4][column(h, "status")] == "niet beoordeeld");
  CHECK(rows[4][column(h, "analyses")] == "geografische concentratie");
}

TEST_CASE("register CSV: ';' for Dutch Excel with decimal commas and a BOM") {
  const std::string text = register_to_csv(knelpunt::test::fixture_register(), "nl", CsvOptions{';', true});
  CHECK(text.rfind("\xEF\xBB\xBFid;risiconiveau;", 0) == 0);
  const auto rows = parse_csv(std::string_view(text).substr(3), ';');
  REQUIRE(rows.size() == 5);
  const auto& h = rows[0];
  CHECK(rows[1][column(h, "impactscore")] == "40,5");
  CHECK(rows[3][column(h, "impactscore")] == "4,5");
  CHECK(rows[1][column(h, "eigenaar")] == "Team OT; Evides");
  CHECK(text.find("\"Team OT; Evides\"") != std::string::npos);
  // With ',' the comma in a decimal would need quotes; with ';' it must not be quoted.
  CHECK(text.find(";40,5;") != std::string::npos);
}

TEST_CASE("register CSV: a formula-like model string is defused") {
  auto reg = knelpunt::test::fixture_register();
  reg.risks[1].finding.title.nl = "=HYPERLINK(\"http://x\")";
  reg.risks[1].tracking.owner = "@SUM(A1)";
  const auto rows = parse_csv(register_to_csv(reg, "nl", CsvOptions{}), ',');
  CHECK(rows[2][column(rows[0], "titel")] == "'=HYPERLINK(\"http://x\")");
  CHECK(rows[2][column(rows[0], "eigenaar")] == "'@SUM(A1)");
}

TEST_CASE("register CSV: same register, same bytes") {
  const auto reg = knelpunt::test::fixture_register();
  CHECK(register_to_csv(reg, "nl", CsvOptions{}) == register_to_csv(reg, "nl", CsvOptions{}));
}

TEST_CASE("register CSV: a criterion's cell says where its class came from, or why it has none") {
  auto reg = knelpunt::test::fixture_register();
  reg.criteria[0].expert = knelpunt::catalogs::ExpertJudgement{};    // 2.1: left to an analyst
  reg.criteria[1].estimate = knelpunt::catalogs::ImpactEstimate{};   // 2.3: estimated by a rule
  reg.criteria[2].estimate = knelpunt::catalogs::ImpactEstimate{};   // 5.1: estimated by a rule
  auto& risk = reg.risks[1];
  risk.impact_open = {"2.1"};
  risk.finding.impact = {{"2.3", 3, 0, {}, knelpunt::assessors::ImpactSource::expert},
                         {"5.1", 0, 0, {}, knelpunt::assessors::ImpactSource::floor}};
  auto& other = reg.risks[2];
  other.impact_open = {};
  other.finding.impact = {{"2.1", 2, 0, {}, knelpunt::assessors::ImpactSource::expert}};
  for (const auto* lang : {"nl", "en"}) {
    CAPTURE(lang);
    const bool nl = std::string_view(lang) == "nl";
    const auto rows = parse_csv(register_to_csv(reg, lang, CsvOptions{}), ',');
    const auto& h = rows[0];
    const std::string impact = "impact ";
    CHECK(rows[2][column(h, impact + "2.1")] == (nl ? "niet bepaald (expertoordeel)" : "not determined (expert judgement)"));
    CHECK(rows[2][column(h, impact + "2.3")] == (nl ? "D (expertoordeel)" : "D (expert judgement)"));
    CHECK(rows[2][column(h, impact + "5.1")] == (nl ? "A (ondergrens vitaal proces)" : "A (vital process floor)"));
    CHECK(rows[3][column(h, impact + "2.1")] == (nl ? "C (expertoordeel)" : "C (expert judgement)"));
    CHECK(rows[3][column(h, impact + "2.3")] == (nl ? "onder A" : "below A"));  // a rule, and it stayed below class A
  }
}

TEST_CASE("register CSV: a common cause of two assets is a critical pair, of three a critical combination") {
  auto reg = knelpunt::test::fixture_register();
  auto& pair = reg.risks[3].finding;
  pair.kind = "common-cause";
  pair.assets = {"hs-a", "hs-b"};
  auto& three = reg.risks[2].finding;
  three.kind = "common-cause";
  three.assets = {"hs-a", "hs-b", "hs-c"};
  for (const auto& [lang, pair_name, three_name] :
       {std::tuple{"nl", "kritiek paar", "kritieke combinatie"}, std::tuple{"en", "critical pair", "critical combination"}}) {
    const auto rows = parse_csv(register_to_csv(reg, lang, CsvOptions{}), ',');
    const auto kind = column(rows[0], lang == std::string_view("nl") ? "soort" : "kind");
    CHECK(rows[4][kind] == pair_name);  // as the title says: "Kritiek paar: …"
    CHECK(rows[3][kind] == three_name);  // rows[0] is the header
  }
}
