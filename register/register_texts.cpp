#include "register/register_texts.hpp"

#include <array>
#include <cstddef>
#include <utility>

#include "assessors/local_format.hpp"
#include "model/text_table.hpp"

namespace knelpunt::risk_register {

namespace {

struct Entry {
  Label key;
  std::string_view nl, en;
};

// In the order of the enum, so that the lookup is an index; the static_asserts
// below and the check in label() keep the two in step. The size is spelt
// out: deducing it from 250-odd arguments passes clang's fold-expression
// nesting limit of 256 (the libFuzzer build uses clang).
constexpr std::array<Entry, static_cast<std::size_t>(Label::date_prompt) + 1> kTexts{
    Entry{Label::id, "id", "id"},
    Entry{Label::level, "risiconiveau", "risk level"},
    Entry{Label::likelihood, "kans", "likelihood"},
    Entry{Label::impact, "impact", "impact"},
    Entry{Label::impact_score, "impactscore", "impact score"},
    Entry{Label::title, "titel", "title"},
    Entry{Label::description, "beschrijving", "description"},
    Entry{Label::assessor, "analyse", "assessor"},
    Entry{Label::kind, "soort", "kind"},
    Entry{Label::assets, "objecten", "assets"},
    Entry{Label::vital_processes, "vitale processen", "vital processes"},
    Entry{Label::scenario, "scenario", "scenario"},
    Entry{Label::threat, "dreiging", "threat"},
    Entry{Label::subject, "onderwerp", "subject"},
    Entry{Label::affected, "getroffen objecten", "affected assets"},
    Entry{Label::measures, "maatregelen", "measures"},
    Entry{Label::status, "status", "status"},
    Entry{Label::owner, "eigenaar", "owner"},
    Entry{Label::justification, "toelichting", "justification"},
    Entry{Label::date, "datum", "date"},
    Entry{Label::checked_by, "gecontroleerd door", "checked by"},
    Entry{Label::matched, "opvolgingsregel", "tracking entry"},
    Entry{Label::status_unchecked, "niet beoordeeld", "unchecked"},
    Entry{Label::status_in_treatment, "in behandeling", "in treatment"},
    Entry{Label::status_accepted, "geaccepteerd", "accepted"},
    Entry{Label::status_mitigated, "beheerst", "mitigated"},
    Entry{Label::status_false_positive, "vals-positief", "false positive"},
    Entry{Label::register_title, "Risicoregister", "Risk register"},
    Entry{Label::authority, "veiligheidsregio", "authority"},
    Entry{Label::horizon, "horizon", "horizon"},
    Entry{Label::profile, "profiel", "profile"},
    Entry{Label::model_digest, "vingerafdruk van het model", "model fingerprint"},
    Entry{Label::summary, "Samenvatting", "Summary"},
    Entry{Label::summary_holds, "Het register telt", "The register holds"},
    Entry{Label::risk_one, "risico", "risk"},
    Entry{Label::risk_many, "risico's", "risks"},
    Entry{Label::per_assessor, "Per analyse", "Per assessor"},
    Entry{Label::tracking, "Opvolging", "Tracking"},
    Entry{Label::feeds, "Kwetsbaarheidsbronnen", "Vulnerability feeds"},
    Entry{Label::feed_absent, "niet aanwezig", "not present"},
    Entry{Label::feed_entries, "vermeldingen", "entries"},
    Entry{Label::tool, "programma", "tool"},
    Entry{Label::catalogs, "catalogi", "catalogues"},
    Entry{Label::catalog_overridden, "aangepast door het model", "overridden by the model"},
    Entry{Label::scoring_defaults_note,
          "De klassegrenzen van impact en kans en de schattingsregels per criterium zijn standaardwaarden van knelpunt, "
          "geen officiële cijfers (catalogs/scoring.yaml). Toets ze aan de Handreiking Regionaal Risicoprofiel "
          "voordat het register als formeel risicoprofiel dient, en leg afwijkende grenzen vast in het model "
          "(`catalogs: scoring:`).",
          "The impact and likelihood class limits and the estimation rules per criterion are knelpunt defaults, "
          "not official figures (catalogs/scoring.yaml). Check them against the Handreiking Regionaal "
          "Risicoprofiel before the register serves as a formal risk profile, and record other limits in "
          "the model (`catalogs: scoring:`)."},
    Entry{Label::unmatched_tracking, "Opvolgingsregels zonder risico",
          "Tracking entries without a risk"},
    Entry{Label::unmatched_tracking_intro,
          "Deze regels in het opvolgingsbestand passen bij geen enkel risico",
          "These entries of the tracking file match no risk"},
    Entry{Label::risk_diagram, "Risicodiagram", "Risk diagram"},
    Entry{Label::diagram_corner, "Kans / impact", "Likelihood / impact"},
    // The level of such a risk is the lowest (register_builder.cpp): say so where the class is missing.
    Entry{Label::not_in_diagram, "zonder impactklasse: daarom op het laagste niveau en niet in het diagram",
          "without an impact class: therefore at the lowest level and not in the diagram"},
    Entry{Label::overview, "Overzicht", "Overview"},
    Entry{Label::risks, "Risico's", "Risks"},
    Entry{Label::chain, "Keten van oorzaak en gevolg", "Chain of cause and effect"},
    Entry{Label::fails, "valt uit", "fails"},
    Entry{Label::via, "via", "via"},
    Entry{Label::down_for, "uit gedurende", "down for"},
    Entry{Label::back_at, "terug op", "back at"},
    Entry{Label::chain_omitted_lead, "en nog", "and"},
    Entry{Label::chain_step_one, "stap", "more step"},
    Entry{Label::chain_step_many, "stappen", "more steps"},
    Entry{Label::chain_omitted_why, "limits.chain_steps van het profiel",
          "limits.chain_steps of the profile"},
    Entry{Label::evidence, "Onderbouwing", "Evidence"},
    Entry{Label::cves, "Bekende misbruikte kwetsbaarheden", "Known exploited vulnerabilities"},
    Entry{Label::required_action, "vereiste actie", "required action"},
    Entry{Label::due_date, "uiterlijk", "due"},
    Entry{Label::known_ransomware, "gebruikt bij ransomware", "used in ransomware campaigns"},
    Entry{Label::percentile, "percentiel", "percentile"},
    Entry{Label::timeline, "Getroffen mensen in de tijd", "People affected over time"},
    Entry{Label::time, "tijd", "time"},
    Entry{Label::assets_failed, "objecten buiten werking", "assets down"},
    Entry{Label::people, "mensen (elk gebied één keer)", "people (each area once)"},
    Entry{Label::impact_per_criterion, "Impact per criterium", "Impact per criterion"},
    Entry{Label::criterion, "criterium", "criterion"},
    Entry{Label::impact_class, "klasse", "class"},
    Entry{Label::value, "waarde", "value"},
    Entry{Label::basis, "onderbouwing", "basis"},
    Entry{Label::total, "totaal", "total"},
    Entry{Label::score, "score", "score"},
    Entry{Label::no_impact, "geen criterium gescoord", "no criterion scored"},
    Entry{Label::not_determined, "niet bepaald (expertoordeel)", "not determined (expert judgement)"},
    Entry{Label::not_determined_hint, "in te vullen in het opvolgingsbestand (impact_expert, impact_rationale)",
          "to fill in the tracking file (impact_expert, impact_rationale)"},
    Entry{Label::expert_judgement, "expertoordeel, klasse", "expert judgement, class"},
    Entry{Label::expert_replaces, "vervangt de schatting, klasse", "replaces the estimate, class"},
    // One criterion's cell in a spreadsheet row: never blank without saying why.
    Entry{Label::cell_expert_class, "{} (expertoordeel)", "{} (expert judgement)"},
    Entry{Label::cell_floor_class, "{} (ondergrens vitaal proces)", "{} (vital process floor)"},
    Entry{Label::cell_below_class_a, "onder A", "below A"},
    Entry{Label::cell_no_rule, "geen schattingsregel", "no estimation rule"},
    Entry{Label::scoring_overridden_note,
          "Het model past de scoringscatalogus aan (`catalogs: scoring:`); de klassegrenzen en schattingsregels die het "
          "model niet aanpast, zijn standaardwaarden van knelpunt, geen officiële cijfers (catalogs/scoring.yaml).",
          "The model overrides the scoring catalogue (`catalogs: scoring:`); the class limits and estimation rules it "
          "does not override are knelpunt defaults, not official figures (catalogs/scoring.yaml)."},
    Entry{Label::score_explanation, "Toelichting op de score", "How the score was found"},
    Entry{Label::none, "geen", "none"},
    Entry{Label::no_count, "geen", "no"},
    Entry{Label::diff_title, "Wijzigingen in het risicoregister", "Changes in the risk register"},
    Entry{Label::added, "nieuw", "added"},
    Entry{Label::resolved, "vervallen", "resolved"},
    Entry{Label::changed, "gewijzigd", "changed"},
    Entry{Label::unchanged, "ongewijzigd", "unchanged"},
    Entry{Label::no_differences, "Geen wijzigingen.", "No changes."},
    Entry{Label::changes, "wijzigingen", "changes"},
    Entry{Label::old_register, "oud", "old"},
    Entry{Label::new_register, "nieuw", "new"},
    Entry{Label::languages_differ,
          "Let op: de registers zijn in verschillende talen geschreven, dus titels verschillen "
          "vanzelf.",
          "Note: the registers are written in different languages, so titles differ anyway."},
    Entry{Label::affected_count, "aantal getroffen objecten", "number of affected assets"},
    Entry{Label::since_previous, "Wijzigingen sinds het vorige register", "Changes since the previous register"},
    Entry{Label::compared_with, "Vergeleken met", "Compared with"},
    Entry{Label::since_previous_headline,
          "{added} nieuw, {raised} hoger, {lowered} lager, {other} anders gewijzigd, {merged} opgegaan in een "
          "andere vermelding, {resolved} vervallen{not_assessed}, {not_listed} niet meer vermeld, {unchanged} ongewijzigd",
          "{added} added, {raised} raised, {lowered} lowered, {other} changed otherwise, {merged} now part of "
          "another entry, {resolved} resolved{not_assessed}, {not_listed} no longer listed, {unchanged} unchanged"},
    Entry{Label::no_longer_listed, "niet meer vermeld", "no longer listed"},
    Entry{Label::merged_into_entry, "opgegaan in een andere vermelding", "now part of another entry"},
    Entry{Label::merged_why,
          "Het vorige register noemde deze risico's apart of onder een ander id; dit register brengt alle analyses "
          "van een object samen in één knelpunt, en noemt redundantie op één plek naar de gebeurtenis die haar "
          "treft. Ze zijn niet opgelost: kijk bij de vermelding die ze nu bevat.",
          "The previous register listed these risks one by one or under another id; this register brings every "
          "analysis of an asset together in one knelpunt, and names co-located redundancy after the event that "
          "defeats it. They are not solved: see the entry that holds them now."},
    Entry{Label::no_longer_listed_why,
          "Deze risico's worden nog steeds berekend, maar dit register vermeldt ze niet (onder het laagste vermelde "
          "niveau, voorbij het grootste aantal vermeldingen of buiten de gekozen beheerders); ze zijn niet opgelost.",
          "These risks are still computed, but this register does not list them (below the lowest level listed, "
          "beyond the most entries, or outside the operators chosen); they are not solved."},
    Entry{Label::not_assessed, "niet opnieuw onderzocht", "not re-examined"},
    Entry{Label::not_assessed_why,
          "Een analyse die deze risico's vond, is deze keer niet of anders uitgevoerd (een profiel zonder die "
          "analyse, of met andere opties of een andere horizon). Of ze er nog zijn, is dus niet bepaald; ze zijn "
          "niet opgelost.",
          "An analysis that found these risks did not run this time, or ran otherwise (a profile without it, or "
          "with other options or another horizon), so whether they remain is not determined; they are not solved."},
    Entry{Label::analyses_not_run, "niet uitgevoerd", "not run"},
    Entry{Label::analyses_changed, "anders uitgevoerd", "run otherwise"},
    Entry{Label::not_assessed_reason, "reden", "reason"},
    Entry{Label::resolved_why, "De analyses vinden deze risico's niet meer.",
          "The analyses no longer find these risks."},
    Entry{Label::previous_level, "vorig niveau", "previous level"},
    Entry{Label::level_now, "niveau nu", "level now"},
    Entry{Label::what_changed, "wat veranderde", "what changed"},
    Entry{Label::previous_title, "vorige titel", "previous title"},
    Entry{Label::services_timeline, "Uitgevallen diensten in de tijd", "Services lost over time"},
    Entry{Label::services_short, "diensten", "services"},
    Entry{Label::services_lost, "diensten uitgevallen", "services lost"},
    Entry{Label::previous_in_other_language,
          "Het vorige register is in een andere taal geschreven; titels uit dat register staan in die taal.",
          "The previous register is written in the other language; titles from that register are in that language."},
    Entry{Label::assessor_single_point, "enkelvoudig faalpunt", "single point of failure"},
    Entry{Label::assessor_cascade_reach, "verreikende uitval", "far-reaching loss"},
    Entry{Label::assessor_geographic, "geografische concentratie", "geographic concentration"},
    Entry{Label::assessor_cyber_exposure, "cyberblootstelling", "cyber exposure"},
    Entry{Label::assessor_missing_controls, "ontbrekende maatregelen", "missing controls"},
    Entry{Label::assessor_scenario, "scenario", "scenario"},
    Entry{Label::option_max_order, "grootste combinatie", "largest combination"},
    Entry{Label::option_min_vital, "minste getroffen vitale objecten", "fewest vital assets hit"},
    Entry{Label::option_top, "aantal", "number listed"},
    Entry{Label::option_min_reach, "kleinste bereik", "smallest reach"},
    Entry{Label::option_zones, "zones", "zones"},
    Entry{Label::option_radius, "straal (m)", "radius (m)"},
    Entry{Label::option_threat, "dreiging", "threat"},
    Entry{Label::option_kev, "KEV", "KEV"},
    Entry{Label::option_epss_threshold, "EPSS-drempel", "EPSS threshold"},
    Entry{Label::option_baseline, "basisset", "baseline"},
    Entry{Label::option_min_weight, "kleinste gewicht", "smallest weight"},
    Entry{Label::option_horizon, "horizon", "horizon"},
    Entry{Label::kind_spof, "enkelvoudig faalpunt", "single point of failure"},
    // Assets whose joint failure fails a vital asset: a pair, or three at max_order 3.
    Entry{Label::kind_common_cause, "kritieke combinatie", "critical combination"},
    Entry{Label::kind_critical_pair, "kritiek paar", "critical pair"},
    Entry{Label::kind_reach, "verreikende uitval", "far-reaching loss"},
    Entry{Label::kind_co_located_redundancy, "redundantie op één plek", "co-located redundancy"},
    Entry{Label::kind_zone, "uitval van een zone", "loss of a zone"},
    Entry{Label::kind_exposure, "cyberblootstelling", "cyber exposure"},
    Entry{Label::kind_missing_controls, "ontbrekende maatregelen", "missing controls"},
    Entry{Label::kind_scenario, "scenario", "scenario"},
    // One entry for everything the analyses found about one asset (knelpunt_entries.hpp).
    Entry{Label::kind_knelpunt, "knelpunt", "bottleneck"},
    Entry{Label::knelpunt_title, "Knelpunt", "Bottleneck"},
    // One local event that defeats the redundancy of several assets (co_located_entries.hpp).
    Entry{Label::co_located_shared_title, "Redundantie op één plek: {} in {} — voedingen van {}",
          "Co-located redundancy: {} in {} — suppliers of {}"},
    Entry{Label::governing_likelihood, "bepalend", "governing"},
    Entry{Label::other_likelihoods, "verder", "also"},
    Entry{Label::scenario_passes_through, "het scenario raakt", "the scenario passes through"},
    Entry{Label::knelpunt_one, "knelpunt", "bottleneck"},
    Entry{Label::knelpunt_many, "knelpunten", "bottlenecks"},
    // A critical pair that one local event also takes down: one entry (decision 056).
    Entry{Label::pair_in_one_place_title, "{}; op één plek: {}", "{}; in one place: {}"},
    Entry{Label::or_word, " of ", " or "},
    Entry{Label::analyses, "analyses", "analyses"},
    Entry{Label::replaces, "vervangt", "replaces"},
    Entry{Label::now_in, "nu onderdeel van", "now part of"},
    Entry{Label::applied_to, "toegepast op {}, dat dit id vervangt (hernoem de regel)",
          "applied to {}, which replaces this id (rename the entry)"},
    Entry{Label::fail_many, "vallen uit", "fail"},
    Entry{Label::highest_risks, "De hoogste risico's", "The highest risks"},
    Entry{Label::heaviest_consequence, "zwaarste gevolg", "heaviest consequence"},
    Entry{Label::impact_from_sum, "impact {} door de optelling van {} criteria (impactscore {}); {}",
          "impact {} from adding up {} criteria (impact score {}); {}"},
    Entry{Label::impact_from_weight, "impact {} door het gewicht van het criterium (impactscore {}); {}",
          "impact {} from the criterion's weight (impact score {}); {}"},
    Entry{Label::fail_with_none, "geen andere objecten vallen mee uit", "no other asset fails with it"},
    Entry{Label::fail_with_one, "{} ander object valt mee uit", "{} other asset fails with it"},
    Entry{Label::fail_with_many, "{} andere objecten vallen mee uit", "{} other assets fail with it"},
    Entry{Label::fail_within_none, "binnen {} vallen geen andere objecten mee uit", "no other asset fails with it within {}"},
    Entry{Label::fail_within_one, "{} ander object valt binnen {} mee uit", "{} other asset fails with it within {}"},
    Entry{Label::fail_within_many, "{} andere objecten vallen binnen {} mee uit", "{} other assets fail with it within {}"},
    Entry{Label::register_order_note, "in de volgorde van het register: niveau, dan kans, dan impact",
          "in register order: level, then likelihood, then impact"},
    Entry{Label::operator_name, "beheerder", "operator"},
    Entry{Label::per_operator, "Per beheerder", "Per operator"},
    Entry{Label::no_operator, "(geen beheerder in het model)", "(no operator in the model)"},
    Entry{Label::sector, "sector", "sector"},
    Entry{Label::per_sector, "Per sector", "Per sector"},
    Entry{Label::no_sector, "(geen vitaal proces)", "(no vital process)"},
    Entry{Label::sector_rule,
          "Een risico telt één keer mee in elke sector die het raakt: de sectoren van de vitale processen van zijn "
          "objecten (volgens de catalogus vital-processes)",
          "A risk counts once in every sector it touches: the sectors of its assets' vital processes (by the "
          "vital-processes catalogue)"},
    Entry{Label::operator_rule, "Een risico telt één keer mee bij elke beheerder van zijn objecten",
          "A risk counts once for every operator of its assets"},
    Entry{Label::in_rows_one, "staat daardoor in meer dan één rij, dus de kolom totaal telt op tot",
          "is therefore in more than one row, so the total column adds up to"},
    Entry{Label::in_rows_many, "staan daardoor in meer dan één rij, dus de kolom totaal telt op tot",
          "are therefore in more than one row, so the total column adds up to"},
    Entry{Label::in_rows_none, "Geen risico staat in meer dan één rij", "No risk is in more than one row"},
    Entry{Label::instead_of, "in plaats van", "instead of"},
    Entry{Label::level_rule,
          "Het risiconiveau is de cel van kans en impactklasse in het risicodiagram. De impactklasse volgt uit de "
          "impactscore: de gewogen som van de klassen per criterium (catalogus scoring). Per risico staat hieronder "
          "wat een bestuurder nodig heeft om het te wegen; de bijlage geeft per risico de keten, de getroffen "
          "objecten en de verdere onderbouwing",
          "The risk level is the cell of likelihood and impact class in the risk diagram. The impact class follows "
          "from the impact score: the weighted sum of the classes per criterion (scoring catalogue). Each risk "
          "below gives what a board needs to weigh it; the appendix gives each risk's chain, affected assets and "
          "further evidence"},
    Entry{Label::appendix_title, "Bijlage: tijdlijnen en ketens", "Appendix: timelines and chains"},
    // {} is the number of instants of a chain the appendix shows.
    Entry{Label::appendix_intro,
          "Per risico, onder zijn id: de beschrijving, de analyses, de keten van oorzaak en gevolg (de eerste {} "
          "momenten; een hele keten noemt elk object dat uitvalt, na een ingekorte keten volgt de lijst van "
          "getroffen objecten), de verdere onderbouwing, de kwetsbaarheden, de getroffen mensen in de tijd en de "
          "grondslag van de impact. Het JSON-register bevat alles, ook de stappen die deze bijlage van een keten "
          "weglaat, en per risico de berekening van de score",
          "Per risk, under its id: the description, the analyses, the chain of cause and effect (its first {} "
          "instants; a whole chain names every asset that fails, a shortened one is followed by the list of "
          "affected assets), the further evidence, the vulnerabilities, the people affected over time and the "
          "basis of the impact. The JSON register holds everything, the steps this appendix leaves out of a chain "
          "and each risk's score calculation included"},
    Entry{Label::appendix, "bijlage", "appendix"},
    Entry{Label::chain_short, "keten", "chain"},
    Entry{Label::step_one, "stap", "step"},
    Entry{Label::step_many, "stappen", "steps"},
    Entry{Label::affected_one, "getroffen object", "affected asset"},
    Entry{Label::affected_many, "getroffen objecten", "affected assets"},
    Entry{Label::further_evidence, "verdere onderbouwing", "further evidence"},
    Entry{Label::line_one, "regel", "line"},
    Entry{Label::line_many, "regels", "lines"},
    Entry{Label::chain_cut_why, "alle in het JSON-register", "all of them in the JSON register"},
    Entry{Label::impact_basis, "grondslag van de impact", "basis of the impact"},
    Entry{Label::per_assessor_note, "een knelpunt dat door meer analyses is gevonden, telt bij elk daarvan mee",
          "a bottleneck that several analyses found counts for each of them"},
    Entry{Label::not_listed, "Niet opgenomen", "Not listed"},
    Entry{Label::not_listed_computed, "zijn berekend maar staan niet in dit register",
          "were computed but are not listed in this register"},
    Entry{Label::not_listed_rule, "het profiel neemt op", "the profile lists"},
    Entry{Label::not_listed_min_level, "vanaf niveau", "from level"},
    Entry{Label::not_listed_max_entries, "hoogstens", "at most"},
    Entry{Label::likelihood_classes_legend, "Kansklassen, als kans op minstens één keer in {} jaar: {}",
          "Likelihood classes, as the probability of at least once in {} years: {}"},
    Entry{Label::not_listed_per_kind, "Niet opgenomen, per soort", "Not listed, per kind"},
    Entry{Label::kind_rule,
          "Elk risico telt bij zijn soort; een kritiek paar is een paar objecten dat alleen samen vitale objecten "
          "laat uitvallen",
          "Each risk counts for its kind; a critical pair is a pair of assets that take down vital assets only "
          "together"},
    Entry{Label::not_listed_per_sector, "Niet opgenomen, per sector", "Not listed, per sector"},
    Entry{Label::not_listed_full_table, "De cijfers van elk object: `knelpunt assess --knelpunten-csv BESTAND`.",
          "Every asset's figures: `knelpunt assess --knelpunten-csv FILE`."},
    Entry{Label::asset_column, "object", "asset"},
    Entry{Label::name, "naam", "name"},
    Entry{Label::asset_type, "type", "type"},
    Entry{Label::vital_process, "vitaal proces", "vital process"},
    Entry{Label::own_entry, "eigen vermelding", "own entry"},
    Entry{Label::listed, "opgenomen", "listed"},
    Entry{Label::yes, "ja", "yes"},
    Entry{Label::no, "nee", "no"},
    Entry{Label::failing_assets, "uitgevallen objecten bij eigen uitval", "assets failing when it fails"},
    Entry{Label::people_hours, "mensuren", "people-hours"},
    Entry{Label::other_entries, "andere vermeldingen", "other entries"},
    Entry{Label::in_every_entry, "bij elk risico hieronder", "in every risk below"},
    Entry{Label::criteria_scored, "Criteria bij Impact", "Criteria under Impact"},
    Entry{Label::criteria_scored_hint, "per criterium de klasse (A–E) en de waarde waarop die berust",
          "each criterion with its class (A–E) and the value it rests on"},
    Entry{Label::cascades_of, "voor uitval vanaf het vitale proces", "for cascades from the vital process"},
    // The dependency graph picture; {} is a count.
    Entry{Label::graph_folded, "+{} samengevouwen", "+{} collapsed"},
    Entry{Label::graph_legend_a, "vitaal proces, categorie A", "vital process, category A"},
    Entry{Label::graph_legend_b, "vitaal proces, categorie B", "vital process, category B"},
    Entry{Label::graph_legend_regional, "regionaal vitaal", "regionally vital"},
    Entry{Label::graph_legend_none, "geen vitaal proces", "no vital process"},
    Entry{Label::graph_legend_junction, "k/n: nodig van het aantal leveranciers", "k/n: needed of the suppliers"},
    Entry{Label::graph_legend_via, "via samengevouwen objecten", "through collapsed assets"},
    Entry{Label::graph_legend_geographic, "geografisch (waterkering e.d.)", "geographic (flood protection etc.)"},
    Entry{Label::graph_legend_single_point, "knelpunt (enkelvoudig)", "knelpunt (single point)"},
    Entry{Label::graph_legend_pair, "knelpunt in een paar", "knelpunt in a pair"},
    Entry{Label::graph_legend_path, "uitvalketen van een scenario", "cascade path of a scenario"},
    Entry{Label::graph_other_sector, "overig", "other"},
    Entry{Label::graph_hidden, "{} objecten zonder getoonde leverancier niet getekend",
          "{} assets without a shown supplier not drawn"},
    Entry{Label::graph_after, "na", "after"},
    Entry{Label::graph_heading, "Afhankelijkheden van de vitale objecten", "Dependencies of the vital assets"},
    Entry{Label::graph_intro,
          "Elk vak is een object, gegroepeerd per sector en gekleurd naar de categorie van zijn vitale proces; een "
          "pijl loopt van leverancier naar afnemer. Objecten zonder vitaal proces die geen knelpunt zijn, zijn "
          "samengevouwen in het getoonde object waarvan ze afhangen",
          "Each box is an asset, grouped by sector and coloured by the category of its vital process; an arrow runs "
          "from supplier to dependent. Assets without a vital process that are no knelpunt are collapsed into the "
          "shown asset they depend on"},
    // {} the number of asset nodes shown, {} the vital assets of the model.
    Entry{Label::graph_reduced,
          "Het model is te groot voor één afbeelding: getoond zijn alleen de {} knelpunten waarvan de uitval de "
          "meeste vitale objecten treft, zonder hun verbindingen via andere objecten (het model heeft {} vitale "
          "objecten)",
          "The model is too large for one picture: shown are only the {} knelpunten whose failure brings down the "
          "most vital assets, without their links through other assets (the model has {} vital assets)"},
    Entry{Label::graph_failed, "De afhankelijkheden konden niet worden getekend: {}",
          "The dependencies could not be drawn: {}"},
    Entry{Label::report_contents, "Inhoud", "Contents"},
    Entry{Label::levels_heading, "Risico's per niveau", "Risks per level"},
    Entry{Label::diagram_dots,
          "Elke stip is een risico, genummerd in de volgorde van het register; een stip leidt naar het risico",
          "Each dot is a risk, numbered in register order; a dot leads to the risk"},
    // {} is the number of risks of a cell that have no dot of their own.
    Entry{Label::diagram_more, "nog {}", "{} more"},
    Entry{Label::legend, "Legenda", "Legend"},
    Entry{Label::colour_note,
          "De kleuren lopen van licht (laag) naar donker (hoog), zodat ze ook bij kleurenblindheid te onderscheiden zijn; "
          "elk vak noemt zijn niveau",
          "The colours run from light (low) to dark (high), distinguishable without colour vision; each cell names "
          "its level"},
    Entry{Label::filter_all, "alle", "all"},
    Entry{Label::filter_search, "zoeken", "search"},
    // The numbers of risks shown and in the table.
    Entry{Label::filter_shown, "{} van {} risico's getoond", "{} of {} risks shown"},
    Entry{Label::sort_hint, "Klik op een kolomkop om de tabel te sorteren.", "Click a column heading to sort the table."},
    Entry{Label::rank, "nr.", "no."},
    Entry{Label::back_to_overview, "terug naar het overzicht", "back to the overview"},
    Entry{Label::no_filter_match, "Geen risico past bij deze filters.", "No risk matches these filters."},
    Entry{Label::per_sector_and_operator, "Per sector en per beheerder", "Per sector and per operator"},
    Entry{Label::page_footer_feeds, "kwetsbaarheidsbronnen", "feeds"},
    // The axis of the timeline chart (the table's column says how they are counted).
    Entry{Label::people_short, "mensen", "people"},
    Entry{Label::sheet_register, "Register", "Register"},
    Entry{Label::sheet_impact, "Impact", "Impact"},
    Entry{Label::sheet_chain, "Keten", "Chain"},
    Entry{Label::sheet_evidence, "Onderbouwing", "Evidence"},
    Entry{Label::sheet_vulnerabilities, "Kwetsbaarheden", "Vulnerabilities"},
    Entry{Label::sheet_timeline, "Tijdlijn", "Timeline"},
    Entry{Label::sheet_measures, "Maatregelen", "Measures"},
    Entry{Label::sheet_assets, "Objecten", "Assets"},
    Entry{Label::sheet_about, "Over dit register", "About this register"},
    Entry{Label::step, "stap", "step"},
    Entry{Label::hours_after_start, "uur na het begin", "hours after the start"},
    Entry{Label::down_hours, "uren buiten werking", "hours down"},
    Entry{Label::back_hours, "weer in werking na (uur)", "back after (hours)"},
    Entry{Label::line_number, "regel", "line"},
    Entry{Label::source, "bron", "source"},
    Entry{Label::source_estimate, "schatting", "estimate"},
    Entry{Label::source_floor, "ondergrens vitaal proces", "vital process floor"},
    Entry{Label::source_expert, "expertoordeel", "expert judgement"},
    Entry{Label::vendor, "leverancier", "vendor"},
    Entry{Label::product, "product", "product"},
    Entry{Label::epss, "EPSS-kans", "EPSS probability"},
    Entry{Label::measure, "maatregel", "measure"},
    Entry{Label::item, "gegeven", "item"},
    Entry{Label::risk_diagram_id, "risicodiagram", "risk diagram"},
    Entry{Label::listed_entries, "vermelde risico's", "listed risks"},
    // {} is the command that reads the sheet back.
    Entry{Label::tracking_fill_in,
          "Vul op het blad Register de kolommen status (keuzelijst), eigenaar, toelichting, datum en gecontroleerd "
          "door in, en lees ze in met: {}",
          "Fill in the columns status (drop-down list), owner, justification, date and checked by on the Register "
          "sheet, and read them back with: {}"},
    Entry{Label::status_prompt, "Kies de status van dit risico.", "Choose the status of this risk."},
    Entry{Label::status_refused, "Kies een status uit de lijst.", "Choose a status from the list."},
    Entry{Label::date_prompt, "Een datum, bijvoorbeeld 1-11-2026.", "A date, for example 2026-11-01."},
};
static_assert(kTexts.size() == static_cast<std::size_t>(Label::date_prompt) + 1,
              "every Label needs exactly one entry in kTexts");

static_assert(model::keys_in_enum_order(kTexts), "kTexts must list the labels in the order of the enum");
static_assert(model::same_fields_in_both_languages(kTexts), "both languages of a label must take the same arguments");

}  // namespace

std::string_view label(Label key, std::string_view lang) {
  const auto& entry = kTexts[static_cast<std::size_t>(key)];
  return lang == "en" ? entry.en : entry.nl;
}

std::string capitalized(std::string_view text) {
  std::string out(text);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string_view status_label(std::string_view status, std::string_view lang) {
  if (status == "unchecked") return label(Label::status_unchecked, lang);
  if (status == "in-treatment") return label(Label::status_in_treatment, lang);
  if (status == "accepted") return label(Label::status_accepted, lang);
  if (status == "mitigated") return label(Label::status_mitigated, lang);
  if (status == "false-positive") return label(Label::status_false_positive, lang);
  return status;
}

namespace {
/// The label of `id` in a table of (id, label); `id` itself when it has none.
template <std::size_t N>
std::string_view named(std::string_view id, const std::pair<std::string_view, Label> (&names)[N], std::string_view lang) {
  for (const auto& [known, key] : names)
    if (known == id) return label(key, lang);
  return id;
}
}  // namespace

std::string_view assessor_name(std::string_view assessor, std::string_view lang) {
  constexpr std::pair<std::string_view, Label> kNames[] = {
      {"single-point", Label::assessor_single_point},         {"cascade-reach", Label::assessor_cascade_reach},
      {"geographic", Label::assessor_geographic},             {"cyber-exposure", Label::assessor_cyber_exposure},
      {"missing-controls", Label::assessor_missing_controls}, {"scenario", Label::assessor_scenario}};
  return named(assessor, kNames, lang);
}

std::string_view assessor_option_name(std::string_view option, std::string_view lang) {
  constexpr std::pair<std::string_view, Label> kNames[] = {
      {"max_order", Label::option_max_order},
      {"min_vital", Label::option_min_vital},
      {"top", Label::option_top},
      {"min_reach", Label::option_min_reach},
      {"zones", Label::option_zones},
      {"radius", Label::option_radius},
      {"threat", Label::option_threat},
      {"kev", Label::option_kev},
      {"epss_threshold", Label::option_epss_threshold},
      {"baseline", Label::option_baseline},
      {"min_weight", Label::option_min_weight},
      {"horizon", Label::option_horizon}};
  return named(option, kNames, lang);
}

std::string assessor_names(const std::vector<std::string>& assessors, std::string_view lang) {
  std::string out;
  for (const auto& assessor : assessors) {
    if (!out.empty()) out += ", ";
    out += assessor_name(assessor, lang);
  }
  return out;
}

std::string_view kind_name(std::string_view kind, std::string_view lang) {
  constexpr std::pair<std::string_view, Label> kNames[] = {
      {"spof", Label::kind_spof},
      {"common-cause", Label::kind_common_cause},
      {"reach", Label::kind_reach},
      {"co-located-redundancy", Label::kind_co_located_redundancy},
      {"zone", Label::kind_zone},
      {"exposure", Label::kind_exposure},
      {"missing-controls", Label::kind_missing_controls},
      {"scenario", Label::kind_scenario},
      {"knelpunt", Label::kind_knelpunt}};
  return named(kind, kNames, lang);
}

std::string_view kind_name(std::string_view kind, std::size_t asset_count, std::string_view lang) {
  if (kind == "common-cause" && asset_count == 2) return label(Label::kind_critical_pair, lang);
  return kind_name(kind, lang);
}

const std::string& in_language(const assessors::LocalText& text, std::string_view lang) {
  return in_language(text.nl, text.en, lang);
}

const std::string& in_language(const std::string& nl, const std::string& en, std::string_view lang) {
  return lang == "en" && !en.empty() ? en : nl;
}

std::string level_id(const catalogs::RiskDiagram& diagram, int level) {
  if (level < 0 || static_cast<std::size_t>(level) >= diagram.levels.size()) return "?";
  return diagram.levels[static_cast<std::size_t>(level)].id;
}

std::string level_name(const catalogs::RiskDiagram& diagram, int level, std::string_view lang) {
  if (level < 0 || static_cast<std::size_t>(level) >= diagram.levels.size()) return "?";
  const auto& entry = diagram.levels[static_cast<std::size_t>(level)];
  return in_language(entry.name, entry.name_en, lang);
}

std::string likelihood_name(const Register& reg, catalogs::ClassIndex index, std::string_view lang) {
  if (index < 0 || static_cast<std::size_t>(index) >= reg.likelihood_classes.size()) return "";
  const auto& entry = reg.likelihood_classes[static_cast<std::size_t>(index)];
  return in_language(entry.name, entry.name_en, lang);
}

std::string likelihood_classes_legend(const Register& reg, std::string_view lang) {
  std::string classes;
  for (std::size_t c = 0; c < reg.likelihood_classes.size(); ++c) {
    if (!classes.empty()) classes += "; ";
    const auto range =
        assessors::likelihood_class_range(reg.likelihood_classes, static_cast<catalogs::ClassIndex>(c));
    classes += fmt::format("{} {}", reg.likelihood_classes[c].id, range.in(lang));
  }
  return fmt::format(fmt::runtime(label(Label::likelihood_classes_legend, lang)),
                     reg.likelihood_period_years, classes);
}

std::string impact_class_name(const Register& reg, catalogs::ClassIndex index, std::string_view lang) {
  if (index < 0 || static_cast<std::size_t>(index) >= reg.impact_classes.size()) return "";
  const auto& entry = reg.impact_classes[static_cast<std::size_t>(index)];
  return in_language(entry.name, entry.name_en, lang);
}

std::string criterion_name(const Register& reg, std::string_view id, std::string_view lang) {
  for (const auto& criterion : reg.criteria)
    if (criterion.id == id) return in_language(criterion.name, criterion.name_en, lang);
  return "";
}

std::string impact_class_cell(const Risk& risk, std::string_view lang) {
  return risk.impact_class ? std::string(1, catalogs::class_letter(*risk.impact_class))
                           : std::string(label(Label::no_impact, lang));
}

}  // namespace knelpunt::risk_register
