#pragma once
/// What changed between two registers (`knelpunt diff OLD NEW`, docs/register.md):
/// risks added, resolved and changed, matched by their stable id; the
/// `--fail-on-new` gate on them; and the diff written as text, JSON
/// (`"format": "knelpunt-register-diff/1"`) or a Markdown review comment for
/// a merge request.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "register/register_document.hpp"

namespace knelpunt::risk_register {

/// One field of a risk that differs; values as the registers hold them
/// (level ids, class letters, ids joined with ", ", a count, a status id).
struct FieldChange {
  std::string field;  ///< "level", "likelihood", "impact", "title", "assets", "affected", "measures", "status"
  std::string old_value, new_value;
};

/// An analysis that ran in both registers, but with other settings: the
/// options (field: the option's name) and the horizon (field "horizon") that
/// differ, values as JSON text ("" where a side lacks the option). Its
/// findings may differ for that reason alone (decision 030).
struct AnalysisChange {
  std::string assessor;
  std::vector<FieldChange> settings;  ///< "horizon" first, then options by name
};

/// A risk in both registers whose compared fields differ.
struct ChangedRisk {
  RegisterEntry old_entry, new_entry;
  /// +1 when the level rose (higher rank), −1 when it fell, 0 when the level is the same
  /// (or the two diagrams rank it alike).
  int level_direction = 0;
  std::vector<FieldChange> changes;  ///< in the order of FieldChange::field above
  /// Analyses of the old entry that did not run for the new one, sorted: the
  /// change may come from that, not from the model (a profile without them).
  std::vector<std::string> analyses_not_run;
  /// Analyses of the old entry that ran again with other options or another
  /// horizon, by name.
  std::vector<AnalysisChange> analyses_changed;
};

/// A risk the previous register listed on its own that is now part of
/// another entry, whose `replaces` names it: a knelpunt that brings an
/// asset's analyses together (decision 015), or a co-located redundancy now
/// under its event's id (decision 058). Not resolved, merged.
struct MergedRisk {
  RegisterEntry previous;  ///< as the previous register had it
  std::string now_in;      ///< the id of the entry that holds it now
  bool listed = false;     ///< whether this register lists that entry
  std::string now_level_name;  ///< that entry's level, in the newer register's language; "" when not listed
};

/// An entry of the newer register, not in the older, that replaces entries
/// of the older (`replaces`): it continues them, so it is not an added risk.
/// It counts as raised when its level is above the highest of theirs.
struct SuccessorRisk {
  RegisterEntry entry;        ///< as the newer register has it
  RegisterEntry highest;      ///< the replaced entry with the highest level (then the lowest id)
};

/// A risk the previous register listed that this one still computes but
/// does not list (its `not_listed_entries`).
struct NoLongerListed {
  RegisterEntry previous;   ///< as the previous register had it
  std::string level;        ///< its level id now
  std::string level_name;   ///< its level now, in the newer register's language
};

/// A risk the previous register listed that this one does not compute
/// because an analysis that found it did not run this time (a profile
/// without that assessor), or ran with other options or another horizon:
/// not resolved, not re-examined.
struct NotAssessed {
  RegisterEntry previous;            ///< as the previous register had it
  std::vector<std::string> missing;  ///< its analyses that did not run in the newer register, sorted
  std::vector<AnalysisChange> changed;  ///< its analyses that ran otherwise, by name
};

struct RegisterDiff {
  std::string old_file, new_file;
  std::string old_model, new_model;
  std::size_t old_count = 0, new_count = 0;
  bool languages_differ = false;       ///< then titles differ anyway
  std::vector<RegisterEntry> added;    ///< in new only, replacing none of old's; by new level (highest first), then id
  /// In new only, replacing entries of old (shown through `merged`); by new level, then id.
  std::vector<SuccessorRisk> successors;
  /// In old only: listed in old, and in new neither listed, nor merged into
  /// an entry, nor computed but not listed, and every analysis that found it
  /// ran again; by level (highest first), then id.
  std::vector<RegisterEntry> resolved;
  /// Listed in old on its own, now part of an entry of new (`replaces`); by old level, then id.
  std::vector<MergedRisk> merged;
  /// Listed in old, computed but not listed in new; by old level, then id.
  std::vector<NoLongerListed> not_listed;
  /// Listed in old, not computed in new because an analysis that found it
  /// did not run there; by old level, then id. Empty when new does not say
  /// which assessors ran.
  std::vector<NotAssessed> not_assessed;
  std::vector<ChangedRisk> changed;    ///< by new level (highest first), then id
  std::size_t unchanged = 0;

  bool empty() const {
    return added.empty() && resolved.empty() && changed.empty() && merged.empty() && not_listed.empty() &&
           not_assessed.empty();
  }
};

/// Highest level first, then id: the order a reviewer reads risks in, in
/// `diff` and in an assessment's changes since the previous register.
bool by_level_then_id(const RegisterEntry& a, const RegisterEntry& b);

/// ", N niet opnieuw onderzocht" for the line of counts of `diff` and of
/// `assess --previous`; "" when `count` is 0 (it arises only when two runs
/// used different assessors).
std::string not_assessed_clause(std::size_t count, std::string_view lang);

/// Why an entry was not re-examined, or why its change may come from the
/// method: "niet uitgevoerd: cyberblootstelling; anders uitgevoerd:
/// enkelvoudig faalpunt (grootste combinatie 2 → 1)"; "" when both lists are empty.
/// Plain text: the caller escapes it for its format.
std::string analyses_not_repeated(const std::vector<std::string>& not_run, const std::vector<AnalysisChange>& changed,
                                  std::string_view lang);

/// " ↑" for a level that rose (direction > 0), " ↓" for one that fell, "" otherwise.
std::string_view level_arrow(int direction);

/// The name of a compared field for people in `lang` ("kans", "aantal getroffen objecten").
std::string_view field_name(std::string_view field, std::string_view lang);

/// Compares level, likelihood, impact class, title, assets, number of
/// affected assets, measures and tracking status of every risk id in both.
RegisterDiff diff_registers(const RegisterDocument& old_register, const RegisterDocument& new_register);

/// A risk that trips the `--fail-on-new` gate: new in NEW, or raised in NEW,
/// at or above the gate's level.
struct GateEntry {
  std::string id, title;                   ///< as NEW has them
  std::string old_level, old_level_name;   ///< "" when the risk is new
  std::string new_level, new_level_name;   ///< level id and name in NEW
  std::string status;                      ///< tracking status id in NEW
};

/// The gate's verdict; `problem` is set (and `level_rank` unset) when the level is not one of NEW's.
struct DiffGate {
  std::optional<int> level_rank;  ///< rank of the gate's level in NEW's risk diagram, lowest = 0
  /// "'x' is not a level of …; expected one of …" with a did-you-mean hint; "" when the level is known.
  std::string problem;
  /// added entries first (as diff.added), then raised ones (as diff.changed),
  /// then successors above every entry they replace (as diff.successors)
  std::vector<GateEntry> tripped;

  bool failed() const { return !tripped.empty(); }
};

/// The CI gate `diff --fail-on-new LEVEL`: every risk of `diff` that is new,
/// or whose level rose, and now sits at or above `level` (a level id of
/// `new_levels`, NEW's risk diagram), and that still counts as open
/// (tracking status not accepted, mitigated or false-positive, as for
/// `assess --fail-on`). Risks whose level fell or stayed, and resolved ones,
/// never trip it: a measure that lowers some risks but adds a new open one
/// at the level still fails.
DiffGate gate_new_risks(const RegisterDiff& diff, const std::vector<RegisterLevel>& new_levels, std::string_view level);

/// Plain text for a terminal; labels in `lang` ("nl" or "en"). Texts from the registers stay as written.
std::string diff_to_text(const RegisterDiff& diff, std::string_view lang);
/// One JSON object, fixed key order, 2-space indent, trailing newline. Field
/// names and values are ids; `lang` is recorded as "lang".
std::string diff_to_json(const RegisterDiff& diff, std::string_view lang);
/// A review comment for a merge request: a summary line and tables of the
/// added, resolved and changed risks, with ↑/↓ on level changes. Register texts are escaped.
std::string diff_to_markdown(const RegisterDiff& diff, std::string_view lang);

}  // namespace knelpunt::risk_register
