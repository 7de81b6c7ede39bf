#include "register/register_summary.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "register/register_texts.hpp"

namespace knelpunt::risk_register {

namespace {

/// Adds `name` to a count list in place, keeping the fixed entries first and
/// appending unknown names; the caller sorts the appended tail.
void count(std::vector<std::pair<std::string, std::size_t>>& counts, const std::string& name) {
  for (auto& [key, n] : counts)
    if (key == name) {
      ++n;
      return;
    }
  counts.emplace_back(name, 1);
}

void sort_tail(std::vector<std::pair<std::string, std::size_t>>& counts, std::size_t fixed) {
  std::sort(counts.begin() + static_cast<std::ptrdiff_t>(fixed), counts.end());
}

/// Builds a table by level from each entry's row names (its sectors, its
/// operators); an entry with no name counts in the row without one.
class LevelTableBuilder {
 public:
  explicit LevelTableBuilder(std::size_t levels) : levels_(levels) {}

  void add(int level, const std::set<std::pair<std::string, std::string>>& names) {
    static const std::pair<std::string, std::string> kNone;
    const auto& keys = names.empty() ? std::set<std::pair<std::string, std::string>>{kNone} : names;
    if (keys.size() > 1) ++multiple_;
    for (const auto& key : keys) {
      auto& row = rows_[key];
      row.resize(levels_, 0);
      ++row[static_cast<std::size_t>(level)];
    }
  }

  LevelTable table() const {
    LevelTable table;
    table.multiple = multiple_;
    for (const auto& [key, counts] : rows_) {
      LevelRow row{{key.first, key.second}, counts, 0};
      for (auto n : counts) row.total += n;
      table.rows.push_back(std::move(row));
    }
    // The map sorts by (nl, en), so the row without a name ("") comes first: move it last.
    if (!table.rows.empty() && table.rows.front().name.nl.empty())
      std::rotate(table.rows.begin(), table.rows.begin() + 1, table.rows.end());
    return table;
  }

 private:
  std::size_t levels_;
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> rows_;
  std::size_t multiple_ = 0;
};

}  // namespace

std::vector<assessors::LocalText> risk_sectors(const Register& reg, const Risk& risk) {
  std::set<std::pair<std::string, std::string>> names;
  for (const auto& process : risk.vital_processes) {
    auto it = std::find_if(reg.process_sectors.begin(), reg.process_sectors.end(),
                           [&](const ProcessSector& p) { return p.process == process; });
    if (it != reg.process_sectors.end() && !it->sector.nl.empty())
      names.emplace(it->sector.nl, it->sector.en);
  }
  std::vector<assessors::LocalText> sectors;
  for (const auto& [nl, en] : names) sectors.push_back({nl, en});
  return sectors;
}

RegisterSummary summarize(const Register& reg) {
  RegisterSummary summary;
  summary.by_level.assign(reg.diagram.levels.size(), 0);
  for (const auto& assessor : reg.assessors)
    if (std::none_of(summary.by_assessor.begin(), summary.by_assessor.end(),
                     [&](const auto& entry) { return entry.first == assessor; }))
      summary.by_assessor.emplace_back(assessor, 0);
  const std::size_t fixed_assessors = summary.by_assessor.size();
  for (auto status : kTrackingStatuses) summary.by_status.emplace_back(std::string(status), 0);
  const std::size_t fixed_statuses = summary.by_status.size();
  LevelTableBuilder sectors(summary.by_level.size()), operators(summary.by_level.size()),
      kinds(summary.by_level.size());

  for (const auto& risk : reg.risks) {
    if (risk.level >= 0 && static_cast<std::size_t>(risk.level) < summary.by_level.size()) {
      ++summary.by_level[static_cast<std::size_t>(risk.level)];
      std::set<std::pair<std::string, std::string>> sectors_of_risk, risk_operators;
      for (const auto& sector : risk_sectors(reg, risk)) sectors_of_risk.emplace(sector.nl, sector.en);
      for (const auto& name : risk.operators) risk_operators.emplace(name, name);
      sectors.add(risk.level, sectors_of_risk);
      operators.add(risk.level, risk_operators);
      const auto assets = risk.finding.assets.size();
      kinds.add(risk.level, {{std::string(kind_name(risk.finding.kind, assets, "nl")),
                              std::string(kind_name(risk.finding.kind, assets, "en"))}});
    }
    // A knelpunt entry counts for every analysis that found something about it.
    if (risk.analyses.empty()) count(summary.by_assessor, risk.finding.assessor);
    for (const auto& analysis : risk.analyses) count(summary.by_assessor, analysis);
    count(summary.by_status, risk.tracking.status);
    const bool likelihood_ok = risk.likelihood >= 0 && risk.likelihood < catalogs::kClassCount;
    if (risk.impact_class && likelihood_ok && *risk.impact_class >= 0 && *risk.impact_class < catalogs::kClassCount)
      ++summary.cells[risk.likelihood][*risk.impact_class];
    else
      ++summary.without_impact_class;
  }
  sort_tail(summary.by_assessor, fixed_assessors);
  sort_tail(summary.by_status, fixed_statuses);
  if (!reg.process_sectors.empty()) summary.by_sector = sectors.table();
  summary.by_operator = operators.table();
  summary.by_kind = kinds.table();
  return summary;
}

std::vector<const LevelRow*> rows_by_name(const LevelTable& table, std::string_view lang) {
  std::vector<const LevelRow*> rows;
  for (const auto& row : table.rows) rows.push_back(&row);
  std::stable_sort(rows.begin(), rows.end(), [&](const LevelRow* a, const LevelRow* b) {
    const bool a_named = !a->name.nl.empty(), b_named = !b->name.nl.empty();
    if (a_named != b_named) return a_named;
    return a->name.in(lang) < b->name.in(lang);
  });
  return rows;
}

}  // namespace knelpunt::risk_register
