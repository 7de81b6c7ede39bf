#pragma once
/// People counted once (docs/model.md "Areas", decision 013): the residents
/// of population areas that lose a service while the assets supplying it are
/// down. An area lacks a service while ANY asset that supplies it that
/// service is down (the model lists each area's own supplier; a radial feed
/// does not fall back on another one), and it is affected while it lacks at
/// least one service. Affected people are the population of the union of
/// affected areas, so no resident counts twice however many assets fail.
/// People-hours are counted per service: an area lacking power and water for
/// an hour gives two of its population's hours, but never more than one per
/// service however many of its suppliers of that service are down.
///
/// A virtual asset may supply areas: an aggregate that stands for a
/// redundant supply (2 of 4 pumping stations) is down exactly when the areas
/// behind it lose that service. Give the down state of every asset, virtual
/// ones included, as the cascade or restoration settled it.
///
/// A non-virtual asset with `serves: {population: N}` and no `supplies` is a
/// pseudo-area of its own (N people, one service only it supplies). Such
/// areas may overlap real areas and each other: every result that counts one
/// says so with `upper_bound`. A virtual asset without supplies counts no
/// one. No I/O.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "model/dependency_graph.hpp"
#include "model/model.hpp"

namespace knelpunt::engine {

/// Who is served by what, built once per model: the model's areas (in id
/// order), then one pseudo-area per non-virtual asset that has a
/// population but no supplies (in asset order), and per asset (virtual ones
/// included) the (area, service) pairs it supplies. Assets with supplies count through
/// their areas only; their own `serves.population` is not added.
class PeopleServed {
 public:
  /// Losing a service of `uncounted_services` affects no one (decision 059:
  /// the resource kinds that do not disrupt a resident's day, from
  /// catalogs::ReferenceData::services_not_affecting_residents): its supplies
  /// are left out, as if the model did not list them. An asset whose
  /// supplies are all such services supplies no one; it is not a
  /// pseudo-area, since it has areas.
  explicit PeopleServed(const model::Model& model, std::span<const std::string> uncounted_services = {});

  std::size_t asset_count() const { return asset_begin_.size() - 1; }
  /// Real areas (the model's, same order) followed by pseudo-areas.
  std::size_t area_count() const { return population_.size(); }
  double population(std::size_t area) const { return population_[area]; }
  bool is_pseudo(std::size_t area) const { return area >= real_areas_; }
  /// The model's areas: indices below it are real, the rest pseudo-areas.
  std::size_t real_area_count() const { return real_areas_; }
  bool has_pseudo_areas() const { return real_areas_ < population_.size(); }
  /// Σ population of the model's areas (pseudo-areas excluded): the region's residents.
  double total_population() const { return total_; }
  /// The services areas are supplied with (the `supplies` services of the
  /// model), sorted by id; a pseudo-area's own service is not one of them.
  std::size_t service_count() const { return services_.size(); }
  const std::string& service_id(std::size_t service) const { return services_[service]; }
  /// The (area, service) pairs `asset` supplies, ascending: one pseudo-area's
  /// pair, or pairs of real areas, or none.
  std::span<const std::uint32_t> pairs_of(model::AssetIndex asset) const {
    return std::span<const std::uint32_t>(asset_slots_)
        .subspan(asset_begin_[asset], asset_begin_[asset + 1] - asset_begin_[asset]);
  }
  /// The area of a pair that pairs_of gives.
  std::size_t area_of_pair(std::uint32_t pair) const { return slot_area_[pair]; }
  /// Numbers that change whenever who is served by what changes (the areas'
  /// populations, each asset's pairs and their services): for a fingerprint
  /// of the model (model/graph_digest.hpp `extra`).
  std::vector<double> fingerprint_values() const;

 private:
  friend class AffectedPeopleCounter;
  std::vector<double> population_;
  std::size_t real_areas_ = 0;
  double total_ = 0;
  std::vector<std::uint32_t> slot_area_;    ///< per (area, service) pair: its area
  std::vector<std::uint32_t> slot_service_;  ///< per pair: its service, or kNoService for a pseudo-area's
  std::vector<std::string> services_;         ///< service ids, sorted
  static constexpr std::uint32_t kNoService = 0xffffffff;
  std::vector<std::uint32_t> asset_begin_;  ///< CSR over asset_slots_, asset_count + 1 entries
  std::vector<std::uint32_t> asset_slots_;  ///< the pairs each asset supplies
};

/// A head count of people affected.
struct AffectedPeople {
  double people = 0;         ///< Σ population of the affected areas
  std::size_t areas = 0;     ///< affected areas, pseudo-areas included
  bool upper_bound = false;  ///< a pseudo-area is counted: `people` may count some residents twice
};

/// Follows assets going down and coming back and keeps the affected people
/// up to date in O(pairs the asset supplies) per change (timelines,
/// people-hours). `counts`, when not empty, has one entry per asset: an
/// asset whose entry is false never takes a service away (e.g. only assets
/// of some vital processes count for a criterion).
class AffectedPeopleCounter {
 public:
  explicit AffectedPeopleCounter(const PeopleServed& served, std::vector<bool> counts = {});

  /// Marks `asset` down or up; setting the state it already has changes nothing.
  void set_down(model::AssetIndex asset, bool down);
  /// Brings every asset back up, in O(assets set down since the last reset)
  /// rather than O(assets): one counter serves many cascades of a region.
  void reset();
  /// People in areas now lacking at least one service, each area once.
  AffectedPeople people() const { return {people_, areas_, pseudo_areas_ > 0}; }
  /// Σ over (area, service) pairs now lacking of the area's population: the
  /// rate at which people-hours accrue.
  double service_people() const { return service_people_; }
  /// True when a lacking pair belongs to a pseudo-area.
  bool service_upper_bound() const { return pseudo_areas_ > 0; }
  /// The services (PeopleServed::service_id) now lacking in at least one
  /// area, ascending; O(services).
  std::vector<std::uint32_t> lost_services() const;
  const PeopleServed& served() const { return served_; }

 private:
  const PeopleServed& served_;
  std::vector<bool> counts_;
  std::vector<bool> down_;
  std::vector<model::AssetIndex> set_down_;  ///< assets marked down since the last reset (may repeat)
  std::vector<std::uint32_t> slot_down_;  ///< down suppliers per pair
  std::vector<std::uint32_t> area_lost_;  ///< lacking pairs per area
  std::vector<std::uint32_t> service_lost_;  ///< lacking pairs per service
  double people_ = 0;
  double service_people_ = 0;
  std::size_t areas_ = 0;
  std::size_t pseudo_areas_ = 0;
};

/// The people affected when exactly the assets with `down[a]` are down
/// (`down` has one entry per asset); `counts` as for AffectedPeopleCounter.
AffectedPeople affected_people(const PeopleServed& served, const std::vector<bool>& down,
                               const std::vector<bool>& counts = {});
/// The people affected when exactly the assets `down` are down, counted on
/// `counter` (with its `counts`), which must have nothing down and has
/// nothing down again on return: O(down), not O(assets).
AffectedPeople affected_people(AffectedPeopleCounter& counter, std::span<const model::AssetIndex> down);

/// One period an asset is down: [start, end); `end` may be model::kNever.
struct DownSpan {
  model::AssetIndex asset = model::kNoIndex;
  model::Hours start = 0;
  model::Hours end = model::kNever;
};

/// People-hours without service within [0, horizon]: Σ over services and
/// areas of the area's population × the time it lacks that service. The
/// spans of one asset must not overlap. `upper_bound` when a pseudo-area
/// lacks its service at some moment.
struct PeopleHours {
  double people_hours = 0;
  bool upper_bound = false;
};
PeopleHours people_hours(const PeopleServed& served, std::span<const DownSpan> spans, model::Hours horizon,
                         const std::vector<bool>& counts = {});
/// As above, counted on `counter` (with its `counts`), which must have
/// nothing down and has nothing down again on return.
PeopleHours people_hours(AffectedPeopleCounter& counter, std::span<const DownSpan> spans, model::Hours horizon);
/// As above; and when every span starts within the horizon and none ends
/// before it (outages without restoration), `all_down` gets the people
/// affected with every asset of `spans` down — the sweep's final state, so
/// no second pass over the assets is needed (affected_people gives the same
/// areas; its sum may differ in the last bit for fractional populations,
/// being added in another order). Otherwise `all_down` is left empty.
PeopleHours people_hours(AffectedPeopleCounter& counter, std::span<const DownSpan> spans,
                         model::Hours horizon, std::optional<AffectedPeople>& all_down);

}  // namespace knelpunt::engine
