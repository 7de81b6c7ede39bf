#pragma once
/// The tracking file (docs/register.md): what people record per risk — owner,
/// status, justification, date, checked-by. knelpunt reads it and never
/// writes it (except `assess --seed-tracking`, which only creates a new one).
///   tracking: 1
///   risks:
///     KP-SPOF-3f2a9c: {status: accepted, owner: Netbeheerder, justification: …, date: 2026-11-01, checked_by: …}
///     "KP-CTRL-*":    {status: in-treatment, owner: CISO gemeente}
///     KP-KNP-6661bb:  {impact_expert: {"2.1": B, "5.2": C}, impact_rationale: …}
/// A key is a risk id or a pattern with `*` (any text) and `?` (one
/// character). An exact id wins over patterns; among patterns the one with
/// the most literal characters wins, then the alphabetically first — so the
/// order of keys in the file changes nothing.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.hpp"
#include "register/risk.hpp"

namespace knelpunt::risk_register {

/// The statuses a risk can have, in workflow order.
inline constexpr std::string_view kTrackingStatuses[] = {"unchecked", "in-treatment", "accepted", "mitigated",
                                                         "false-positive"};

struct TrackingEntry {
  std::string key;  ///< an id or a pattern
  Tracking tracking;
  model::SourceLocation where;
};

struct TrackingFile {
  std::string path;
  std::vector<TrackingEntry> entries;  ///< sorted by key
};

/// Reads a tracking file; problems are diagnostics with file:line:col.
/// `criteria`, when not empty, are the criterion ids `impact_expert` may name.
/// `confine_to`, when not empty, is the directory the file must stay in once
/// symbolic links are resolved (the model directory, for the tracking.yaml
/// found beside a model): a file that leads out of it is refused unread.
TrackingFile read_tracking_file(const std::filesystem::path& file, model::Diagnostics& diagnostics,
                                const std::vector<std::string>& criteria = {},
                                const std::filesystem::path& confine_to = {});

/// The checks every source of tracking makes (the YAML file, an Excel
/// register read back by `tracking import`): each says what is wrong and what
/// was expected, or nothing when the value is fine.
/// A status that is not one of kTrackingStatuses.
std::optional<std::string> tracking_status_problem(std::string_view status);
/// A date that is not empty and not YYYY-MM-DD naming a day of the calendar.
std::optional<std::string> tracking_date_problem(std::string_view date);
/// A warning: `accepted` or `false-positive` without a justification.
std::optional<std::string> tracking_justification_warning(std::string_view key, const Tracking& tracking);

/// A tracking file holding `entries` (in their order) as read_tracking_file
/// reads it back: `header` as comment lines, every key and text double-quoted
/// (escapes for quotes, backslashes and control characters), empty fields left out.
std::string tracking_file_text(const std::vector<TrackingEntry>& entries, std::string_view header);

/// True when `pattern` (with * and ?) matches `id` entirely.
bool tracking_key_matches(std::string_view pattern, std::string_view id);

/// Sets `risk.tracking` of every risk from the file; returns the entries that matched no risk.
std::vector<UnmatchedTracking> apply_tracking(const TrackingFile& file, std::vector<Risk>& risks);

/// A new tracking file listing every risk as unchecked, for --seed-tracking.
std::string seed_tracking_file(const std::vector<Risk>& risks);

/// True when a risk with this status still counts for --fail-on (not
/// accepted, mitigated or a false positive).
bool counts_for_fail_on(std::string_view status);

}  // namespace knelpunt::risk_register
