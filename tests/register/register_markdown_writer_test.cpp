#include <algorithm>
#include <limits>
#include <sstream>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "register/register_fixture.hpp"
#include "model/text_format.hpp"
#include "register/register_entry_parts.hpp"
#include "register/register_markdown_writer.hpp"

using knelpunt::risk_register::format_number;
using knelpunt::risk_register::register_to_markdown;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

/// Cell separators of a table row: the | not escaped by a backslash.
std::size_t unescaped_pipes(std::string_view line) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
      continue;
    }
    if (line[i] == '|') ++count;
  }
  return count;
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("durations: the register writes the text every command writes, in both languages") {
  using knelpunt::risk_register::register_duration;
  CHECK(register_duration(0, "en") == "0h");
  CHECK(register_duration(4, "en") == "4h");
  CHECK(register_duration(42.0 + 1.0 / 3.0, "en") == "42h20m");
  CHECK(register_duration(0.5, "en") == "30m");
  CHECK(register_duration(1.0 + 5.0 / 60.0, "en") == "1h5m");
  CHECK(register_duration(71.9999, "en") == "72h");
  CHECK(register_duration(std::numeric_limits<double>::infinity(), "en") == "unlimited");
  CHECK(register_duration(71.9999, "nl") == "3 dagen");
  for (const double hours : {0.0, 0.25, 1.5, 71.9999, 122.0, 167.75, std::numeric_limits<double>::infinity()})
    for (const char* lang : {"nl", "en"}) CHECK(register_duration(hours, lang) == knelpunt::model::format_duration(hours, lang));
}

TEST_CASE("numbers: thousands dot and decimal comma in Dutch, thousands comma and decimal point in English") {
  CHECK(format_number(45000.5, "nl") == "45.000,5");
  CHECK(format_number(45000.5, "en") == "45,000.5");
  CHECK(format_number(12000, "nl") == "12.000");
  CHECK(format_number(999, "nl") == "999");
  CHECK(format_number(0.25, "nl") == "0,25");
}

TEST_CASE("register markdown: title, header fields and summary in Dutch") {
  const std::string md = register_to_markdown(knelpunt::test::fixture_register(), "nl");
  CHECK(md.rfind("# Risicoregister Dordrecht\n\n", 0) == 0);
  CHECK(contains(md, "- **Veiligheidsregio:** Veiligheidsregio Zuid-Holland Zuid\n"));
  CHECK(contains(md, "- **Horizon:** 3 dagen\n"));
  CHECK(contains(md, "- **Kwetsbaarheidsbronnen:** kev 2025.01.15 (1.234 vermeldingen); epss niet aanwezig\n"));
  CHECK(contains(md, "## Samenvatting\n\nHet register telt 4 risico's: 1 zeer hoog, 1 hoog, 1 midden, 1 laag.\n"));
  CHECK(contains(md, "Per analyse: enkelvoudig faalpunt 1, verreikende uitval 1, geografische concentratie 1, scenario 1, "
                     "cyberblootstelling 0.\n"));
  CHECK(contains(md, "Opvolging: 3 niet beoordeeld, 1 in behandeling.\n"));
  // One analysis per entry: the counts add up to the entries, no note.
  CHECK_FALSE(contains(md, "telt bij elk daarvan mee"));
  auto knelpunt = knelpunt::test::fixture_register();
  knelpunt.risks[1].analyses = {"single-point", "cascade-reach"};
  CHECK(contains(register_to_markdown(knelpunt, "nl"),
                 "Per analyse: enkelvoudig faalpunt 1, verreikende uitval 2, geografische concentratie 1, scenario 1, "
                 "cyberblootstelling 0 (een knelpunt dat door meer analyses is gevonden, telt bij elk daarvan mee).\n"));
  CHECK(contains(md, "- KP-OLD-\\* (tracking.yaml:12:3)\n"));
  CHECK(md.back() == '\n');
  CHECK(md[md.size() - 2] != '\n');
}

TEST_CASE("register markdown: each of the highest risks says its heaviest consequence and what fails with it") {
  auto reg = knelpunt::test::fixture_register();
  // The scenario: 2.3 at D and 5.1 at C; the higher class governs, whatever the weight.
  CHECK(contains(register_to_markdown(reg, "nl"),
                 "Zwaarste gevolg: Lichamelijk lijden (gebrek aan primaire levensbehoeften), klasse D, "
                 "2.000.000 mensuren; 3 andere objecten vallen mee uit.\n"));
  // A total above the heaviest criterion's class comes from the sum, and says so.
  reg.risks[0].impact_class = 4;
  reg.risks[0].impact_score = 85;
  CHECK(contains(register_to_markdown(reg, "nl"),
                 "Impact E door de optelling van 2 criteria (impactscore 85); zwaarste gevolg: Lichamelijk lijden "
                 "(gebrek aan primaire levensbehoeften), klasse D, 2.000.000 mensuren; 3 andere objecten vallen mee uit.\n"));
  CHECK(contains(register_to_markdown(reg, "en"), "Impact E from adding up 2 criteria (impact score 85); heaviest "
                                                  "consequence: "));
  reg.risks[0].impact_class = 3;
  reg.risks[0].impact_score = 40.5;
  // On a tie of classes the heavier criterion (5.1 weighs 1.5) governs.
  reg.risks[0].finding.impact[1].impact_class = 3;
  CHECK(contains(register_to_markdown(reg, "nl"),
                 "Zwaarste gevolg: Verstoring van het dagelijks leven, klasse D, 5.000.000 mensuren; "
                 "3 andere objecten vallen mee uit.\n"));
  // A stated class says who stated it; one asset, or none, in the singular.
  reg.risks[0].finding.impact = {{"2.1", 0, 0, {}, knelpunt::assessors::ImpactSource::floor}};
  reg.risks[0].impact_class = 0;
  reg.risks[0].impact_score = 1;
  reg.risks[0].finding.affected = {"wb-pomp-oost"};
  const std::string md = register_to_markdown(reg, "nl");
  CHECK(contains(md, "Zwaarste gevolg: Doden, klasse A (ondergrens vitaal proces); 1 ander object valt mee uit.\n"));
  CHECK(contains(md, "2.1 A (ondergrens vitaal proces)"));
  reg.risks[0].finding.impact.clear();
  reg.risks[0].finding.affected.clear();
  CHECK(contains(register_to_markdown(reg, "en"), ". No other asset fails with it.\n"));
  // With the horizon of the risk's own cascade (a vital process may lengthen
  // it), the count says within what: the figures belong to that horizon.
  reg.risks[0].finding.horizon_h = 168;
  CHECK(contains(register_to_markdown(reg, "nl"), ". Binnen 7 dagen vallen geen andere objecten mee uit.\n"));
  CHECK(contains(register_to_markdown(reg, "en"), ". No other asset fails with it within 168h.\n"));
  reg.risks[0].finding.affected = {"wb-pomp-oost", "wb-pomp-west"};
  reg.risks[0].finding.impact = {{"2.1", 0, 0, {}, knelpunt::assessors::ImpactSource::floor}};
  CHECK(contains(register_to_markdown(reg, "nl"),
                 "Zwaarste gevolg: Doden, klasse A (ondergrens vitaal proces); 2 andere objecten vallen binnen 7 dagen mee uit.\n"));
  reg.risks[0].finding.horizon_h = 72;
  reg.risks[0].finding.affected = {"wb-pomp-oost"};
  CHECK(contains(register_to_markdown(reg, "nl"), "; 1 ander object valt binnen 3 dagen mee uit.\n"));
  // One criterion above its own class: its weight did it.
  reg.risks[0].impact_class = 1;
  reg.risks[0].impact_score = 3;
  CHECK(contains(register_to_markdown(reg, "nl"), "Impact B door het gewicht van het criterium (impactscore 3); "
                                                  "zwaarste gevolg: Doden, klasse A"));
}

TEST_CASE("register markdown: criteria left to an analyst are named, once for all entries and per entry") {
  auto reg = knelpunt::test::fixture_register();
  for (auto& risk : reg.risks) risk.impact_open = {"2.1", "9.9"};
  reg.risks[1].impact_open.push_back("5.1");
  const std::string md = register_to_markdown(reg, "nl");
  // A board member does not know the catalogue's numbers; an id it has no criterion for stays an id.
  CHECK(contains(md, "**Niet bepaald (expertoordeel)** bij elk risico hieronder: 2.1 Doden; 9.9 — in te vullen"));
  CHECK(contains(md, "- **Niet bepaald (expertoordeel):** 5.1 Verstoring van het dagelijks leven — in te vullen"));
  CHECK(contains(register_to_markdown(reg, "en"), "5.1 Disruption of daily life — "));
}

TEST_CASE(
    "register markdown: the criteria the entries score are named once, in catalogue order, above "
    "them") {
  auto reg = knelpunt::test::fixture_register();
  const std::string md = register_to_markdown(reg, "nl");
  // The fixture's entries score 2.3 and 5.1; its catalogue also has 2.1, which no entry scores.
  const auto legend = md.find(
      "**Criteria bij Impact:** 2.3 Lichamelijk lijden (gebrek aan primaire levensbehoeften); 5.1 "
      "Verstoring van het dagelijks leven — per criterium de klasse (A–E) en de waarde "
      "waarop die berust.\n");
  REQUIRE(legend != std::string::npos);
  CHECK(legend < md.find("### " + reg.risks.front().id));
  CHECK_FALSE(contains(md, "2.1 Doden"));
  CHECK(contains(register_to_markdown(reg, "en"), "**Criteria under Impact:** 2.3 "));
  // Nothing scored anywhere: no legend.
  for (auto& risk : reg.risks) risk.finding.impact.clear();
  CHECK_FALSE(contains(register_to_markdown(reg, "nl"), "Criteria bij Impact"));
}

TEST_CASE("register markdown: the risk diagram, likelihood E..A down, impact A..E across, counts per cell") {
  const auto lines = lines_of(register_to_markdown(knelpunt::test::fixture_register(), "nl"));
  auto heading = std::find(lines.begin(), lines.end(), "## Risicodiagram");
  REQUIRE(heading != lines.end());
  const auto table = heading + 2;
  REQUIRE(lines.end() - table > 7);
  CHECK(*table == "| Kans / impact | A (beperkt) | B (aanzienlijk) | C (ernstig) | D (zeer ernstig) | E (catastrofaal) |");
  CHECK(*(table + 1) == "|---|---|---|---|---|---|");
  CHECK(*(table + 2) ==
        "| E (zeer waarschijnlijk) | midden (0) | hoog (0) | hoog (0) | **zeer hoog (1)** | zeer hoog (0) |");
  CHECK(*(table + 4) == "| C (mogelijk) | laag (0) | **midden (1)** | midden (0) | **hoog (1)** | hoog (0) |");
  CHECK(*(table + 6) == "| A (zeer onwaarschijnlijk) | laag (0) | laag (0) | laag (0) | midden (0) | midden (0) |");
  // Under the diagram, what each likelihood class means (the fixture's catalogue).
  CHECK(*(table + 8) ==
        "Kansklassen, als kans op minstens één keer in 5 jaar: A onder 0,05%; B 0,05% tot 0,5%; C "
        "0,5% tot 5%; "
        "D 5% tot 50%; E 50% of meer.");
  CHECK(*(table + 10) ==
        "1 risico zonder impactklasse: daarom op het laagste niveau en niet in het diagram.");
}

TEST_CASE("register markdown: register table, one row per risk, never broken by model strings") {
  const std::string md = register_to_markdown(knelpunt::test::fixture_register(), "nl");
  const auto lines = lines_of(md);
  auto heading = std::find(lines.begin(), lines.end(), "## Overzicht");
  REQUIRE(heading != lines.end());
  CHECK(*(heading + 2) == "| Id | Risiconiveau | Kans | Impact | Titel | Status |");
  CHECK(*(heading + 4) ==
        "| KP-SCEN-a1b2c3 | zeer hoog | E | D | Ransomware bij pompstation \"Oost\" \\| drinkwater; "
        "\\<script\\>alert(1)\\</script\\> | in behandeling |");
  CHECK(*(heading + 7) == "| KP-GEO-0b0b0b | laag | B | – | \\# Twee objecten in zone-west | niet beoordeeld |");
  // Every table row of the document has as many cell separators as its header.
  std::size_t expected = 0;
  for (const auto& line : lines) {
    if (line.empty() || line[0] != '|') {
      expected = 0;
      continue;
    }
    if (expected == 0) expected = unescaped_pipes(line);
    CHECK_MESSAGE(unescaped_pipes(line) == expected, line);
  }
  CHECK_FALSE(contains(md, "<script>"));
  CHECK_FALSE(contains(md, "<b>"));
}

TEST_CASE("register markdown: each risk in a few lines a board reads, the rest under its id in the appendix") {
  const std::string md = register_to_markdown(knelpunt::test::fixture_register(), "nl");
  const auto appendix = md.find("## Bijlage: tijdlijnen en ketens\n");
  REQUIRE(appendix != std::string::npos);
  const std::string entries = md.substr(0, appendix), tail = md.substr(appendix);
  CHECK(contains(entries, "### KP-SCEN-a1b2c3: Ransomware bij pompstation \"Oost\" \\| drinkwater; "
                          "\\<script\\>alert(1)\\</script\\>\n\n"
                          "- **Risiconiveau:** zeer hoog (kans E, impact D)\n"
                          "- **Kans:** E (zeer waarschijnlijk): Internet-exposed, KEV met ransomware\n"
                          "- **Impact:** D (zeer ernstig), impactscore 40,5: 2.3 D 2.000.000 mensuren, 5.1 C 5.000.000 mensuren\n"
                          "- **Beheerder:** (geen beheerder in het model) · vitale processen: Drinkwatervoorziening\n"
                          "- **Onderbouwing:** Back-up staat op hetzelfde netwerk; geen segmentatie\n"
                          "- **Maatregelen:** bio-12.3 (Offline back-ups)\n"
                          "- **Opvolging:** in behandeling · eigenaar: Team OT; Evides · "
                          "toelichting: Back-ups worden getest zie memo \\<b\\>12\\</b\\> · datum: 2025-03-01 · "
                          "gecontroleerd door: J. de Vries · opvolgingsregel: KP-SCEN-a1b2c3\n"
                          "- **Bijlage:** [keten (3 stappen), 3 getroffen objecten, getroffen mensen in de tijd]"
                          "(#kp-scen-a1b2c3)\n\n"));
  CHECK(contains(entries, "- **Impact:** geen criterium gescoord (zonder impactklasse: daarom op het laagste niveau en niet in het diagram)\n"));
  CHECK(contains(entries, "- **Maatregelen:** geen\n"));
  // The long parts are in the appendix only, under the entry's id (the link's anchor).
  for (const auto* detail : {"Keten van oorzaak en gevolg", "Eerste regel", "CVE-2023-1234", "45.000,5", "Grondslag",
                             "2000000 mensuren zonder drinkwater"}) {
    CHECK_MESSAGE(!contains(entries, detail), detail);
    CHECK_MESSAGE(contains(tail, detail), detail);
  }
  CHECK(contains(tail, "### KP-SCEN-a1b2c3\n"
                       "- **Beschrijving:** Eerste regel. Tweede regel met \\*nadruk\\* en \\[link\\](http://x).\n"
                       "- **Analyse:** scenario · soort: scenario-cascade · objecten: wb-pomp-oost · "
                       "scenario: ransomware-drinkwater · dreiging: ransomware\n"
                       "- **Keten van oorzaak en gevolg:**\n"
                       "  - t+0 uur: wb-pomp-oost valt uit\n"
                       "  - t+4 uur: hs-merwedehaven valt uit (via wb-pomp-oost)\n"
                       "  - t+42 uur en 20 minuten: asz-dordrecht valt uit (via hs-merwedehaven)\n"
                       "- **Bekende misbruikte kwetsbaarheden:**\n"
                       "  - CVE-2023-1234: Acme Pump\\|Controller; gebruikt bij ransomware; EPSS 0,97 (percentiel 0,999); "
                       "vereiste actie: updates installeren volgens de instructies van de leverancier; uiterlijk 2024-01-31\n"
                       "- **Getroffen mensen in de tijd:** t+0 uur — mensen (elk gebied één keer): 12.000, objecten buiten "
                       "werking: 1, diensten uitgevallen: 0; t+4 uur — mensen (elk gebied één keer): 45.000,5, objecten "
                       "buiten werking: 2, diensten uitgevallen: 0\n"
                       "- **Grondslag van de impact:** 2.3 Lichamelijk lijden (gebrek aan primaire levensbehoeften): "
                       "2000000 mensuren zonder drinkwater · 5.1 Verstoring van het dagelijks leven: 5000000 mensuren "
                       "verstoring\n\n"));
  // A whole chain names every asset that fails: no list of them besides it.
  CHECK_FALSE(contains(tail, "Getroffen objecten (3):** asz-dordrecht"));
  // Without a chain the affected assets are listed; the kind is left out where it repeats the analysis.
  CHECK(contains(tail, "### KP-REACH-77aa01\n- **Analyse:** verreikende uitval · objecten: gas\\_station-1\n"
                       "- **Getroffen objecten (3):** a, b, c\n"));
  CHECK(contains(tail, "· onderwerp: zone-west\n"));
  auto zone = knelpunt::test::fixture_register();
  zone.risks[3].finding.assets.clear();
  CHECK(contains(register_to_markdown(zone, "nl"), "- **Analyse:** geografische concentratie · soort: co-located · "
                                                    "onderwerp: zone-west\n"));
  // Sections and appendix entries in the register's order.
  CHECK(md.find("### KP-SCEN-a1b2c3") < md.find("### KP-SPOF-3f2a9c"));
  CHECK(md.find("### KP-SPOF-3f2a9c") < md.find("### KP-REACH-77aa01"));
  CHECK(md.find("### KP-REACH-77aa01") < md.find("### KP-GEO-0b0b0b"));
  CHECK(tail.find("### KP-SCEN-a1b2c3\n") < tail.find("### KP-GEO-0b0b0b\n"));
}

TEST_CASE("register markdown: a knelpunt shows each analysis's title, its other evidence lines are in the appendix") {
  auto reg = knelpunt::test::fixture_register();
  auto& risk = reg.risks[1];
  risk.finding.evidence = {{"Enkelvoudig faalpunt: hs — treft 3", "Single point: hs — 3"},
                           {"snedeverzameling van a, b", "cut set of a, b"},
                           {"Cyberblootstelling: hs — vpn", "Cyber exposure: hs — vpn"},
                           {"product acme 1.0", "product acme 1.0"}};
  risk.key_evidence = {0, 2};
  const std::string md = register_to_markdown(reg, "nl");
  const auto appendix = md.find("## Bijlage: tijdlijnen en ketens\n");
  REQUIRE(appendix != std::string::npos);
  CHECK(contains(md.substr(0, appendix), "- **Onderbouwing:**\n  - Enkelvoudig faalpunt: hs — treft 3\n"
                                         "  - Cyberblootstelling: hs — vpn\n- **Maatregelen:**"));
  CHECK(contains(md.substr(0, appendix), "verdere onderbouwing (2 regels)](#kp-spof-3f2a9c)\n"));
  CHECK(contains(md.substr(appendix), "- **Verdere onderbouwing:**\n  - snedeverzameling van a, b\n"
                                      "  - product acme 1.0\n"));
  CHECK_FALSE(contains(md.substr(appendix), "Cyberblootstelling: hs"));

  SUBCASE("without key lines the first two are shown") {
    risk.key_evidence.clear();
    const std::string plain = register_to_markdown(reg, "en");
    CHECK(contains(plain, "- **Evidence:**\n  - Single point: hs — 3\n  - cut set of a, b\n"));
    CHECK(contains(plain, "further evidence (2 lines)](#kp-spof-3f2a9c)"));
  }
}

TEST_CASE("register markdown: a long chain is cut in the appendix, with the steps left and the affected assets") {
  auto reg = knelpunt::test::fixture_register();
  auto& f = reg.risks[0].finding;
  f.chain.clear();
  for (int t = 0; t < 7; ++t) f.chain.push_back({"x" + std::to_string(t), static_cast<double>(t), t ? "x0" : ""});
  f.chain.push_back({"y6", 6, "x0"});
  const std::string md = register_to_markdown(reg, "nl");
  CHECK(contains(md, "[keten (8 stappen), 3 getroffen objecten"));
  CHECK(contains(md, "  - t+3 uur: x3 valt uit (via x0)\n  - … en nog 4 stappen (alle in het JSON-register)\n"
                     "- **Getroffen objecten (3):** asz-dordrecht, hs-merwedehaven, wb-pomp-oost\n"));
  CHECK_FALSE(contains(md, "t+4 uur: x4"));
  f.chain.resize(5);
  CHECK(contains(register_to_markdown(reg, "en"), "  - … and 1 more step (all of them in the JSON register)\n"));
}

TEST_CASE("register markdown: per sector and per operator, by level with a total, and how a risk in two rows counts") {
  auto reg = knelpunt::test::fixture_register();
  reg.risks[0].operators = {"Waterbedrijf"};
  reg.risks[1].operators = {"Netbeheerder", "Ziekenhuis"};
  const std::string md = register_to_markdown(reg, "nl");
  CHECK(contains(md, "### Per sector\n\n| Sector | zeer hoog | hoog | midden | laag | totaal |\n|---|---|---|---|---|---|\n"
                     "| Drinkwater | 1 | 0 | 0 | 0 | 1 |\n| Energie | 0 | 1 | 0 | 0 | 1 |\n| Zorg | 0 | 1 | 0 | 0 | 1 |\n"
                     "| (geen vitaal proces) | 0 | 0 | 1 | 1 | 2 |\n\n"
                     "Een risico telt één keer mee in elke sector die het raakt: de sectoren van de vitale processen "
                     "van zijn objecten (volgens de catalogus vital-processes). 1 risico staat daardoor in meer dan één "
                     "rij, dus de kolom totaal telt op tot 5 in plaats van 4.\n\n### Per beheerder\n"));
  CHECK(contains(md, "| Netbeheerder | 0 | 1 | 0 | 0 | 1 |\n| Waterbedrijf | 1 | 0 | 0 | 0 | 1 |\n"
                     "| Ziekenhuis | 0 | 1 | 0 | 0 | 1 |\n| (geen beheerder in het model) | 0 | 0 | 1 | 1 | 2 |\n"));
  CHECK(md.find("### De hoogste risico's") < md.find("### Per sector"));
  const std::string en = register_to_markdown(reg, "en");
  CHECK(contains(en, "| Sector | very high | high | medium | low | total |\n"));
  CHECK(contains(en, "| Drinking water | 1 | 0 | 0 | 0 | 1 |\n"));
  CHECK(contains(en, "1 risk is therefore in more than one row, so the total column adds up to 5 instead of 4.\n"));

  SUBCASE("no risk in two rows, and no sector table without the catalogue's sectors") {
    reg.risks[1].operators = {"Netbeheerder"};
    reg.process_sectors.clear();
    const std::string plain = register_to_markdown(reg, "nl");
    CHECK(contains(plain, "Een risico telt één keer mee bij elke beheerder van zijn objecten. Geen risico staat in meer "
                          "dan één rij.\n"));
    CHECK_FALSE(contains(plain, "### Per sector"));
  }
}

TEST_CASE("register markdown: English") {
  const std::string md = register_to_markdown(knelpunt::test::fixture_register(), "en");
  CHECK(md.rfind("# Risk register Dordrecht\n", 0) == 0);
  CHECK(contains(md, "The register holds 4 risks: 1 very high, 1 high, 1 medium, 1 low.\n"));
  CHECK(contains(md, "Tracking: 3 unchecked, 1 in treatment.\n"));
  CHECK(contains(md, "  - t+4h: hs-merwedehaven fails (via wb-pomp-oost)\n"));
  CHECK(contains(md, "| Likelihood / impact | A (limited) |"));
  CHECK(contains(md, "EPSS 0.97 (percentile 0.999)"));
  CHECK(contains(md, "- **Impact:** D (very serious), impact score 40.5: 2.3 D 2,000,000 people-hours, 5.1 C 5,000,000 "
                     "people-hours\n"));
  CHECK(contains(md, "## Appendix: timelines and chains\n"));
  CHECK(contains(md, "- **Appendix:** [chain (3 steps), 3 affected assets, people affected over time](#kp-scen-a1b2c3)\n"));
  CHECK(contains(md, "### KP-GEO-0b0b0b: \\# Twee objecten in zone-west\n"));  // no English title: Dutch
  CHECK_FALSE(contains(md, "Risicoregister"));
}

TEST_CASE("register markdown: same register, same bytes") {
  const auto reg = knelpunt::test::fixture_register();
  CHECK(register_to_markdown(reg, "nl") == register_to_markdown(reg, "nl"));
}

TEST_CASE("register Markdown: a chain cut by limits.chain_steps says how many steps are left out") {
  auto reg = knelpunt::test::fixture_register();
  REQUIRE_FALSE(reg.risks.empty());
  CHECK(register_to_markdown(reg, "nl").find("limits.chain_steps") == std::string::npos);
  reg.risks[0].finding.chain_omitted = 1;
  CHECK(register_to_markdown(reg, "en").find(
            "- … and 1 more step (limits.chain_steps of the profile)\n") != std::string::npos);
  reg.risks[0].finding.chain_omitted = 4;
  CHECK(register_to_markdown(reg, "nl").find(
            "- … en nog 4 stappen (limits.chain_steps van het profiel)\n") != std::string::npos);
}

TEST_CASE("register markdown: the header names the tool, the catalogue versions and the scoring defaults") {
  auto reg = knelpunt::test::fixture_register();
  reg.tool_version = "9.8.7";
  reg.catalogs = {{"threats", 2, true, true}, {"scoring", 2, true, false}};
  const std::string md = register_to_markdown(reg, "nl");
  CHECK(contains(md, "- **Programma:** knelpunt 9.8.7\n"));
  CHECK(contains(md, "- **Catalogi:** threats v2 (aangepast door het model), scoring v2\n"));
  CHECK(contains(md, "\nDe klassegrenzen van impact en kans en de schattingsregels per criterium zijn standaardwaarden "
                     "van knelpunt, geen officiële cijfers"));
  const std::string en = register_to_markdown(reg, "en");
  CHECK(contains(en, "- **Tool:** knelpunt 9.8.7\n"));
  CHECK(contains(en, "- **Catalogues:** threats v2 (overridden by the model), scoring v2\n"));
  CHECK(contains(en, "\nThe impact and likelihood class limits and the estimation rules per criterion are knelpunt "
                     "defaults, not official figures"));
  // The note sits in the header, before the summary.
  CHECK(md.find("standaardwaarden van knelpunt") < md.find("## Samenvatting"));

  SUBCASE("a model that overrides the scoring catalogue: what it does not override are still knelpunt defaults") {
    reg.catalogs[1].overridden = true;
    const std::string overridden = register_to_markdown(reg, "nl");
    CHECK(contains(overridden, "scoring v2 (aangepast door het model)\n"));
    CHECK_FALSE(contains(overridden, "De klassegrenzen van impact en kans en de schattingsregels"));
    CHECK(contains(overridden, "\nHet model past de scoringscatalogus aan (`catalogs: scoring:`); de klassegrenzen en "
                               "schattingsregels die het model niet aanpast, zijn standaardwaarden van knelpunt"));
  }
  SUBCASE("a scoring catalogue that is not marked as defaults: no note") {
    reg.catalogs[1].defaults = false;
    CHECK_FALSE(contains(register_to_markdown(reg, "nl"), "standaardwaarden van knelpunt"));
  }
}

TEST_CASE("register markdown: a date only when one is given, as the first header line") {
  auto reg = knelpunt::test::fixture_register();
  // Without a date the header starts with the authority (a risk's tracking date is another "Datum").
  CHECK(register_to_markdown(reg, "nl").rfind("# Risicoregister Dordrecht\n\n- **Veiligheidsregio:**", 0) == 0);
  reg.date = "2026-12-01";
  CHECK(register_to_markdown(reg, "nl").rfind("# Risicoregister Dordrecht\n\n- **Datum:** 2026-12-01\n", 0) == 0);
  CHECK(contains(register_to_markdown(reg, "en"), "- **Date:** 2026-12-01\n"));
}

TEST_CASE(
    "register markdown: an entry names its vital processes, by id only when the register has no "
    "name") {
  const auto reg = knelpunt::test::fixture_register();
  const std::string nl = register_to_markdown(reg, "nl");
  CHECK(contains(nl, "vitale processen: Regionale distributie elektriciteit, zorg.acuut\n"));
  CHECK(contains(nl, "vitale processen: Drinkwatervoorziening\n"));
  CHECK_FALSE(contains(nl, "vitale processen: drinkwater\n"));
  const std::string en = register_to_markdown(reg, "en");
  CHECK(contains(en, "vital processes: Regional distribution of electricity, zorg.acuut\n"));
}

TEST_CASE("register markdown: counts of a thousand and more in the Dutch number format") {
  // A region's register: 9 942 affected assets, 9 893 chain steps left out,
  // thousands of entries per sector — Dutch writes them with a thousands dot.
  auto reg = knelpunt::test::fixture_register();
  auto& f = reg.risks[0].finding;
  f.chain_omitted = 9893;
  f.affected.clear();
  for (int i = 0; i < 1234; ++i) f.affected.push_back(fmt::format("a-{:04}", i));
  const auto first = reg.risks[0];
  for (int i = 0; i < 1000; ++i) {
    reg.risks.push_back(first);
    reg.risks.back().id = fmt::format("KP-X-{:04}", i);
  }
  const std::string md = register_to_markdown(reg, "nl");
  CHECK(contains(md, "- … en nog 9.893 stappen (limits.chain_steps van het profiel)\n"));
  CHECK(contains(md, "- **Getroffen objecten (1.234):** a-0000, a-0001, "));
  CHECK(contains(md, "| Drinkwater | 1.001 | 0 | 0 | 0 | 1.001 |\n"));
  const std::string en = register_to_markdown(reg, "en");
  CHECK(contains(en, "| Drinking water | 1,001 | 0 | 0 | 0 | 1,001 |\n"));
}
