#pragma once
/// What `whatif` prints: the cascade timeline of given initial failures as
/// text or JSON (`knelpunt-cascade/1`), and — on models with recovery times
/// (docs/restoration.md) — the timeline with returns.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/model_input.hpp"
#include "engine/cascade.hpp"
#include "engine/restoration.hpp"

namespace knelpunt::cli {

/// The timeline: one line per failure in settling order (time, id, name,
/// cause), a summary, and with `verbose` the real assets that stay up; in
/// `lang` ("nl" or "en"; numbers and durations in that language's format).
/// The affected count is called the register's only when `horizon` is
/// `register_horizon` (the horizon the register gives this cascade; nothing
/// when it is not known); otherwise it names both horizons.
std::string render_cascade_text(const LoadedModel& loaded, const std::vector<engine::Seed>& seeds,
                                const engine::Cascade& cascade, model::Hours horizon,
                                std::optional<model::Hours> register_horizon, bool verbose, std::string_view lang);

/// `knelpunt-cascade/1`: the initial failures, the events by time then id,
/// and a summary; an infinite horizon is null.
std::string render_cascade_json(const LoadedModel& loaded, const std::vector<engine::Seed>& seeds,
                                const engine::Cascade& cascade, model::Hours horizon);

/// The timeline with returns: events in settling order, a "back" line per
/// return (with the recovery or restart it took), a summary of returns and
/// of what is still down at the horizon, and with `verbose` what stays up;
/// in `lang`; the affected count as render_cascade_text says it.
std::string render_restoration_text(const LoadedModel& loaded, const std::vector<engine::Seed>& seeds,
                                    const engine::Restoration& restoration, model::Hours horizon,
                                    std::optional<model::Hours> register_horizon, bool verbose,
                                    std::string_view lang);

/// `knelpunt-cascade/1` as render_cascade_json, with one event per failure
/// (an asset that fails again appears again) and a "restored" list of {id, t_h}.
std::string render_restoration_json(const LoadedModel& loaded, const std::vector<engine::Seed>& seeds,
                                    const engine::Restoration& restoration, model::Hours horizon);

}  // namespace knelpunt::cli
