#include "assessors/assessor_texts.hpp"

#include <array>
#include <string>
#include <utility>

#include "assessors/local_format.hpp"
#include "model/text_table.hpp"

namespace knelpunt::assessors {

namespace {

struct Entry {
  Phrase key;
  std::string_view nl, en;
};

// In the order of the enum, so that the lookup is an index; the static_asserts
// below keep the two in step and check that both languages take the same
// number of arguments.
constexpr std::array kTexts{
    // A count of 0 before a plural noun: Dutch says "geen andere objecten".
    Entry{Phrase::no_count, "geen", "0"},
    Entry{Phrase::other_assets_one, "{} ander object", "{} other asset"},
    Entry{Phrase::other_assets_many, "{} andere objecten", "{} other assets"},
    Entry{Phrase::vital_assets_one, "{} vitaal object", "{} vital asset"},
    Entry{Phrase::vital_assets_many, "{} vitale objecten", "{} vital assets"},
    Entry{Phrase::assets_one, "{} object", "{} asset"},
    Entry{Phrase::assets_many, "{} objecten", "{} assets"},
    Entry{Phrase::failed_assets_one, "{} uitgevallen object", "{} failed asset"},
    Entry{Phrase::failed_assets_many, "{} uitgevallen objecten", "{} failed assets"},
    Entry{Phrase::controls_one, "{} maatregel", "{} control"},
    Entry{Phrase::controls_many, "{} maatregelen", "{} controls"},
    Entry{Phrase::list_and, " en ", " and "},
    Entry{Phrase::list_or, "{} of {}", "{} or {}"},  // the last two of a list
    Entry{Phrase::unit_people, "mensen", "people"},
    Entry{Phrase::unit_people_hours, "mensuren", "people-hours"},
    Entry{Phrase::unit_euros, "euro", "euros"},
    Entry{Phrase::unit_hectares, "hectare", "hectares"},
    Entry{Phrase::unit_square_kilometre_days, "vierkante kilometer × dagen", "square-kilometre-days"},
    Entry{Phrase::unit_expert_score, "deskundigenscore", "expert score"},
    Entry{Phrase::threat_attack, "dreiging {} (MITRE ATT&CK: {})", "threat {} (MITRE ATT&CK: {})"},
    Entry{Phrase::threat_default_class, "standaardklasse {} van dreiging {} uit de dreigingscatalogus",
          "default class {} of threat {} from the threats catalogue"},
    Entry{Phrase::impact_scope, " (processen: {})", " (processes: {})"},
    Entry{Phrase::hours_down_restored, "uren uitval binnen de horizon ({}), herstel meegerekend",
          "hours down within the horizon ({}), repairs included"},
    Entry{Phrase::hours_down_permanent, "uren uitval tot de horizon ({})", "hours of outage up to the horizon ({})"},
    Entry{Phrase::impact_basis_people_hours, "{} × {} = {} {}; klasse {} vanaf {}{}",
          "{} × {} = {} {}; class {} from {}{}"},
    Entry{Phrase::impact_basis_people, "{} = {} {}; klasse {} vanaf {}{}", "{} = {} {}; class {} from {}{}"},
    Entry{Phrase::impact_basis_beyond,
          "wat ze samen toevoegen aan {0} alleen: {1} {4} samen − {2} {4} door {0} alleen = {3} {4}; klasse {5} vanaf {6}",
          "what they add together to {0} alone: {1} {4} together − {2} {4} by {0} alone = {3} {4}; class {5} from {6}"},
    Entry{Phrase::areas_one, "{} gebied", "{} area"},
    Entry{Phrase::areas_many, "{} gebieden", "{} areas"},
    // Decision 013: residents are counted once per area (per service for people-hours).
    Entry{Phrase::counted_areas, "inwoners van {} zonder dienst (elk gebied één keer){}",
          "residents of {} without service (each area once){}"},
    // Summed over the services: an area without water and power for a day counts twice, so the
    // value may exceed the region's population times the horizon; the text must let a reader see why.
    Entry{Phrase::counted_areas_per_service,
          "inwoners van {} zonder dienst (elk gebied één keer per dienst, opgeteld over de diensten){}",
          "residents of {} without service (each area once per service, summed over the services){}"},
    Entry{Phrase::counted_assets, "som van {} van {}{}", "sum of {} of {}{}"},
    Entry{Phrase::upper_bound_note, "; bovengrens: objecten zonder gebieden tellen hun eigen inwoners, die kunnen overlappen",
          "; an upper bound: assets without areas count their own population, which may overlap"},
    // service_outage criteria (1.1, 2.1, 2.2, 3.1): per area and service, the time without it × a rate.
    Entry{Phrase::counted_service_people, "inwoners van {} zonder {} × tarief per mensuur ({})",
          "residents of {} without {} × rate per person-hour ({})"},
    Entry{Phrase::counted_service_surface, "oppervlakte (km²) van {} zonder {}", "surface (km²) of {} without {}"},
    Entry{Phrase::per_day_note, " / 24 uur per dag", " / 24 hours per day"},
    Entry{Phrase::unknown_surface_note, "; {} zonder oppervlakte (area_km2) tellen als 0",
          "; {} without a surface (area_km2) count as 0"},
    Entry{Phrase::impact_basis_service, "{} × {}{} = {} {}; klasse {} vanaf {}{}", "{} × {}{} = {} {}; class {} from {}{}"},
    Entry{Phrase::vital_process_floor,
          "geen schatting haalt klasse A, maar de cascade treft een vitaal proces ({}): {} (klasse {}, ondergrens uit de "
          "scoringscatalogus)",
          "no estimate reaches class A, but the cascade takes down a vital process ({}): {} (class {}, floor from the "
          "scoring catalogue)"},
    Entry{Phrase::vital_process_floor_many,
          "geen schatting haalt klasse A, maar de cascade treft vitale processen ({}): {} (klasse {}, ondergrens uit de "
          "scoringscatalogus)",
          "no estimate reaches class A, but the cascade takes down vital processes ({}): {} (class {}, floor from the "
          "scoring catalogue)"},
    Entry{Phrase::no_impact_none_fail, "binnen {} valt geen ander object uit", "within {} no other asset fails"},
    Entry{Phrase::no_impact_one_fails, "binnen {} valt {} uit", "within {} {} fails"},
    Entry{Phrase::no_impact_many_fail, "binnen {} vallen {} uit", "within {} {} fail"},
    Entry{Phrase::no_impact_no_vital_process, "geen uitgevallen object hoort bij een vitaal proces",
          "no failed asset belongs to a vital process"},
    Entry{Phrase::no_impact_no_floor, "de scoringscatalogus geeft geen ondergrens voor vitale processen",
          "the scoring catalogue sets no floor for vital processes"},
    Entry{Phrase::no_impact_nobody, "niemand verliest een voorziening", "nobody loses a service"},
    Entry{Phrase::no_impact_below_class_a, "onder de ondergrens van klasse A: {}", "below the lower limit of class A: {}"},
    Entry{Phrase::no_impact_value, "{} {} {} (klasse A vanaf {})", "{} {} {} (class A from {})"},
    Entry{Phrase::no_impact_uncounted, "{} mensen verliezen een voorziening die geen geschat criterium telt",
          "{} people lose a service that no estimated criterion counts"},
    Entry{Phrase::structural_unknown_p, "geen faalkans (p) bekend voor {}; standaardklasse {} uit de scoringscatalogus",
          "no failure probability (p) known for {}; default class {} from the scoring catalogue"},
    Entry{Phrase::failure_probability, "{} p={}", "{} p={}"},
    Entry{Phrase::structural_per_year,
          "{} per jaar (onafhankelijk) → kans {} op minstens één keer in {} jaar → klasse {} ({})",
          "{} per year (independent) → {} chance of at least once in {} years → class {} ({})"},
    Entry{Phrase::simulated_per_year,
          "{} valt binnen {} uit in {} van {} trekkingen van een jaar (Monte-Carlosimulatie van p en "
          "scenariofrequenties, startwaarde {}): {} per jaar, 95%-interval {} tot {} → kans {} op minstens één keer "
          "in {} jaar → klasse {} ({})",
          "{} fails within {} in {} of {} runs of a year (Monte Carlo simulation of p and scenario frequencies, "
          "seed {}): {} per year, 95% interval {} to {} → {} chance of at least once in {} years → class {} ({})"},
    Entry{Phrase::simulated_joint_per_year,
          "{} vallen samen binnen {} uit in {} van {} trekkingen van een jaar (Monte-Carlosimulatie van p en "
          "scenariofrequenties, startwaarde {}): {} per jaar, 95%-interval {} tot {} → kans {} op minstens één keer "
          "in {} jaar → klasse {} ({})",
          "{} fail together within {} in {} of {} runs of a year (Monte Carlo simulation of p and scenario "
          "frequencies, seed {}): {} per year, 95% interval {} to {} → {} chance of at least once in {} years → "
          "class {} ({})"},
    Entry{Phrase::cyber_base_only, "basisklasse {} voor cyberdreiging; geen verhogende of verlagende omstandigheden",
          "base class {} for cyber threats; no conditions raise or lower it"},
    Entry{Phrase::cyber_steps, "basisklasse {}, {} → klasse {}{} (stappen uit de scoringscatalogus)",
          "base class {}, {} → class {}{} (steps from the scoring catalogue)"},
    Entry{Phrase::cyber_clamped, " (begrensd)", " (clamped)"},
    // One step of a cyber likelihood: the condition in words, then the classes it moves.
    Entry{Phrase::cyber_step, "{} {}", "{} {}"},
    Entry{Phrase::cyber_step_kev_product, "product met actief misbruikte kwetsbaarheid (KEV)",
          "product with an actively exploited vulnerability (KEV)"},
    Entry{Phrase::cyber_step_kev_ransomware, "kwetsbaarheid bekend van ransomware (KEV)",
          "vulnerability known from ransomware (KEV)"},
    Entry{Phrase::cyber_step_epss, "EPSS op of boven de drempel", "EPSS at or above the threshold"},
    Entry{Phrase::cyber_step_mfa, "meerfactorauthenticatie (mfa)", "multi-factor authentication (mfa)"},
    Entry{Phrase::cyber_step_segmentation, "netwerksegmentatie (segmentation)", "network segmentation (segmentation)"},
    Entry{Phrase::spof_title, "Enkelvoudig faalpunt: {} — uitval treft {}",
          "Single point of failure: {} — its loss takes down {}"},
    Entry{Phrase::spof_description_one,
          "Als {} uitvalt, valt binnen {} {} uit, ongeacht andere voorzieningen.",
          "If {0} is lost, {2} fails within {1} whatever else holds."},
    Entry{Phrase::spof_description_many,
          "Als {} uitvalt, vallen binnen {} {} uit, ongeacht andere voorzieningen.",
          "If {0} is lost, {2} fail within {1} whatever else holds."},
    Entry{Phrase::critical_pair_title, "Kritiek paar: {} samen — treft {}", "Critical pair: {} together — takes down {}"},
    Entry{Phrase::critical_combination_title, "Kritieke combinatie: {} samen — treft {}",
          "Critical combination: {} together — takes down {}"},
    Entry{Phrase::critical_pair_description_one,
          "Voor {1} is de uitval van elk alleen opgevangen, maar als ze samen uitvallen, valt dat binnen {0} uit.",
          "For {1}, the loss of each alone is covered, but together they take it down within {0}."},
    Entry{Phrase::critical_pair_description_many,
          "Voor {1} is de uitval van elk alleen opgevangen, maar als ze samen uitvallen, vallen die binnen {0} uit.",
          "For {1}, the loss of each alone is covered, but together they take them down within {0}."},
    Entry{Phrase::cut_set_evidence, "minimale snedeverzameling (orde {}) van {}: {}",
          "minimal cut set (order {}) of {}: {}"},
    Entry{Phrase::repaired_pair_evidence,
          "met herstel meegerekend een kritiek paar voor {}: {}; zonder herstel volstaat de uitval van {} alleen al",
          "counted with repairs, a critical pair for {}: {}; without repairs the loss of {} alone suffices"},
    Entry{Phrase::repaired_pair_evidence_either,
          "met herstel meegerekend een kritiek paar voor {}: {}; zonder herstel volstaat de uitval van elk van beide "
          "alleen al",
          "counted with repairs, a critical pair for {}: {}; without repairs the loss of either alone suffices"},
    // Decision 046: one member with an entry of its own as a single point, or several.
    Entry{Phrase::member_single_point_one,
          "de impact telt per criterium wat ze samen toevoegen aan wat {0} alleen al laat uitvallen: dat telt de "
          "eigen vermelding van {0} als enkelvoudig faalpunt",
          "the impact counts, per criterion, what they add together to what {0} alone takes down: that is counted "
          "in the single-point entry of {0}"},
    Entry{Phrase::member_single_point_many,
          "de impact telt per criterium wat ze samen toevoegen aan het hoogste van wat {0} elk alleen al laten "
          "uitvallen: dat tellen hun eigen vermeldingen als enkelvoudig faalpunt",
          "the impact counts, per criterion, what they add together to the highest of what {0} each take down "
          "alone: that is counted in their single-point entries"},
    Entry{Phrase::list_and_more, "{} en {} andere", "{} and {} more"},
    Entry{Phrase::restored_in_time,
          "zonder herstel zouden ook uitvallen: {}; met de hersteltijden van het model blijven zij binnen {} in bedrijf",
          "without restoration these would fail too: {}; with the model's restoration times they keep running within {}"},
    Entry{Phrase::reach_title_one, "Verreikende uitval: {} — {} object valt mee uit binnen {}",
          "Far-reaching loss: {} — {} asset fails with it within {}"},
    Entry{Phrase::reach_title_many, "Verreikende uitval: {} — {} objecten vallen mee uit binnen {}",
          "Far-reaching loss: {} — {} assets fail with it within {}"},
    Entry{Phrase::reach_description_one,
          "Uitval van {} alleen laat binnen {} {} uitvallen; de getroffen mensen staan bij de impact.",
          "The loss of {0} alone takes down {2} within {1}; the people affected are under impact."},
    Entry{Phrase::reach_description_many,
          "Uitval van {} alleen laat binnen {} {} uitvallen; de getroffen mensen staan bij de impact.",
          "The loss of {0} alone takes down {2} within {1}; the people affected are under impact."},
    Entry{Phrase::reach_description_nobody_one,
          "Uitval van {} alleen laat binnen {} {} uitvallen; niemand verliest daardoor een voorziening.",
          "The loss of {0} alone takes down {2} within {1}; nobody loses a service through it."},
    Entry{Phrase::reach_description_nobody_many,
          "Uitval van {} alleen laat binnen {} {} uitvallen; niemand verliest daardoor een voorziening.",
          "The loss of {0} alone takes down {2} within {1}; nobody loses a service through it."},
    Entry{Phrase::reach_evidence,
          "plaats {} in de ranglijst van N-1-bereik (naar aantal objecten binnen de horizon van elk object, dan "
          "getroffen mensen)",
          "rank {} by N-1 reach (by assets within each asset's horizon, then people affected)"},
    Entry{Phrase::zone_name, "zone {}", "zone {}"},
    Entry{Phrase::within_radius, "binnen {} m van {} (verst {} m)", "within {} m of {} (farthest {} m)"},
    Entry{Phrase::co_located_title, "Redundantie op één plek: {}, {} — {} van {} voedingen ({}) in {}",
          "Co-located redundancy: {}, {} — {} of {} suppliers ({}) in {}"},
    Entry{Phrase::co_located_description,
          "{} heeft {} van {} voedingen nodig ({}), maar één lokale gebeurtenis, zoals {}, kan er {} "
          "tegelijk treffen: de redundantie beschermt daar niet tegen.",
          "{} needs {} of {} suppliers ({}), but one local event, such as {}, can hit {} of them at once: "
          "the redundancy does not protect against it."},
    Entry{Phrase::cluster_members, "{}: {}", "{}: {}"},
    Entry{Phrase::zone_title, "Uitval van zone {} ({}) treft {} erbuiten", "Loss of zone {} ({}) takes down {} outside it"},
    Entry{Phrase::zone_description,
          "Als zone {} ({}) in zijn geheel uitvalt door {}, treft de uitval binnen {} ook {} buiten "
          "de zone: {}.",
          "If zone {0} ({1}) fails as a whole through {2}, the loss reaches {4} outside it within {3} "
          "as well: {5}."},
    Entry{Phrase::zone_members, "objecten in zone {}: {}", "assets in zone {}: {}"},
    Entry{Phrase::threat_without_default, "dreiging {} heeft geen standaardkans; standaardklasse {} uit de scoringscatalogus",
          "threat {} has no default likelihood; default class {} from the scoring catalogue"},
    // The subject of simulated_joint_per_year for a zone: its members are counted, not named.
    Entry{Phrase::zone_all_members, "alle {} van zone {}", "all {} of zone {}"},
    Entry{Phrase::threat_not_simulated,
          "{}; de simulatie bevat geen scenario van dreiging {} met een frequentie en zegt daarom niet hoe vaak "
          "deze objecten samen uitvallen",
          "{}; the simulation has no scenario of threat {} with a frequency, so it does not say how often these "
          "assets fail together"},
    Entry{Phrase::exposure_internet, "bereikbaar vanaf internet", "reachable from the internet"},
    Entry{Phrase::exposure_remote_access, "toegang op afstand ({})", "remote access ({})"},
    // cyber.remote_access in words: the model's values (vpn, vendor-vpn, direct) are not Dutch.
    Entry{Phrase::exposure_remote_vpn, "toegang op afstand via VPN", "remote access through a VPN"},
    Entry{Phrase::exposure_remote_vendor_vpn, "toegang op afstand via de VPN van de leverancier",
          "remote access through the vendor's VPN"},
    Entry{Phrase::exposure_remote_direct, "rechtstreekse toegang op afstand", "direct remote access"},
    Entry{Phrase::exposure_mixed_network, "IT en OT in één netwerk", "IT and OT in one network"},
    Entry{Phrase::exposure_kev_one, "{} actief misbruikte kwetsbaarheid (CISA KEV)",
          "{} known exploited vulnerability (CISA KEV)"},
    Entry{Phrase::exposure_kev_many, "{} actief misbruikte kwetsbaarheden (CISA KEV)",
          "{} known exploited vulnerabilities (CISA KEV)"},
    Entry{Phrase::exposure_title, "Cyberblootstelling: {} — {}", "Cyber exposure: {} — {}"},
    Entry{Phrase::product, "product {}", "product {}"},
    Entry{Phrase::kev_version_caveat,
          "KEV vergelijkt leverancier en product, niet de versie: controleer of versie en configuratie "
          "kwetsbaar zijn",
          "KEV matches vendor and product, not the version: check whether the version and configuration "
          "are affected"},
    Entry{Phrase::kev_not_checked, "geen KEV-cache: bekende kwetsbaarheden niet gecontroleerd (knelpunt catalog fetch kev)",
          "no KEV cache: known vulnerabilities not checked (knelpunt catalog fetch kev)"},
    Entry{Phrase::exposure_description_one,
          "Een geslaagde aanval op {} legt het object stil; binnen {} valt dan {} uit.",
          "A successful attack on {} takes it down; within {} {} then fails."},
    Entry{Phrase::exposure_description_many,
          "Een geslaagde aanval op {} legt het object stil; binnen {} vallen dan {} uit.",
          "A successful attack on {} takes it down; within {} {} then fail."},
    Entry{Phrase::missing_controls_title, "Ontbrekende maatregelen: {} — {} van {} uit '{}'",
          "Missing controls: {} — {} of {} from '{}'"},
    Entry{Phrase::missing_control, "{} {} (gewicht {})", "{} {} (weight {})"},
    Entry{Phrase::missing_list, "ontbreekt: {}", "missing: {}"},
    Entry{Phrase::missing_weight, "ontbrekend gewicht {} van {} ({})", "missing weight {} of {} ({})"},
    Entry{Phrase::network_unknown, "netwerk onbekend", "network unknown"},
    Entry{Phrase::network_it, "IT-netwerk", "IT network"},
    Entry{Phrase::network_ot, "OT-netwerk", "OT network"},
    Entry{Phrase::network_mixed, "IT en OT in één netwerk", "IT and OT in one network"},
    Entry{Phrase::missing_controls_description_one,
          "{} mist {} uit de basislijn; bij uitval van het object valt binnen {} {} uit.",
          "{0} lacks {1} of the baseline; its loss takes down {3} within {2}."},
    Entry{Phrase::missing_controls_description_many,
          "{} mist {} uit de basislijn; bij uitval van het object vallen binnen {} {} uit.",
          "{0} lacks {1} of the baseline; its loss takes down {3} within {2}."},
    Entry{Phrase::missing_half_weight, "; meer dan de helft van het gewicht ontbreekt ({} van {}) → klasse {}",
          "; more than half of the weight is missing ({} of {}) → class {}"},
    Entry{Phrase::scenario_title, "Scenario: {}", "Scenario: {}"},
    Entry{Phrase::scenario_description_one,
          "Beginuitval: {}. Binnen {} valt {} uit; de uitgevallen objecten bedienen {} inwoners.",
          "Initial failures: {}. Within {} {} fails; the failed assets serve {} people."},
    Entry{Phrase::scenario_description_many,
          "Beginuitval: {}. Binnen {} vallen {} uit; de uitgevallen objecten bedienen {} inwoners.",
          "Initial failures: {}. Within {} {} fail; the failed assets serve {} people."},
    Entry{Phrase::initial_failure_at, "{} (t+{})", "{} (t+{})"},
    Entry{Phrase::scenario_stated_class, "klasse {} zoals vastgesteld in het model (scenario {})",
          "class {} as stated in the model (scenario {})"},
    Entry{Phrase::scenario_no_likelihood, "geen kans bekend; standaardklasse {} uit de scoringscatalogus",
          "no likelihood known; default class {} from the scoring catalogue"},
    Entry{Phrase::scenario_frequency_class,
          "frequentie {} per jaar zoals vastgesteld in het model (scenario {}) → kans {} op minstens één keer in {} "
          "jaar → klasse {} ({})",
          "frequency {} per year as stated in the model (scenario {}) → {} chance of at least once in {} years → "
          "class {} ({})"},
    // A likelihood class as the probabilities over the scoring period that make it.
    Entry{Phrase::likelihood_range_below, "onder {}", "below {}"},
    Entry{Phrase::likelihood_range_between, "{} tot {}", "{} to {}"},
    Entry{Phrase::likelihood_range_from, "{} of meer", "{} or more"},
};
static_assert(kTexts.size() == static_cast<std::size_t>(Phrase::likelihood_range_from) + 1,
              "every Phrase needs exactly one entry in kTexts");

static_assert(model::keys_in_enum_order(kTexts), "kTexts must list the phrases in the order of the enum");
static_assert(model::same_fields_in_both_languages(kTexts), "both languages of a phrase must take the same arguments");

}  // namespace

std::string_view phrase(Phrase key, std::string_view lang) {
  const auto& entry = kTexts[static_cast<std::size_t>(key)];
  return lang == "en" ? entry.en : entry.nl;
}

namespace detail {
std::string dutch_integer(long long value) { return dutch_number(std::to_string(value)); }
}  // namespace detail

LocalText counted(std::size_t count, Phrase one, Phrase many) {
  if (count == 0) return local_text(many, local_text(Phrase::no_count));
  return local_text(by_count(count, one, many), count);
}

LocalText bounded_id_list(const std::vector<std::string>& ids, std::size_t at_most) {
  const std::size_t shown = std::min(ids.size(), at_most);
  const std::string named = fmt::format("{}", fmt::join(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(shown), ", "));
  if (shown == ids.size()) return {named, named};
  return local_text(Phrase::list_and_more, named, ids.size() - shown);
}

LocalText unit_text(std::string_view unit) {
  constexpr std::pair<std::string_view, Phrase> kUnits[] = {
      {"people", Phrase::unit_people},          {"people-hours", Phrase::unit_people_hours},
      {"euros", Phrase::unit_euros},            {"hectares", Phrase::unit_hectares},
      {"square-kilometre-days", Phrase::unit_square_kilometre_days}, {"expert-score", Phrase::unit_expert_score}};
  for (const auto& [id, key] : kUnits)
    if (id == unit) return local_text(key);
  return {std::string(unit), std::string(unit)};
}

LocalText joined(const std::vector<LocalText>& parts, std::string_view separator) {
  LocalText out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) {
      out.nl += separator;
      out.en += separator;
    }
    out.nl += parts[i].nl;
    out.en += parts[i].en;
  }
  return out;
}

LocalText joined(const std::vector<std::string>& parts, Phrase separator) {
  return {fmt::format("{}", fmt::join(parts, phrase(separator, "nl"))),
          fmt::format("{}", fmt::join(parts, phrase(separator, "en")))};
}

LocalText listed(const std::vector<std::string>& parts) {
  if (parts.size() < 2) return joined(parts, Phrase::list_and);
  const std::vector<std::string> first(parts.begin(), parts.end() - 1);
  const std::string head = fmt::format("{}", fmt::join(first, ", "));
  return {head + std::string(phrase(Phrase::list_and, "nl")) + parts.back(),
          head + std::string(phrase(Phrase::list_and, "en")) + parts.back()};
}

}  // namespace knelpunt::assessors
