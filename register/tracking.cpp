#include "register/tracking.hpp"

#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "model/suggest.hpp"
#include "model/versioned_yaml_file.hpp"
#include "model/yaml_document.hpp"
#include "model/yaml_fields.hpp"
#include "register/calendar_date.hpp"

namespace knelpunt::risk_register {

namespace {

/// YYYY-MM-DD with a month 01–12 and a day 01–31; whether the day exists
/// in that month is is_calendar_date's.
bool has_date_shape(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (text[i] < '0' || text[i] > '9') return false;
  const int month = (text[5] - '0') * 10 + (text[6] - '0');
  const int day = (text[8] - '0') * 10 + (text[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

std::size_t literal_length(std::string_view pattern) {
  return static_cast<std::size_t>(std::count_if(pattern.begin(), pattern.end(), [](char c) { return c != '*' && c != '?'; }));
}

bool is_pattern(std::string_view key) { return key.find_first_of("*?") != std::string_view::npos; }

}  // namespace

namespace {

/// `impact_expert: {"2.1": C}`: an analyst's class per criterion, with a
/// rationale; criterion ids are checked against `criteria` when given.
void read_impact_expert(const model::YamlDocument& document, model::YamlFields& fields, model::YamlNodeId value,
                        const std::vector<std::string>& criteria, TrackingEntry& entry) {
  const auto node = document.find(value, "impact_expert");
  if (node == model::kNoYamlNode || !fields.expect_mapping(node, "'impact_expert'")) return;
  const std::vector<std::string_view> known(criteria.begin(), criteria.end());
  for (const auto& [criterion_node, class_node] : fields.entries(node)) {
    const std::string& criterion = document.node(criterion_node).value;
    if (!criteria.empty() && std::find(criteria.begin(), criteria.end(), criterion) == criteria.end()) {
      fields.error(criterion_node,
                   fmt::format("'impact_expert' names criterion '{}'{}, which the scoring catalogue does not have; "
                               "expected one of {}",
                               criterion, model::did_you_mean(criterion, known), fmt::join(criteria, ", ")));
      continue;
    }
    const auto letter = fields.string(class_node, fmt::format("the class of criterion '{}'", criterion));
    if (!letter) continue;
    if (auto impact_class = catalogs::parse_class(*letter))
      entry.tracking.impact_expert[criterion] = *impact_class;
    else
      fields.error(class_node, fmt::format("the expert class of criterion '{}' is '{}'; expected a class A–E", criterion,
                                           *letter));
  }
  if (!entry.tracking.impact_expert.empty() && entry.tracking.impact_rationale.empty())
    fields.error(node, fmt::format("'{}' sets impact_expert without impact_rationale; expected the analyst's reasons, "
                                   "which the register shows",
                                   entry.key));
}

}  // namespace

namespace {

/// True when `file`, symbolic links resolved, lies inside `directory`.
bool stays_inside(const std::filesystem::path& file, const std::filesystem::path& directory) {
  std::error_code ec;
  const auto root = std::filesystem::weakly_canonical(std::filesystem::absolute(directory, ec), ec);
  if (ec) return false;
  const auto resolved = std::filesystem::weakly_canonical(std::filesystem::absolute(file, ec), ec);
  if (ec) return false;
  const auto [root_end, _] = std::mismatch(root.begin(), root.end(), resolved.begin(), resolved.end());
  return root_end == root.end();
}

}  // namespace

TrackingFile read_tracking_file(const std::filesystem::path& file, model::Diagnostics& diagnostics,
                                const std::vector<std::string>& criteria, const std::filesystem::path& confine_to) {
  TrackingFile tracking;
  tracking.path = file.string();
  if (!confine_to.empty() && !stays_inside(file, confine_to)) {
    diagnostics.error({file.string(), 0, 0},
                      fmt::format("the tracking file leads out of the model directory {} (a symbolic link to a file "
                                  "elsewhere), so it is not read; expected a tracking.yaml inside the model directory, "
                                  "or pass the file with --tracking",
                                  confine_to.string()));
    return tracking;
  }
  const auto opened = model::open_versioned_yaml_file(
      file, {"the tracking file", "a readable YAML file", model::InputLimit::yaml}, "the tracking file",
      {"tracking", "risks"}, {"tracking", 1}, diagnostics);
  if (!opened.is_mapping) return tracking;
  const auto& document = opened.document;
  model::YamlFields fields(document, diagnostics);
  const auto root = document.root();
  const auto risks = document.find(root, "risks");
  if (risks == model::kNoYamlNode || document.node(risks).kind == model::YamlKind::null) return tracking;
  if (!fields.expect_mapping(risks, "'risks'")) return tracking;
  for (const auto& [key, value] : fields.entries(risks)) {
    TrackingEntry entry;
    entry.key = document.node(key).value;
    entry.where = fields.where(key);
    if (!fields.expect_mapping(value, fmt::format("the tracking of '{}'", entry.key))) continue;
    fields.check_keys(value, "a tracking entry",
                      {"status", "owner", "justification", "date", "checked_by", "impact_expert", "impact_rationale"});
    // The node by name, not the structured binding: clang 14 cannot capture one (the libFuzzer build).
    auto text = [&, entry_node = value](std::string_view name, std::string& out) {
      if (auto node = document.find(entry_node, name); node != model::kNoYamlNode)
        if (auto s = fields.string(node, fmt::format("'{}'", name))) out = *s;
    };
    text("status", entry.tracking.status);
    text("owner", entry.tracking.owner);
    text("justification", entry.tracking.justification);
    text("date", entry.tracking.date);
    text("checked_by", entry.tracking.checked_by);
    text("impact_rationale", entry.tracking.impact_rationale);
    read_impact_expert(document, fields, value, criteria, entry);
    if (auto problem = tracking_status_problem(entry.tracking.status))
      fields.error(document.find(value, "status"), *problem);
    if (auto problem = tracking_date_problem(entry.tracking.date)) fields.error(document.find(value, "date"), *problem);
    if (auto warning = tracking_justification_warning(entry.key, entry.tracking))
      diagnostics.warning(entry.where, *warning);
    entry.tracking.matched = entry.key;
    tracking.entries.push_back(std::move(entry));
  }
  std::sort(tracking.entries.begin(), tracking.entries.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
  return tracking;
}

std::optional<std::string> tracking_status_problem(std::string_view status) {
  const std::vector<std::string_view> statuses(std::begin(kTrackingStatuses), std::end(kTrackingStatuses));
  if (std::find(statuses.begin(), statuses.end(), status) != statuses.end()) return std::nullopt;
  return fmt::format("unknown status '{}'{}; expected one of {}", status, model::did_you_mean(status, statuses),
                     fmt::join(statuses, ", "));
}

std::optional<std::string> tracking_date_problem(std::string_view date) {
  if (date.empty()) return std::nullopt;
  if (!has_date_shape(date)) return fmt::format("date '{}' is malformed; expected YYYY-MM-DD", date);
  if (!is_calendar_date(date))
    return fmt::format("date '{}' is not a day of the calendar; expected YYYY-MM-DD naming a day that exists "
                       "(2026-02-28, not 2026-02-30)",
                       date);
  return std::nullopt;
}

std::optional<std::string> tracking_justification_warning(std::string_view key, const Tracking& tracking) {
  if ((tracking.status == "accepted" || tracking.status == "false-positive") && tracking.justification.empty())
    return fmt::format("'{}' is {} without a justification; expected one for review", key, tracking.status);
  return std::nullopt;
}

namespace {

/// A YAML double-quoted scalar: JSON's escapes, which YAML shares.
std::string yaml_quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (byte < 0x20 || byte == 0x7F) {
      out += fmt::format("\\u{:04x}", byte);
    } else {
      out += c;
    }
  }
  return out + "\"";
}

}  // namespace

std::string tracking_file_text(const std::vector<TrackingEntry>& entries, std::string_view header) {
  std::string out;
  std::size_t start = 0;
  while (start < header.size()) {
    const auto end = std::min(header.find('\n', start), header.size());
    out += fmt::format("# {}\n", header.substr(start, end - start));
    start = end + 1;
  }
  out += "tracking: 1\nrisks:\n";
  if (entries.empty()) out.replace(out.size() - 1, 1, " {}\n");
  for (const auto& entry : entries) {
    const auto& t = entry.tracking;
    out += fmt::format("  {}:\n", yaml_quoted(entry.key));
    out += fmt::format("    status: {}\n", yaml_quoted(t.status));
    for (const auto& [key, value] : {std::pair<std::string_view, const std::string&>{"owner", t.owner},
                                     {"justification", t.justification},
                                     {"date", t.date},
                                     {"checked_by", t.checked_by},
                                     {"impact_rationale", t.impact_rationale}})
      if (!value.empty()) out += fmt::format("    {}: {}\n", key, yaml_quoted(value));
    if (!t.impact_expert.empty()) {
      out += "    impact_expert:\n";
      for (const auto& [criterion, impact_class] : t.impact_expert)
        out += fmt::format("      {}: {}\n", yaml_quoted(criterion), catalogs::class_letter(impact_class));
    }
  }
  return out;
}

bool tracking_key_matches(std::string_view pattern, std::string_view id) {
  // Iterative glob with backtracking to the last '*'.
  std::size_t p = 0, i = 0, star = std::string_view::npos, mark = 0;
  while (i < id.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == id[i])) {
      ++p;
      ++i;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = i;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      i = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::vector<UnmatchedTracking> apply_tracking(const TrackingFile& file, std::vector<Risk>& risks) {
  std::vector<bool> used(file.entries.size(), false);
  std::vector<std::set<std::string>> shadowed_by(file.entries.size());
  for (auto& risk : risks) {
    std::optional<std::size_t> best;
    for (std::size_t e = 0; e < file.entries.size(); ++e) {
      const auto& key = file.entries[e].key;
      if (!tracking_key_matches(key, risk.id)) continue;
      if (!best) {
        best = e;
        continue;
      }
      const auto& current = file.entries[*best].key;
      const bool exact = !is_pattern(key), current_exact = !is_pattern(current);
      // Entries are sorted by key, so on a full tie the first (alphabetical) stays.
      if (exact != current_exact ? exact : literal_length(key) > literal_length(current)) best = e;
    }
    if (best) {
      risk.tracking = file.entries[*best].tracking;
      used[*best] = true;
      // Every other entry that matched this risk lost it to the winner.
      for (std::size_t e = 0; e < file.entries.size(); ++e)
        if (e != *best && tracking_key_matches(file.entries[e].key, risk.id))
          shadowed_by[e].insert(file.entries[*best].key);
    }
  }
  std::vector<UnmatchedTracking> unmatched;
  for (std::size_t e = 0; e < file.entries.size(); ++e)
    if (!used[e])
      unmatched.push_back({file.entries[e].key, file.entries[e].where.to_string(),
                           std::vector<std::string>(shadowed_by[e].begin(), shadowed_by[e].end())});
  return unmatched;
}

std::string seed_tracking_file(const std::vector<Risk>& risks) {
  std::vector<const Risk*> sorted;
  for (const auto& risk : risks) sorted.push_back(&risk);
  std::sort(sorted.begin(), sorted.end(), [](const Risk* a, const Risk* b) { return a->id < b->id; });
  std::string out =
      "# Tracking of the risk register (knelpunt assess --tracking). knelpunt reads this file\n"
      "# and never writes it. Per risk id (or a pattern with * and ?): status (unchecked |\n"
      "# in-treatment | accepted | mitigated | false-positive), owner, justification, date, checked_by.\n"
      "tracking: 1\nrisks:\n";
  for (const Risk* risk : sorted) {
    std::string title = risk->finding.title.nl;
    std::replace_if(title.begin(), title.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
    out += fmt::format("  {}:  # {}\n", risk->id, title);
    out += "    status: unchecked\n";
  }
  return out;
}

bool counts_for_fail_on(std::string_view status) {
  return status != "accepted" && status != "mitigated" && status != "false-positive";
}

}  // namespace knelpunt::risk_register
