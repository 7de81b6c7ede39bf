#pragma once
/// What the Markdown and the HTML register say about an entry, decided once
/// for both (docs/register.md, docs/report.md): which evidence lines a
/// reader sees first, how much of a chain is shown, a criterion's shown
/// value, the criteria open in every entry, and the chain and vulnerability
/// lines. Text from the model goes through the writer's `Escape`, so each
/// writer keeps its own escaping and the figures stay the same.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "register/register_texts.hpp"
#include "register/risk.hpp"

namespace knelpunt::risk_register {

/// A writer's escaping of one piece of model text (Markdown or HTML).
using Escape = std::string (*)(std::string_view text);

/// The most instants of a chain a register shows; the rest is counted, and
/// the JSON register has every step.
constexpr std::size_t kChainInstants = 4;
/// The evidence lines an entry shows when it has no key lines of its own.
constexpr std::size_t kKeyEvidenceLines = 2;

/// A duration as the register writes it: the text every output of the
/// language writes (model::format_duration: "72h", "3 dagen").
std::string register_duration(double hours, std::string_view lang);

/// Whether a register shows less of the chain than the assessment found.
bool chain_shortened(const assessors::Finding& finding);

/// Which evidence lines an entry shows (true): its key lines (a knelpunt's
/// analysis titles), else its first kKeyEvidenceLines. The others go to
/// the appendix.
std::vector<bool> key_evidence_lines(const Risk& risk);

/// The criteria open (not determined) in every entry, sorted: said once
/// above the entries, so that an entry names only its other open criteria.
std::vector<std::string> open_in_every_entry(const Register& reg);

/// The criteria that some entry scores (estimated or stated), in the order
/// of the scoring catalogue: named once above the entries, whose impact
/// lines give only their numbers ("2.1 B 4,4 mensen").
std::vector<std::string> scored_criteria(const Register& reg);

/// A criterion's value with its unit ("21.060.000 mensuren"); for a class
/// that was stated, not estimated, who stated it ("ondergrens vitaal
/// proces", "expertoordeel"); "–" for an estimate of 0. Large estimates are whole,
/// values below 100 keep one decimal.
std::string criterion_value(const Register& reg, const assessors::CriterionImpact& c,
                            std::string_view lang, Escape escape);

/// The impact of an entry without an impact class: "geen criterium
/// gescoord: <why> (zonder impactklasse, en daarom niet in het diagram)",
/// the why (Finding::no_impact_reason) through `escape`. An entry never
/// leaves its impact blank without saying why (docs/register.md).
std::string no_impact_text(const Risk& risk, std::string_view lang, Escape escape);

/// Criteria by id and name in `lang` ("4.1 Langdurige aantasting van milieu
/// en natuur (flora en fauna)"), each through `escape`, joined by "; ": a
/// board member does not know the catalogue's numbers. A criterion the
/// register does not have is given by its id alone.
std::string criteria_text(const Register& reg, const std::vector<std::string>& ids,
                          std::string_view lang, Escape escape);

/// What a line of "the highest risks" says after the entry's title, so that
/// the board reads why it ranks there: its heaviest criterion (highest
/// class; on a tie the larger weight, then catalogue order) by name, class
/// and value, and how many assets fail with it — "zwaarste gevolg: Lichamelijk
/// lijden (…), klasse E, 38.189.500 mensuren; 70 andere objecten vallen mee
/// uit".
/// Only the count for an entry without a scored criterion.
std::string heaviest_consequence(const Register& reg, const Risk& risk, std::string_view lang,
                                 Escape escape);

/// The chain of cause and effect, one line per instant (at most
/// kChainInstants): "t+2 uur: x valt uit (via y)" or "t+4 uur: 3 objecten
/// vallen uit: a, b (via x), c; uit gedurende 2 uur"; then a line per part
/// left out ("… en nog 5 stappen (…)"). Empty for a finding without a chain.
std::vector<std::string> chain_lines(const assessors::Finding& finding, std::string_view lang,
                                     Escape escape);

/// What a register says about a known exploited vulnerability after its id:
/// ": Fortinet FortiOS; gebruikt bij ransomware; EPSS 0,9 (…); …", or "".
std::string cve_details(const assessors::CveEvidence& cve, std::string_view lang, Escape escape);

/// A service as the register names it in `lang` ("elektriciteit"); its id
/// when the register has no name for it.
std::string service_name(const Register& reg, const std::string& id, std::string_view lang);

/// A vital process as the register names it in `lang` (Register::process_names);
/// its id when the register has no name for it.
std::string process_name(const Register& reg, const std::string& id, std::string_view lang);
/// An entry's vital processes by name in `lang` (Register::process_names),
/// each through `escape`, joined by ", "; a process the register has no
/// name for (a register read back from JSON) by its id; "" when it has none.
std::string vital_processes_text(const Register& reg, const Risk& risk, std::string_view lang,
                                 Escape escape);
/// A threat id as a reader is shown it: its name with the id
/// ("overstroming (flood)"), else the id (a register read back from JSON
/// has no names); "" for a finding without a threat.
std::string threat_text(const Register& reg, const std::string& id, std::string_view lang);

/// The services lost at a moment of a timeline, by name, joined by ", ";
/// "–" when none.
std::string services_text(const Register& reg, const assessors::TimelinePoint& point, std::string_view lang,
                          Escape escape);

/// The day a feed was published as a reader wants it: "2026-11-20" for the
/// feed's "2026-11-20T15:01:44.1234Z" (the JSON keeps the full stamp); a
/// date that does not start with YYYY-MM-DD is kept as it is.
std::string feed_day(const std::string& feed_date);

/// The header's feeds line: "kev DAY (N vermeldingen); epss …", a feed the
/// run had no cache of named as absent; model and feed text through `escape`.
std::string feeds_line(const Register& reg, std::string_view lang, Escape escape);

/// What the changes since the previous register come to, in one line:
/// "2 nieuw, 1 hoger, 0 lager, 3 anders gewijzigd, 1 vervallen, 4 niet meer
/// vermeld, 280 ongewijzigd" (register_changes.hpp).
std::string changes_headline(const RegisterChanges& changes, std::string_view lang);

/// The previous register: "OLD.json (Dordrecht, 2026-11-01, 280 risico's)".
std::string previous_register_line(const RegisterChanges& changes, std::string_view lang, Escape escape);

/// What changed in a risk in both registers: "kans: C → D; impact: B → C",
/// levels by name, statuses by label, ids and titles through `escape`.
std::string change_details(const ChangedRisk& changed, const Register& reg, std::string_view lang, Escape escape);

/// A risk's title in `lang` as this register has it, for an entry of the
/// changes that this register lists; the title the document gave it else.
std::string current_title(const Register& reg, const RegisterEntry& entry, std::string_view lang);

/// "1 risico" / "14 risico's" / "geen getroffen objecten": a count with the
/// singular or plural label, grouped as `lang` writes numbers (1.234 / 1,234).
std::string counted(std::size_t n, Label one, Label many, std::string_view lang);

}  // namespace knelpunt::risk_register
