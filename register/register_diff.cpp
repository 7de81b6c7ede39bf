#include "register/register_diff.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "assessors/local_format.hpp"
#include "model/suggest.hpp"
#include "model/text_format.hpp"
#include "register/register_markdown_writer.hpp"
#include "register/register_texts.hpp"
#include "register/tracking.hpp"

namespace knelpunt::risk_register {

using model::markdown_escape;

namespace {

using Json = nlohmann::ordered_json;

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += item;
  }
  return out;
}

void compare(std::vector<FieldChange>& changes, const char* field, const std::string& old_value,
             const std::string& new_value) {
  if (old_value != new_value) changes.push_back(FieldChange{field, old_value, new_value});
}

/// The analyses of `entry` that did not run in `newer`, sorted; empty when
/// all ran, or when `newer` does not say which ran (an older register).
/// An entry is resolved only if every analysis that found it ran again.
std::vector<std::string> analyses_not_run(const RegisterEntry& entry, const RegisterDocument& newer) {
  std::vector<std::string> missing;
  if (!newer.assessors) return missing;
  for (const auto& analysis : entry.analyses)
    if (!std::binary_search(newer.assessors->begin(), newer.assessors->end(), analysis)) missing.push_back(analysis);
  std::sort(missing.begin(), missing.end());
  missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
  return missing;
}

/// Whether two settings as JSON text hold the same value: numbers by value
/// (a register may write 72 or 72.0), anything else as parsed JSON.
bool same_setting(const std::string& a, const std::string& b) {
  if (a == b) return true;
  if (a.empty() || b.empty()) return false;
  const auto x = Json::parse(a, nullptr, false), y = Json::parse(b, nullptr, false);
  return !x.is_discarded() && !y.is_discarded() && x == y;
}

/// The analyses of `entry` that ran in both registers with other settings
/// (options or horizon), by name. Only what both registers record is
/// compared: against a register written before options were recorded, the
/// options count as the same.
std::vector<AnalysisChange> analyses_changed(const RegisterEntry& entry, const RegisterDocument& older,
                                             const RegisterDocument& newer) {
  std::vector<std::string> analyses = entry.analyses;
  std::sort(analyses.begin(), analyses.end());
  analyses.erase(std::unique(analyses.begin(), analyses.end()), analyses.end());
  std::vector<AnalysisChange> out;
  for (const auto& analysis : analyses) {
    if (newer.assessors && !std::binary_search(newer.assessors->begin(), newer.assessors->end(), analysis))
      continue;  // did not run: analyses_not_run tells
    auto before = older.analysis_settings.find(analysis);
    auto now = newer.analysis_settings.find(analysis);
    if (before == older.analysis_settings.end() || now == newer.analysis_settings.end()) continue;
    AnalysisChange change{analysis, {}};
    if (before->second.horizon_h && now->second.horizon_h &&
        !same_setting(*before->second.horizon_h, *now->second.horizon_h))
      change.settings.push_back({"horizon", *before->second.horizon_h, *now->second.horizon_h});
    if (before->second.options && now->second.options) {
      const auto& o = *before->second.options;
      const auto& n = *now->second.options;
      std::set<std::string> keys;
      for (const auto& [key, value] : o) keys.insert(key);
      for (const auto& [key, value] : n) keys.insert(key);
      for (const auto& key : keys) {
        auto a = o.find(key), b = n.find(key);
        std::string old_value = a == o.end() ? "" : a->second, new_value = b == n.end() ? "" : b->second;
        if (!same_setting(old_value, new_value)) change.settings.push_back({key, std::move(old_value), std::move(new_value)});
      }
    }
    if (!change.settings.empty()) out.push_back(std::move(change));
  }
  return out;
}

std::vector<FieldChange> changed_fields(const RegisterEntry& o, const RegisterEntry& n) {
  std::vector<FieldChange> changes;
  compare(changes, "level", o.level, n.level);
  compare(changes, "likelihood", o.likelihood, n.likelihood);
  compare(changes, "impact", o.impact, n.impact);
  compare(changes, "title", o.title, n.title);
  compare(changes, "assets", joined(o.assets), joined(n.assets));
  compare(changes, "affected", std::to_string(o.affected), std::to_string(n.affected));
  compare(changes, "measures", joined(o.measures), joined(n.measures));
  compare(changes, "status", o.status, n.status);
  return changes;
}


/// A register text for a terminal: control characters (line breaks, ANSI
/// escapes) become spaces, so that a model string cannot forge lines or
/// recolour the terminal.
std::string plain(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  return out;
}

std::string level_text(const RegisterEntry& entry) { return entry.level_name.empty() ? entry.level : entry.level_name; }


/// A field value for people: level names, status labels, "–" for nothing.
std::string old_shown(const FieldChange& change, const ChangedRisk& risk, std::string_view lang) {
  if (change.field == "level") return level_text(risk.old_entry);
  if (change.field == "status") return std::string(status_label(change.old_value, lang));
  return change.old_value.empty() ? "–" : change.old_value;
}

std::string new_shown(const FieldChange& change, const ChangedRisk& risk, std::string_view lang) {
  if (change.field == "level") return level_text(risk.new_entry);
  if (change.field == "status") return std::string(status_label(change.new_value, lang));
  return change.new_value.empty() ? "–" : change.new_value;
}

/// "KP-GEO-aa6269 (hoog)": the entry that holds a merged risk now, with its
/// level when the newer register lists it.
std::string now_in_text(const MergedRisk& merged) {
  return merged.now_level_name.empty() ? merged.now_in : fmt::format("{} ({})", merged.now_in, merged.now_level_name);
}

std::string headline(const RegisterDiff& diff, std::string_view lang) {
  return fmt::format("{} {}, {} {}, {} {}, {} {}{}, {} {}, {} {}", diff.added.size(), label(Label::added, lang),
                     diff.changed.size(), label(Label::changed, lang), diff.merged.size(),
                     label(Label::merged_into_entry, lang), diff.resolved.size(), label(Label::resolved, lang),
                     not_assessed_clause(diff.not_assessed.size(), lang), diff.not_listed.size(),
                     label(Label::no_longer_listed, lang), diff.unchanged,
                     label(Label::unchanged, lang));
}

std::string risk_count(std::size_t n, std::string_view lang) {
  return fmt::format("{} {}", n, label(n == 1 ? Label::risk_one : Label::risk_many, lang));
}

/// [{assessor, settings: [{setting, old, new}]}]; a value absent on a side is null.
Json analyses_changed_json(const std::vector<AnalysisChange>& changed) {
  Json out = Json::array();
  for (const auto& change : changed) {
    Json settings = Json::array();
    for (const auto& setting : change.settings) {
      auto value = [](const std::string& text) { return text.empty() ? Json(nullptr) : Json::parse(text, nullptr, false); };
      settings.push_back(Json{{"setting", setting.field}, {"old", value(setting.old_value)}, {"new", value(setting.new_value)}});
    }
    out.push_back(Json{{"assessor", change.assessor}, {"settings", std::move(settings)}});
  }
  return out;
}

Json entry_json(const RegisterEntry& e) {
  Json out;
  out["id"] = e.id;
  out["title"] = e.title;
  out["level"] = e.level;
  out["likelihood"] = e.likelihood;
  out["impact"] = e.impact.empty() ? Json(nullptr) : Json(e.impact);
  out["assessor"] = e.assessor;
  out["kind"] = e.kind;
  out["assets"] = e.assets;
  out["status"] = e.status;
  return out;
}

/// The typed JSON value of a field: arrays for lists, a number for the count, null for no impact class.
Json field_json(std::string_view field, const RegisterEntry& e) {
  if (field == "level") return e.level;
  if (field == "likelihood") return e.likelihood;
  if (field == "impact") return e.impact.empty() ? Json(nullptr) : Json(e.impact);
  if (field == "title") return e.title;
  if (field == "assets") return e.assets;
  if (field == "affected") return e.affected;
  if (field == "measures") return e.measures;
  return e.status;
}

}  // namespace

bool by_level_then_id(const RegisterEntry& a, const RegisterEntry& b) {
  if (a.level_rank != b.level_rank) return a.level_rank > b.level_rank;
  return a.id < b.id;
}

std::string not_assessed_clause(std::size_t count, std::string_view lang) {
  return count == 0 ? "" : fmt::format(", {} {}", count, label(Label::not_assessed, lang));
}

namespace {
/// A setting's value as people read it: a horizon in hours ("72 uur",
/// "onbeperkte tijd" for JSON null), a string without its quotes, "—" when absent.
std::string setting_shown(const FieldChange& setting, bool old_side, std::string_view lang) {
  const std::string& value = old_side ? setting.old_value : setting.new_value;
  if (value.empty()) return "—";
  if (setting.field == "horizon") {
    double hours = std::numeric_limits<double>::infinity();
    if (value != "null") {
      try {
        hours = std::stod(value);
      } catch (const std::exception&) {
        return value;
      }
    }
    const auto text = assessors::local_hours(hours);
    return lang == "en" ? text.en : text.nl;
  }
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"') return value.substr(1, value.size() - 2);
  return value;
}
}  // namespace

std::string analyses_not_repeated(const std::vector<std::string>& not_run, const std::vector<AnalysisChange>& changed,
                                  std::string_view lang) {
  std::vector<std::string> parts;
  if (!not_run.empty()) parts.push_back(fmt::format("{}: {}", label(Label::analyses_not_run, lang), assessor_names(not_run, lang)));
  if (!changed.empty()) {
    std::vector<std::string> analyses;
    for (const auto& change : changed) {
      std::vector<std::string> settings;
      for (const auto& setting : change.settings)
        settings.push_back(fmt::format("{} {} → {}", assessor_option_name(setting.field, lang),
                                       setting_shown(setting, true, lang), setting_shown(setting, false, lang)));
      analyses.push_back(fmt::format("{} ({})", assessor_name(change.assessor, lang), fmt::join(settings, ", ")));
    }
    parts.push_back(fmt::format("{}: {}", label(Label::analyses_changed, lang), fmt::join(analyses, "; ")));
  }
  return fmt::format("{}", fmt::join(parts, "; "));
}

std::string_view level_arrow(int direction) { return direction > 0 ? " ↑" : direction < 0 ? " ↓" : ""; }

std::string_view field_name(std::string_view field, std::string_view lang) {
  auto field_label = [](std::string_view f) {
    if (f == "level") return Label::level;
    if (f == "likelihood") return Label::likelihood;
    if (f == "impact") return Label::impact;
    if (f == "title") return Label::title;
    if (f == "assets") return Label::assets;
    if (f == "affected") return Label::affected_count;
    if (f == "measures") return Label::measures;
    return Label::status;
  };
  return label(field_label(field), lang);
}

RegisterDiff diff_registers(const RegisterDocument& old_register, const RegisterDocument& new_register) {
  RegisterDiff diff;
  diff.old_file = old_register.file;
  diff.new_file = new_register.file;
  diff.old_model = old_register.model_name;
  diff.new_model = new_register.model_name;
  diff.old_count = old_register.risks.size();
  diff.new_count = new_register.risks.size();
  diff.languages_differ = old_register.lang != new_register.lang;

  std::map<std::string, const RegisterEntry*, std::less<>> old_by_id, new_by_id;
  for (const auto& entry : old_register.risks) old_by_id.emplace(entry.id, &entry);
  for (const auto& entry : new_register.risks) new_by_id.emplace(entry.id, &entry);

  for (const auto& [id, entry] : new_by_id) {
    auto old = old_by_id.find(id);
    if (old == old_by_id.end()) {
      // An entry that replaces old entries new no longer has continues them
      // (decisions 015 and 058): not added; raised if above all of them.
      const RegisterEntry* highest = nullptr;
      for (const auto& replaced : entry->replaces) {
        const auto predecessor = old_by_id.find(replaced);
        if (predecessor == old_by_id.end() || new_by_id.contains(replaced)) continue;
        if (!highest || predecessor->second->level_rank > highest->level_rank ||
            (predecessor->second->level_rank == highest->level_rank && predecessor->second->id < highest->id))
          highest = predecessor->second;
      }
      if (highest)
        diff.successors.push_back({*entry, *highest});
      else
        diff.added.push_back(*entry);
      continue;
    }
    auto changes = changed_fields(*old->second, *entry);
    if (changes.empty()) {
      ++diff.unchanged;
      continue;
    }
    ChangedRisk changed{*old->second, *entry, 0, std::move(changes), analyses_not_run(*old->second, new_register),
                        analyses_changed(*old->second, old_register, new_register)};
    if (changed.old_entry.level != changed.new_entry.level)
      changed.level_direction = (changed.new_entry.level_rank > changed.old_entry.level_rank)   ? 1
                                : (changed.new_entry.level_rank < changed.old_entry.level_rank) ? -1
                                                                                                 : 0;
    diff.changed.push_back(std::move(changed));
  }
  // Listed before, not now: merged into an entry of new (listed or not), still
  // computed but not listed, or else resolved. A board must not read "no
  // longer listed" as "solved" (docs/register.md, "Comparing registers").
  std::map<std::string_view, std::pair<std::string_view, bool>> holder;  // replaced id → (entry, listed)
  for (const auto& entry : new_register.risks)
    for (const auto& id : entry.replaces) holder.emplace(id, std::pair{std::string_view(entry.id), true});
  for (const auto& entry : new_register.not_listed)
    for (const auto& id : entry.replaces) holder.emplace(id, std::pair{std::string_view(entry.id), false});
  std::map<std::string_view, const RegisterEntry*> not_listed_by_id;
  for (const auto& entry : new_register.not_listed) not_listed_by_id.emplace(entry.id, &entry);
  for (const auto& [id, entry] : old_by_id) {
    if (new_by_id.contains(id)) continue;
    if (auto held = holder.find(id); held != holder.end()) {
      const auto now = new_by_id.find(held->second.first);
      diff.merged.push_back({*entry, std::string(held->second.first), held->second.second,
                             now == new_by_id.end() ? std::string() : now->second->level_name});
    }
    else if (auto now = not_listed_by_id.find(id); now != not_listed_by_id.end())
      diff.not_listed.push_back({*entry, now->second->level, now->second->level_name});
    else if (NotAssessed gone{*entry, analyses_not_run(*entry, new_register),
                              analyses_changed(*entry, old_register, new_register)};
             !gone.missing.empty() || !gone.changed.empty())
      diff.not_assessed.push_back(std::move(gone));
    else
      diff.resolved.push_back(*entry);
  }

  std::sort(diff.added.begin(), diff.added.end(), by_level_then_id);
  std::sort(diff.successors.begin(), diff.successors.end(),
            [](const SuccessorRisk& a, const SuccessorRisk& b) { return by_level_then_id(a.entry, b.entry); });
  std::sort(diff.resolved.begin(), diff.resolved.end(), by_level_then_id);
  std::sort(diff.merged.begin(), diff.merged.end(),
            [](const MergedRisk& a, const MergedRisk& b) { return by_level_then_id(a.previous, b.previous); });
  std::sort(diff.not_listed.begin(), diff.not_listed.end(),
            [](const NoLongerListed& a, const NoLongerListed& b) { return by_level_then_id(a.previous, b.previous); });
  std::sort(diff.not_assessed.begin(), diff.not_assessed.end(),
            [](const NotAssessed& a, const NotAssessed& b) { return by_level_then_id(a.previous, b.previous); });
  std::sort(diff.changed.begin(), diff.changed.end(),
            [](const ChangedRisk& a, const ChangedRisk& b) { return by_level_then_id(a.new_entry, b.new_entry); });
  return diff;
}

DiffGate gate_new_risks(const RegisterDiff& diff, const std::vector<RegisterLevel>& new_levels, std::string_view level) {
  DiffGate gate;
  const auto known = std::find_if(new_levels.begin(), new_levels.end(),
                                  [&](const RegisterLevel& l) { return l.id == level; });
  if (known == new_levels.end()) {
    std::vector<std::string_view> ids;
    for (const auto& l : new_levels) ids.push_back(l.id);
    gate.problem = fmt::format("'{}' is not a level of the risk diagram of {}{}; expected one of {}", level,
                               diff.new_file, model::did_you_mean(level, ids), fmt::join(ids, ", "));
    return gate;
  }
  const int threshold = static_cast<int>(known - new_levels.begin());
  gate.level_rank = threshold;
  const auto trips = [&](const RegisterEntry& entry) {
    return entry.level_rank >= threshold && counts_for_fail_on(entry.status);
  };
  for (const auto& entry : diff.added)
    if (trips(entry))
      gate.tripped.push_back(GateEntry{entry.id, entry.title, "", "", entry.level, level_text(entry), entry.status});
  for (const auto& changed : diff.changed)
    if (changed.level_direction > 0 && trips(changed.new_entry))
      gate.tripped.push_back(GateEntry{changed.new_entry.id, changed.new_entry.title, changed.old_entry.level,
                                       level_text(changed.old_entry), changed.new_entry.level,
                                       level_text(changed.new_entry), changed.new_entry.status});
  for (const auto& successor : diff.successors)
    if (successor.entry.level_rank > successor.highest.level_rank && trips(successor.entry))
      gate.tripped.push_back(GateEntry{successor.entry.id, successor.entry.title, successor.highest.level,
                                       level_text(successor.highest), successor.entry.level,
                                       level_text(successor.entry), successor.entry.status});
  return gate;
}

std::string diff_to_text(const RegisterDiff& diff, std::string_view lang) {
  std::string out = fmt::format("{}: {}\n", label(Label::diff_title, lang), headline(diff, lang));
  auto side = [&](Label which, const std::string& file, const std::string& model, std::size_t count) {
    out += fmt::format("  {}: {} ({}{})\n", label(which, lang), plain(file), model.empty() ? "" : plain(model) + ", ",
                       risk_count(count, lang));
  };
  side(Label::old_register, diff.old_file, diff.old_model, diff.old_count);
  side(Label::new_register, diff.new_file, diff.new_model, diff.new_count);
  if (diff.languages_differ) out += std::string(label(Label::languages_differ, lang)) + "\n";
  if (diff.empty()) {
    out += fmt::format("\n{}\n", label(Label::no_differences, lang));
    return out;
  }
  auto section = [&](Label name, std::size_t count) {
    out += fmt::format("\n{} ({}):\n", capitalized(label(name, lang)), count);
  };
  if (!diff.added.empty()) {
    section(Label::added, diff.added.size());
    for (const auto& e : diff.added) out += fmt::format("  {}  {}  {}\n", plain(e.id), plain(level_text(e)), plain(e.title));
  }
  if (!diff.changed.empty()) {
    section(Label::changed, diff.changed.size());
    for (const auto& c : diff.changed) {
      const std::string level = c.old_entry.level == c.new_entry.level
                                    ? level_text(c.new_entry)
                                    : fmt::format("{} → {}{}", level_text(c.old_entry), level_text(c.new_entry),
                                                  level_arrow(c.level_direction));
      out += fmt::format("  {}  {}  {}\n", plain(c.new_entry.id), plain(level), plain(c.new_entry.title));
      for (const auto& change : c.changes)
        out += fmt::format("    {}: {} → {}\n", field_name(change.field, lang),
                           plain(old_shown(change, c, lang)), plain(new_shown(change, c, lang)));
      if (!c.analyses_not_run.empty() || !c.analyses_changed.empty())
        out += fmt::format("    {}\n", plain(analyses_not_repeated(c.analyses_not_run, c.analyses_changed, lang)));
    }
  }
  if (!diff.merged.empty()) {
    section(Label::merged_into_entry, diff.merged.size());
    for (const auto& m : diff.merged)
      out += fmt::format("  {}  {}  {}\n    {}: {}\n", plain(m.previous.id), plain(level_text(m.previous)),
                         plain(m.previous.title), label(Label::now_in, lang), plain(now_in_text(m)));
  }
  if (!diff.resolved.empty()) {
    section(Label::resolved, diff.resolved.size());
    for (const auto& e : diff.resolved)
      out += fmt::format("  {}  {}  {}\n", plain(e.id), plain(level_text(e)), plain(e.title));
  }
  if (!diff.not_assessed.empty()) {
    section(Label::not_assessed, diff.not_assessed.size());
    for (const auto& n : diff.not_assessed)
      out += fmt::format("  {}  {}  {}\n    {}\n", plain(n.previous.id), plain(level_text(n.previous)),
                         plain(n.previous.title), plain(analyses_not_repeated(n.missing, n.changed, lang)));
  }
  if (!diff.not_listed.empty()) {
    section(Label::no_longer_listed, diff.not_listed.size());
    for (const auto& n : diff.not_listed)
      out += fmt::format("  {}  {}  {}\n    {}: {}\n", plain(n.previous.id), plain(level_text(n.previous)),
                         plain(n.previous.title), label(Label::level_now, lang), plain(n.level_name));
  }
  return out;
}

std::string diff_to_json(const RegisterDiff& diff, std::string_view lang) {
  Json out;
  out["format"] = "knelpunt-register-diff/1";
  out["lang"] = lang == "en" ? "en" : "nl";
  out["old"] = Json{{"file", diff.old_file}, {"model", diff.old_model}, {"risks", diff.old_count}};
  out["new"] = Json{{"file", diff.new_file}, {"model", diff.new_model}, {"risks", diff.new_count}};
  out["languages_differ"] = diff.languages_differ;
  out["summary"] = Json{{"added", diff.added.size()},
                        {"successors", diff.successors.size()},
                        {"resolved", diff.resolved.size()},
                        {"merged", diff.merged.size()},
                        {"not_listed", diff.not_listed.size()},
                        {"not_assessed", diff.not_assessed.size()},
                        {"changed", diff.changed.size()},
                        {"unchanged", diff.unchanged}};
  out["added"] = Json::array();
  for (const auto& e : diff.added) out["added"].push_back(entry_json(e));
  out["successors"] = Json::array();
  for (const auto& successor : diff.successors) {
    auto item = entry_json(successor.entry);
    item["replaces_highest"] = successor.highest.id;
    item["replaces_highest_level"] = successor.highest.level;
    out["successors"].push_back(std::move(item));
  }
  out["resolved"] = Json::array();
  for (const auto& e : diff.resolved) out["resolved"].push_back(entry_json(e));
  out["merged"] = Json::array();
  for (const auto& m : diff.merged) {
    auto item = entry_json(m.previous);
    item["now_in"] = m.now_in;
    item["now_in_listed"] = m.listed;
    item["now_in_level_name"] = m.now_level_name.empty() ? Json() : Json(m.now_level_name);
    out["merged"].push_back(std::move(item));
  }
  out["not_listed"] = Json::array();
  for (const auto& n : diff.not_listed) {
    auto item = entry_json(n.previous);
    item["level_now"] = n.level;
    out["not_listed"].push_back(std::move(item));
  }
  out["not_assessed"] = Json::array();
  for (const auto& n : diff.not_assessed) {
    auto item = entry_json(n.previous);
    item["analyses_not_run"] = n.missing;
    item["analyses_changed"] = analyses_changed_json(n.changed);
    out["not_assessed"].push_back(std::move(item));
  }
  out["changed"] = Json::array();
  for (const auto& c : diff.changed) {
    Json item;
    item["id"] = c.new_entry.id;
    item["title"] = c.new_entry.title;
    item["level"] = Json{{"old", c.old_entry.level},
                         {"new", c.new_entry.level},
                         {"direction", c.level_direction > 0 ? "up" : c.level_direction < 0 ? "down" : "same"}};
    item["analyses_not_run"] = c.analyses_not_run;
    item["analyses_changed"] = analyses_changed_json(c.analyses_changed);
    item["changes"] = Json::array();
    for (const auto& change : c.changes)
      item["changes"].push_back(Json{{"field", change.field},
                                     {"old", field_json(change.field, c.old_entry)},
                                     {"new", field_json(change.field, c.new_entry)}});
    out["changed"].push_back(std::move(item));
  }
  // Invalid UTF-8 in a model string becomes U+FFFD instead of an exception.
  return out.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

std::string diff_to_markdown(const RegisterDiff& diff, std::string_view lang) {
  std::string out = fmt::format("### {}\n\n{}.\n\n", label(Label::diff_title, lang), capitalized(headline(diff, lang)));
  if (diff.languages_differ) out += std::string(label(Label::languages_differ, lang)) + "\n\n";
  if (diff.empty()) {
    out += fmt::format("{}\n", label(Label::no_differences, lang));
    return out;
  }
  const auto column = [&](Label key) { return capitalized(label(key, lang)); };
  auto entry_table = [&](Label name, const std::vector<RegisterEntry>& entries) {
    if (entries.empty()) return;
    out += fmt::format("#### {} ({})\n\n| {} | {} | {} | {} | {} | {} |\n|---|---|---|---|---|---|\n",
                       capitalized(label(name, lang)), entries.size(), column(Label::id), column(Label::level),
                       column(Label::likelihood), column(Label::impact), column(Label::title), column(Label::status));
    for (const auto& e : entries)
      out += fmt::format("| {} | {} | {} | {} | {} | {} |\n", markdown_escape(e.id), markdown_escape(level_text(e)),
                         markdown_escape(e.likelihood), e.impact.empty() ? "–" : markdown_escape(e.impact),
                         markdown_escape(e.title), markdown_escape(status_label(e.status, lang)));
    out += "\n";
  };
  entry_table(Label::added, diff.added);
  if (!diff.changed.empty()) {
    out += fmt::format("#### {} ({})\n\n| {} | {} | {} | {} |\n|---|---|---|---|\n",
                       capitalized(label(Label::changed, lang)), diff.changed.size(), column(Label::id),
                       column(Label::level), column(Label::title), column(Label::changes));
    for (const auto& c : diff.changed) {
      const std::string level = c.old_entry.level == c.new_entry.level
                                    ? markdown_escape(level_text(c.new_entry))
                                    : fmt::format("{} → {}{}", markdown_escape(level_text(c.old_entry)),
                                                  markdown_escape(level_text(c.new_entry)), level_arrow(c.level_direction));
      std::string changes;
      for (const auto& change : c.changes) {
        if (change.field == "level") continue;  // already in the level column
        if (!changes.empty()) changes += "; ";
        changes += fmt::format("{}: {} → {}", field_name(change.field, lang),
                               markdown_escape(old_shown(change, c, lang)), markdown_escape(new_shown(change, c, lang)));
      }
      if (!c.analyses_not_run.empty() || !c.analyses_changed.empty())
        changes += fmt::format("{}{}", changes.empty() ? "" : "; ",
                               markdown_escape(analyses_not_repeated(c.analyses_not_run, c.analyses_changed, lang)));
      out += fmt::format("| {} | {} | {} | {} |\n", markdown_escape(c.new_entry.id), level,
                         markdown_escape(c.new_entry.title), changes.empty() ? "–" : changes);
    }
    out += "\n";
  }
  if (!diff.merged.empty()) {
    out += fmt::format("#### {} ({})\n\n{}\n\n| {} | {} | {} | {} |\n|---|---|---|---|\n",
                       capitalized(label(Label::merged_into_entry, lang)), diff.merged.size(),
                       label(Label::merged_why, lang), column(Label::id), column(Label::previous_level),
                       column(Label::title), column(Label::now_in));
    for (const auto& m : diff.merged)
      out += fmt::format("| {} | {} | {} | {} |\n", markdown_escape(m.previous.id),
                         markdown_escape(level_text(m.previous)), markdown_escape(m.previous.title),
                         markdown_escape(now_in_text(m)));
    out += "\n";
  }
  entry_table(Label::resolved, diff.resolved);
  if (!diff.not_assessed.empty()) {
    out += fmt::format("#### {} ({})\n\n{}\n\n| {} | {} | {} | {} |\n|---|---|---|---|\n",
                       capitalized(label(Label::not_assessed, lang)), diff.not_assessed.size(),
                       label(Label::not_assessed_why, lang), column(Label::id), column(Label::previous_level),
                       column(Label::title), column(Label::not_assessed_reason));
    for (const auto& n : diff.not_assessed)
      out += fmt::format("| {} | {} | {} | {} |\n", markdown_escape(n.previous.id),
                         markdown_escape(level_text(n.previous)), markdown_escape(n.previous.title),
                         markdown_escape(analyses_not_repeated(n.missing, n.changed, lang)));
    out += "\n";
  }
  if (!diff.not_listed.empty()) {
    out += fmt::format("#### {} ({})\n\n{}\n\n| {} | {} | {} | {} |\n|---|---|---|---|\n",
                       capitalized(label(Label::no_longer_listed, lang)), diff.not_listed.size(),
                       label(Label::no_longer_listed_why, lang), column(Label::id), column(Label::previous_level),
                       column(Label::level_now), column(Label::title));
    for (const auto& n : diff.not_listed)
      out += fmt::format("| {} | {} | {} | {} |\n", markdown_escape(n.previous.id),
                         markdown_escape(level_text(n.previous)), markdown_escape(n.level_name),
                         markdown_escape(n.previous.title));
    out += "\n";
  }
  while (out.size() > 1 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace knelpunt::risk_register
