#include "cli/cli_texts.hpp"

#include <array>

#include "model/text_format.hpp"
#include "model/text_table.hpp"

namespace knelpunt::cli {

namespace {

struct Entry {
  CliText key;
  std::string_view nl, en;
};

// In the order of the enum, so that the lookup is an index; the static_asserts
// below keep the two in step and check that both languages take the same
// number of arguments.
constexpr std::array kTexts{
    Entry{CliText::the_model, "het model", "the model"},
    // A count of 0 before a plural noun: Dutch says "geen objecten".
    Entry{CliText::no_count, "geen", "no"},
    Entry{CliText::assets_one, "{} object", "{} asset"},
    Entry{CliText::assets_many, "{} objecten", "{} assets"},
    Entry{CliText::areas_one, "{} gebied", "{} area"},
    Entry{CliText::areas_many, "{} gebieden", "{} areas"},
    Entry{CliText::virtual_assets_one, "{} virtueel object", "{} virtual asset"},
    Entry{CliText::virtual_assets_many, "{} virtuele objecten", "{} virtual assets"},
    Entry{CliText::upper_bound_overlap,
          " (een bovengrens: objecten zonder gebieden tellen hun eigen inwoners, die kunnen overlappen)",
          " (an upper bound: assets without areas count their own population, which may overlap)"},
    Entry{CliText::upper_bound, " (een bovengrens: objecten zonder gebieden tellen hun eigen inwoners)",
          " (an upper bound: assets without areas count their own population)"},
    // "binnen onbeperkt" is no Dutch, "within inf" no English: an unbounded horizon has no time limit.
    Entry{CliText::within_horizon, "binnen {}", "within horizon {}"},
    Entry{CliText::within_horizon_unbounded, "zonder tijdsgrens", "without a time limit"},
    Entry{CliText::within, "binnen {}", "within {}"},
    Entry{CliText::within_unbounded, "zonder tijdsgrens", "without a time limit"},
    Entry{CliText::cascade, "Uitvalketen", "Cascade"},
    Entry{CliText::cascade_with_restoration, "Uitvalketen met herstel", "Cascade with restoration"},
    Entry{CliText::cascade_heading, "{} in {} {}: beginuitval {}", "{} in {} {}: initial {}"},
    Entry{CliText::initial_at, "{} (t+{})", "{}@{}"},
    Entry{CliText::virtual_marker, "[virtueel] ", "[virtual] "},
    Entry{CliText::initial_failure, "beginuitval", "initial failure"},
    Entry{CliText::via, "via {}", "via {}"},
    Entry{CliText::suppliers_lost, "{} van {} leveranciers uitgevallen", "{} of {} suppliers lost"},
    Entry{CliText::no_supply_from_source, "geen aanvoer meer vanuit een bron", "no supply left from a source"},
    Entry{CliText::buffer, "buffer {}", "buffer {}"},
    Entry{CliText::back, "terug", "back"},
    Entry{CliText::restart, " (herstart {})", " (restart {})"},
    Entry{CliText::recovery, " (herstel {})", " (recovery {})"},
    Entry{CliText::failed_summary_one, "{} valt uit {} (en {}); getroffen mensen: {}",
          "{} fails {} (and {}); people affected: {}"},
    Entry{CliText::failed_summary_many, "{} vallen uit {} (en {}); getroffen mensen: {}",
          "{} fail {} (and {}); people affected: {}"},
    Entry{CliText::people_in_areas, "{} in {} die een voorziening verliezen, elk één keer geteld{}",
          "{} in {} that lose a service, each counted once{}"},
    // Not "0 in geen gebieden": with no area losing a service nobody is affected.
    Entry{CliText::people_none, "geen, want geen gebied verliest een voorziening die het dagelijks leven raakt{}",
          "none, as no area loses a service of daily life{}"},
    Entry{CliText::uncounted_services_lost, "; wel valt {} weg, wat het dagelijks leven niet verstoort en niet meetelt",
          "; {} is lost too, which does not disrupt daily life and is not counted"},
    Entry{CliText::returns_one, "{} herstelmoment", "{} return"},
    Entry{CliText::returns_many, "{} herstelmomenten", "{} returns"},
    Entry{CliText::restoration_summary, "{} binnen {}; {} na {} nog uitgevallen", "{} within {}; {} still down at {}"},
    Entry{CliText::stay_up, "Blijven in bedrijf:", "Stay up:"},
    Entry{CliText::affected_as_register, "Getroffen objecten zonder de beginuitval, zoals het register ze telt: {}",
          "Affected assets without the initial failures, as the register counts them: {}"},
    Entry{CliText::affected_other_horizon,
          "Getroffen objecten zonder de beginuitval {}: {}; het register telt deze uitval {} (zonder --horizon geeft "
          "whatif die telling)",
          "Affected assets without the initial failures {}: {}; the register counts this failure {} (without "
          "--horizon whatif gives that count)"},
    Entry{CliText::affected_within, "Getroffen objecten zonder de beginuitval {}: {}",
          "Affected assets without the initial failures {}: {}"},
    Entry{CliText::reach_heading, "N-1-bereik in {} {}: {}, de {} met het grootste bereik",
          "N-1 reach in {} {}: {}, the {} that reach furthest"},
    Entry{CliText::reach_asset_heading_one,
          "N-1-bereik van {} ({}) in {} {}: {} valt uit; getroffen mensen: {}, elk één keer geteld{}",
          "N-1 reach of {} ({}) in {} {}: {} fails; people affected: {}, each counted once{}"},
    Entry{CliText::reach_asset_heading_many,
          "N-1-bereik van {} ({}) in {} {}: {} vallen uit; getroffen mensen: {}, elk één keer geteld{}",
          "N-1 reach of {} ({}) in {} {}: {} fail; people affected: {}, each counted once{}"},
    Entry{CliText::column_asset, "object", "asset"},
    Entry{CliText::column_name, "naam", "name"},
    Entry{CliText::column_reach, "bereik", "reach"},
    Entry{CliText::column_population, "inwoners", "population"},
    Entry{CliText::reach_legend,
          "bereik: andere niet-virtuele objecten die binnen de horizon uitvallen als alleen dit object uitvalt op "
          "T+0;\nmensen: de inwoners van de gebieden die minstens één voorziening missen omdat dit object of een object "
          "dat erdoor uitvalt die levert, elk één keer geteld, zoals het register telt.\n",
          "reach: other non-virtual assets that fail within the horizon when this one fails alone at T+0;\n"
          "people: the residents of the areas that lack at least one service because this asset, or one failing "
          "with it, supplies it; each counted once, as the register counts them.\n"},
    Entry{CliText::reach_legend_population, "inwoners: het inwonertal dat het model bij het object zelf opgeeft.\n",
          "population: the population the model gives for the asset itself.\n"},
    Entry{CliText::reach_legend_upper_bound,
          "≤: een bovengrens: objecten zonder gebieden tellen hun eigen inwoners, die kunnen overlappen.\n",
          "≤: an upper bound: assets without areas count their own population, which may overlap.\n"},
    Entry{CliText::reach_legend_recovery,
          "Met herstel gerekend: het model kent hersteltijden, en de tabel telt zoals het register, whatif en de optie "
          "--asset ID.\n",
          "Counted with repairs: the model has recovery times, and the table counts as the register, whatif and "
          "option --asset ID do.\n"},
    Entry{CliText::reach_legend_own_horizon,
          "Eigen horizon: een object van het vitale proces {} telt binnen {} (profiel {}), zoals in het register, whatif "
          "en de optie --asset ID; --horizon geeft elk object dezelfde horizon.\n",
          "Own horizon: an asset of the vital process {} counts within {} (profile {}), as in the register, whatif and "
          "option --asset ID; --horizon gives every asset the same horizon.\n"},
    Entry{CliText::column_within, "binnen", "within"},
    Entry{CliText::column_people, "mensen", "people"},
    Entry{CliText::cutsets_heading, "Minimale snedeverzamelingen van {}{} {}, orde ≤ {}: {}",
          "Minimal cut sets of {}{} {}, order ≤ {}: {}"},
    Entry{CliText::cutsets_without_repairs,
          "Zonder herstel gerekend: het model kent hersteltijden, maar snedeverzamelingen gelden zonder herstel. Met "
          "herstel, zoals het register en whatif rekenen, laat een verzameling het doel niet altijd uitvallen.\n",
          "Counted without repairs: the model has recovery times, but cut sets hold without repairs. With repairs, as "
          "the register and whatif count, a set does not always take the target down.\n"},
    Entry{CliText::cut_sets_one, "{} verzameling", "{} set"},
    Entry{CliText::cut_sets_many, "{} verzamelingen", "{} sets"},
    Entry{CliText::any_order, "onbeperkt", "any"},
    Entry{CliText::order_heading, "Orde {} ({}){}:", "Order {} ({}){}:"},
    Entry{CliText::order_single_points, " — enkelvoudige faalpunten", " — single points of failure"},
    Entry{CliText::order_pairs, " — kritieke paren", " — common-cause pairs"},
    Entry{CliText::probability_exact, "Kans dat {} uitvalt: {} (exact, BDD)", "Probability that {} fails: {} (exact, BDD)"},
    Entry{CliText::probability_bounds,
          "Kans dat {} uitvalt: hoogstens {} (grenzen uit de snedeverzamelingen: bovengrens uit de minimale sneden "
          "{}, benadering voor zeldzame gebeurtenissen {}; het BDD was te groot)",
          "Probability that {} fails: at most {} (bounds from the cut sets: min-cut upper bound {}, rare-event {}; "
          "the BDD was too large)"},
    Entry{CliText::probability_too_large,
          "Kans dat {} uitvalt: niet berekend; het BDD van de functie past niet binnen {} knopen en ze heeft meer "
          "dan {} minimale snedeverzamelingen, zodat ook de grenzen te groot zijn (docs/cut-sets.md)",
          "Probability that {} fails: not computed; the function's BDD does not fit within {} nodes and it has more "
          "than {} minimal cut sets, so the bounds are too large as well (docs/cut-sets.md)"},
    Entry{CliText::column_criticality, "kritiekheid", "criticality"},
    Entry{CliText::fussell_vesely_not_computed,
          "fussell-v.: niet berekend; het BDD van deze functie of van haar minimale snedeverzamelingen heeft meer "
          "dan {} knopen (docs/cut-sets.md). De andere maten zijn exact.",
          "fussell-v.: not computed; the BDD of this function or of its minimal cut sets has more than {} nodes "
          "(docs/cut-sets.md). The other measures are exact."},
    Entry{CliText::cost, "kosten", "cost"},
    Entry{CliText::unknown, "onbekend", "unknown"},
    Entry{CliText::expected_annual_impact, "verwachte jaarlijkse impact", "expected annual impact"},
    Entry{CliText::per_million_euro, "per miljoen euro", "per million euro"},
    Entry{CliText::risks, "risico's", "risks"},
    Entry{CliText::risks_counts, "{} weg, {} lager, {} hoger, {} nieuw, {} anders op hetzelfde niveau",
          "{} removed, {} reduced, {} raised, {} added, {} changed at the same level"},
    Entry{CliText::people_per_scenario, "getroffen mensen per scenario (elk gebied één keer)",
          "people affected per scenario (each area once)"},
    Entry{CliText::scenario_people_hours, "mensuren", "people-hours"},
    Entry{CliText::joint_failure, "samen uitgevallen: {} mensuren zonder de maatregel, {} met de maatregel",
          "failing together: {} people-hours without the measure, {} with it"},
    Entry{CliText::joint_failure_same, "de maatregel verandert dit niet", "the measure does not change this"},
    Entry{CliText::joint_failure_less, "de maatregel beperkt dit", "the measure reduces this"},
    Entry{CliText::joint_failure_worse, "de maatregel maakt dit erger", "the measure makes this worse"},
    Entry{CliText::variant_own_events, "eigen gebeurtenissen van de maatregel", "the measure's own events"},
    Entry{CliText::scenarios_other_unchanged_one, "in 1 ander scenario verandert niets",
          "nothing changes in 1 other scenario"},
    Entry{CliText::scenarios_other_unchanged_many, "in {} andere scenario's verandert niets",
          "nothing changes in {} other scenarios"},
    Entry{CliText::scenarios_all_unchanged_one, "in het enige scenario verandert niets",
          "nothing changes in the only scenario"},
    Entry{CliText::scenarios_all_unchanged_many, "in geen van de {} scenario's verandert iets",
          "nothing changes in any of the {} scenarios"},
    Entry{CliText::no_scenarios, "het model heeft geen scenario's", "the model has no scenarios"},
    Entry{CliText::people_hours_summed_one, "mensuren zonder voorziening in het scenario",
          "people-hours without service in the scenario"},
    Entry{CliText::people_hours_summed_many, "mensuren zonder voorziening, opgeteld over de {} scenario's",
          "people-hours without service, summed over the {} scenarios"},
    Entry{CliText::measures_compared, "Maatregelen vergeleken", "Measures compared"},
    Entry{CliText::compare_table_header,
          "| # | Maatregel | Kosten | Verwachte jaarlijkse impact | Per miljoen euro | Weg | Lager | Hoger | Nieuw | Anders |",
          "| # | Measure | Cost | Expected annual impact | Per million euro | Removed | Reduced | Raised | Added | Changed |"},
    Entry{CliText::risks_removed, "Risico's weg", "Risks removed"},
    Entry{CliText::risks_reduced, "Risico's lager", "Risks reduced"},
    Entry{CliText::risks_raised, "Risico's hoger", "Risks raised"},
    Entry{CliText::risks_added, "Nieuwe risico's", "Risks added"},
    Entry{CliText::risks_changed, "Risico's anders op hetzelfde niveau", "Risks changed at the same level"},
    Entry{CliText::changed_affected, "getroffen objecten {} → {}", "affected assets {} → {}"},
    Entry{CliText::changed_score, "impactscore {} → {}", "impact score {} → {}"},
    // "runs" and "seed" are no Dutch: a run is a "trekking", the seed its "startwaarde".
    Entry{CliText::simulate_heading, "Monte-Carlosimulatie van {} {}: {} trekkingen, startwaarde {}",
          "Monte Carlo simulation of {} {}: {} runs, seed {}"},
    Entry{CliText::simulate_nothing_fails, "Geen object valt uit in deze trekkingen.", "No asset fails in these runs."},
    Entry{CliText::simulate_assets_heading, "Uitvalfrequentie per object, het vaakst eerst (getoond: {} van {}):",
          "Failure frequency per asset, most often first (shown: {} of {}):"},
    Entry{CliText::column_runs, "trekkingen", "runs"},
    Entry{CliText::column_fraction, "fractie", "fraction"},
    Entry{CliText::column_ci95, "95%-interval", "95% interval"},
    Entry{CliText::column_value, "waarde", "value"},
    Entry{CliText::simulate_people_heading, "Getroffen mensen per trekking, elk één keer geteld{}:",
          "People affected per run, each counted once{}:"},
    Entry{CliText::simulate_mean, "gemiddeld", "mean"},
    Entry{CliText::simulate_exceedance_heading,
          "Overschrijdingskans: het deel van de trekkingen met ten minste zoveel getroffen mensen:",
          "Loss exceedance: the fraction of runs with at least this many people affected:"},
    Entry{CliText::column_people_at_least, "ten minste", "at least"},
    Entry{CliText::simulate_legend,
          "fractie: het deel van de trekkingen waarin het object binnen de horizon uitvalt; in elke trekking valt elk "
          "object\nonafhankelijk uit met zijn kans p, daarna volgt de uitvalketen. 95%-interval: volgens Wilson voor "
          "fracties,\nuit de rangorde voor percentielen, normale benadering voor het gemiddelde.\n",
          "fraction: the share of runs in which the asset fails within the horizon; in each run every asset fails\n"
          "independently with its probability p, then the cascade follows. 95% interval: Wilson's for fractions,\n"
          "order statistics for percentiles, normal approximation for the mean.\n"},
    Entry{CliText::simulate_people_hours_heading,
          "Mensuren zonder voorziening per trekking binnen de horizon, per gebied en voorziening{}:",
          "People-hours without service per run within the horizon, per area and service{}:"},
    Entry{CliText::simulate_scenarios_heading,
          "Scenario's met een frequentie: elk treedt in een trekking (één jaar) onafhankelijk op met kans\n"
          "1 - e^(-frequentie) en laat dan zijn objecten uitvallen op hun tijdstip:",
          "Scenarios with a frequency: each occurs in a run (one year) independently with probability\n"
          "1 - e^(-frequency) and then fails its assets at their times:"},
    Entry{CliText::column_scenario, "scenario", "scenario"},
    Entry{CliText::column_per_year, "per jaar", "per year"},
    Entry{CliText::simulate_joint_heading,
          "Samen uitgevallen (--joint): trekkingen waarin elk object van de set binnen de horizon uitviel:",
          "Failed together (--joint): runs in which every asset of the set failed within the horizon:"},
    Entry{CliText::column_assets_together, "objecten", "assets"},
};
static_assert(kTexts.size() == static_cast<std::size_t>(CliText::column_assets_together) + 1,
              "every CliText needs exactly one entry in kTexts");

static_assert(model::keys_in_enum_order(kTexts), "kTexts must list the texts in the order of the enum");
static_assert(model::same_fields_in_both_languages(kTexts), "both languages of a text must take the same arguments");

}  // namespace

std::string_view cli_text(CliText key, std::string_view lang) {
  const auto& entry = kTexts[static_cast<std::size_t>(key)];
  return lang == "en" ? entry.en : entry.nl;
}

std::string within(model::Hours horizon, std::string_view lang, bool say_horizon) {
  if (horizon == model::kNever)
    return std::string(cli_text(say_horizon ? CliText::within_horizon_unbounded : CliText::within_unbounded, lang));
  return cli_format(say_horizon ? CliText::within_horizon : CliText::within, lang, model::format_duration(horizon, lang));
}

std::string counted(std::size_t count, CliText one, CliText many, std::string_view lang) {
  if (count == 0) return cli_format(many, lang, cli_text(CliText::no_count, lang));
  return cli_format(count == 1 ? one : many, lang, model::format_grouped_integer(static_cast<double>(count), lang));
}

}  // namespace knelpunt::cli
