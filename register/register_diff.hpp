#pragma once
/// What changed between two registers (`knelpunt diff OLD NEW`, docs/register.md):
/// risks added, resolved and changed, matched by their stable id, and the
/// diff written as text, JSON (`"format": "knelpunt-register-diff/1"`) or a
/// Markdown review comment for a merge request.

#include <cstddef>
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

/// A risk in both registers whose compared fields differ.
struct ChangedRisk {
  RegisterEntry old_entry, new_entry;
  /// +1 when the level rose (higher rank), −1 when it fell, 0 when the level is the same
  /// (or the two diagrams rank it alike).
  int level_direction = 0;
  std::vector<FieldChange> changes;  ///< in the order of FieldChange::field above
};

struct RegisterDiff {
  std::string old_file, new_file;
  std::string old_model, new_model;
  std::size_t old_count = 0, new_count = 0;
  bool languages_differ = false;       ///< then titles differ anyway
  std::vector<RegisterEntry> added;    ///< in new only; by new level (highest first), then id
  std::vector<RegisterEntry> resolved; ///< in old only; by id
  std::vector<ChangedRisk> changed;    ///< by new level (highest first), then id
  std::size_t unchanged = 0;

  bool empty() const { return added.empty() && resolved.empty() && changed.empty(); }
};

/// Compares level, likelihood, impact class, title, assets, number of
/// affected assets, measures and tracking status of every risk id in both.
RegisterDiff diff_registers(const RegisterDocument& old_register, const RegisterDocument& new_register);

/// Plain text for a terminal; labels in `lang` ("nl" or "en"). Texts from the registers stay as written.
std::string diff_to_text(const RegisterDiff& diff, std::string_view lang);
/// One JSON object, fixed key order, 2-space indent, trailing newline. Field
/// names and values are ids; `lang` is recorded as "lang".
std::string diff_to_json(const RegisterDiff& diff, std::string_view lang);
/// A review comment for a merge request: a summary line and tables of the
/// added, resolved and changed risks, with ↑/↓ on level changes. Register texts are escaped.
std::string diff_to_markdown(const RegisterDiff& diff, std::string_view lang);

}  // namespace knelpunt::risk_register
