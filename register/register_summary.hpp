#pragma once
/// The register's counts (per level, per assessor, per tracking status, and
/// per sector and per operator by level) that the JSON summary and the
/// Markdown summary show, counted once here so that they never disagree.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "register/risk.hpp"
#include "register/tracking.hpp"

namespace knelpunt::risk_register {

struct RegisterSummary {
  /// Risks per level of the diagram, lowest level first (same length as `levels`).
  std::vector<std::size_t> by_level;
  /// Entries per assessor: every assessor that ran, in run order (zero counts
  /// included), then any other assessor named by a risk, sorted. A knelpunt
  /// entry counts for each analysis it holds, so these add up to more than
  /// the number of entries.
  std::vector<std::pair<std::string, std::size_t>> by_assessor;
  /// Risks per tracking status: the five statuses in kTrackingStatuses order
  /// (zero counts included), then any other status, sorted.
  std::vector<std::pair<std::string, std::size_t>> by_status;
  /// Risks per cell of the diagram, [likelihood][impact]; risks without an
  /// impact class are in `without_impact_class` instead.
  std::size_t cells[5][5] = {};
  std::size_t without_impact_class = 0;
  /// Per sector: the sectors of the entry's vital processes
  /// (Register::process_sectors; a process the catalogue does not know
  /// counts as no sector). Empty when the register has no process sectors.
  LevelTable by_sector;
  /// Per operator (Risk::operators).
  LevelTable by_operator;
  /// Per kind of entry, as the register names it (kind_name: a critical
  /// pair and a critical combination are rows of their own); each entry in
  /// one row.
  LevelTable by_kind;
};

/// The sectors of `risk`'s vital processes (Register::process_sectors; a
/// process the catalogue does not know has none), each once, sorted by
/// (Dutch, English) name; empty when it has none. The per-sector table
/// counts an entry in exactly these rows.
std::vector<assessors::LocalText> risk_sectors(const Register& reg, const Risk& risk);

/// Counts the risks of `reg`. A risk whose level is outside the diagram is
/// counted nowhere by level, by sector or by operator.
RegisterSummary summarize(const Register& reg);

/// The rows of `table` in the order a reader of `lang` looks them up: by
/// their name in that language (a Dutch and an English sector name sort
/// differently), the row without a name last.
std::vector<const LevelRow*> rows_by_name(const LevelTable& table, std::string_view lang);

}  // namespace knelpunt::risk_register
