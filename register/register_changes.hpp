#pragma once
/// What changed since a previous register (`assess --previous OLD.json`,
/// docs/report.md "Changes since the previous register"): the same
/// comparison as `knelpunt diff` (register_diff.hpp), made on the register
/// as this run writes it, with the risks the previous register listed and
/// this one does not split in two: those the analyses no longer find
/// (resolved) and those they still compute but this register does not list
/// (below the listing's lowest level or beyond its most entries, decision
/// 020, or outside the `--operator` view). A board must not read "no longer
/// listed" as "solved".

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "register/register_diff.hpp"
#include "register/register_document.hpp"

namespace knelpunt::risk_register {

struct Register;

struct RegisterChanges {
  std::string file;         ///< the previous register as given to --previous
  std::string date;         ///< its `date`, or ""
  std::string model_name;   ///< its model's name, or ""
  std::size_t previous_count = 0;
  bool languages_differ = false;  ///< the previous register is in the other language: titles are not compared
  std::vector<RegisterEntry> added;     ///< listed now, not before; by level (highest first), then id
  std::vector<ChangedRisk> changed;     ///< listed in both with a field changed; by level (highest first), then id
  std::vector<MergedRisk> merged;        ///< listed before on its own, now part of a knelpunt entry; by level, then id
  std::vector<RegisterEntry> resolved;  ///< listed before, no longer found by the analyses; by level, then id
  std::vector<NoLongerListed> not_listed;  ///< listed before, still computed, not listed now; by level, then id
  /// Listed before, not computed now because an analysis that found it did not run; by level, then id.
  std::vector<NotAssessed> not_assessed;
  std::size_t unchanged = 0;
  std::size_t raised = 0, lowered = 0;  ///< changed entries whose level rose or fell

  bool empty() const {
    return added.empty() && changed.empty() && merged.empty() && resolved.empty() && not_listed.empty() &&
           not_assessed.empty();
  }
};

/// Compares `previous` with `reg` as written (its listed entries, detailed,
/// and its `not_listed_entries`), as `knelpunt diff` compares the two JSON
/// registers: a previous id that an entry of this run replaces (listed or
/// not) is merged, one that this run computes but does not list is not
/// listed, one found by an analysis this run did not run is not assessed,
/// any other is resolved.
RegisterChanges changes_since(const RegisterDocument& previous, const Register& reg, std::string_view lang);

/// A changed field's old or new value for people: a level by its name in
/// `reg`'s risk diagram (else as the document names it), a tracking status by
/// its label, "–" for nothing, else the value as the registers hold it.
std::string changed_field_value(const FieldChange& change, bool old_value, const ChangedRisk& risk, const Register& reg,
                                std::string_view lang);
/// A level as `reg` names it in `lang`: by its id in `reg`'s risk diagram,
/// else the name the document gave it, else the id.
std::string level_shown(const RegisterEntry& entry, const Register& reg, std::string_view lang);

}  // namespace knelpunt::risk_register
