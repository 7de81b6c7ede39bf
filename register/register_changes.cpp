#include "register/register_changes.hpp"

#include "register/register_json_writer.hpp"
#include "register/register_texts.hpp"
#include "register/risk.hpp"

namespace knelpunt::risk_register {

RegisterChanges changes_since(const RegisterDocument& previous, const Register& reg, std::string_view lang) {
  // The register read back as `diff` would read it, so that both compare the
  // same fields the same way. Written in the previous register's language,
  // titles compare like with like (every title exists in both languages).
  const std::string_view previous_lang = previous.lang == "en" ? "en" : "nl";
  auto current = read_register_document(register_to_json(reg, previous_lang), "");
  RegisterChanges changes;
  changes.file = previous.file;
  changes.date = previous.date;
  changes.model_name = previous.model_name;
  changes.previous_count = previous.risks.size();
  changes.languages_differ = previous_lang != (lang == "en" ? "en" : "nl");
  if (!current.document) return changes;  // our own JSON always reads back; nothing to compare otherwise
  auto diff = diff_registers(previous, *current.document);
  changes.added = std::move(diff.added);
  changes.changed = std::move(diff.changed);
  changes.unchanged = diff.unchanged;
  for (const auto& changed : changes.changed) {
    if (changed.level_direction > 0) ++changes.raised;
    if (changed.level_direction < 0) ++changes.lowered;
  }
  // diff told merged, no longer listed and resolved apart from the register's
  // `not_listed_entries`; the level now is named in this register's language.
  changes.merged = std::move(diff.merged);
  changes.resolved = std::move(diff.resolved);
  changes.not_listed = std::move(diff.not_listed);
  changes.not_assessed = std::move(diff.not_assessed);
  for (auto& entry : changes.not_listed)
    if (auto level = reg.diagram.level_index(entry.level)) entry.level_name = level_name(reg.diagram, *level, lang);
  return changes;
}

std::string level_shown(const RegisterEntry& entry, const Register& reg, std::string_view lang) {
  if (auto level = reg.diagram.level_index(entry.level)) return level_name(reg.diagram, *level, lang);
  return entry.level_name.empty() ? entry.level : entry.level_name;
}

std::string changed_field_value(const FieldChange& change, bool old_value, const ChangedRisk& risk, const Register& reg,
                                std::string_view lang) {
  if (change.field == "level") return level_shown(old_value ? risk.old_entry : risk.new_entry, reg, lang);
  const std::string& value = old_value ? change.old_value : change.new_value;
  if (change.field == "status") return std::string(status_label(value, lang));
  return value.empty() ? "–" : value;
}

}  // namespace knelpunt::risk_register
