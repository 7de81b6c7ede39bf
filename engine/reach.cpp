#include "engine/reach.hpp"

#include <algorithm>
#include <functional>
#include <memory>
#include <stdexcept>
#include <tuple>

#include "engine/dominators.hpp"
#include "engine/parallel_for.hpp"
#include "engine/progress.hpp"
#include "engine/supply_cycles.hpp"
#include "engine/working_set_pool.hpp"

namespace knelpunt::engine {

namespace {

/// The group that makes `asset` a hard leaf (its first hard group), or
/// kNoIndex. An asset whose only group is hard is a follower instead.
GroupIndex hard_group(const model::DependencyGraph& graph, AssetIndex asset) {
  if (graph.groups_of(asset).size() < 2 || !graph.groups_supplied_by(asset).empty())
    return model::kNoIndex;
  for (GroupIndex g : graph.groups_of(asset)) {
    const auto& group = graph.group(g);
    if (group.supplier_count == 1 && group.time_to_impact == 0 && graph.suppliers(g)[0] != asset)
      return g;
  }
  return model::kNoIndex;
}

/// The hard leaves of a graph and the groups that attach them.
struct HardLeaves {
  std::vector<bool> leaf;       ///< per asset
  std::vector<bool> attaching;  ///< per group: the hard group that attaches a hard leaf

  explicit HardLeaves(const model::DependencyGraph& graph)
      : leaf(graph.asset_count(), false), attaching(graph.group_count(), false) {
    for (AssetIndex a = 0; a < graph.asset_count(); ++a)
      if (const auto hard = hard_group(graph, a); hard != model::kNoIndex) {
        leaf[a] = true;
        attaching[hard] = true;
      }
  }

  /// Calls `visit(leaf)` for each hard leaf attached to `supplier` (they fail when it fails).
  template <typename Visit>
  void for_each_attached_to(const model::DependencyGraph& graph, AssetIndex supplier,
                            Visit&& visit) const {
    for (GroupIndex g : graph.groups_supplied_by(supplier))
      if (attaching[g]) visit(graph.group(g).asset);
  }
};

/// People counted once for one reach set at a time (engine/affected_people.hpp):
/// each real area is marked the first time an asset supplying it is seen
/// down, with a generation counter so that a new set costs nothing to start.
/// A pseudo-area has one supplier only, so pseudo-areas are summed, not marked.
class PeopleTally {
 public:
  explicit PeopleTally(const PeopleServed* served)
      : served_(served), marked_(served ? served->real_area_count() : 0, 0) {}

  void start() {
    people_ = 0;
    pseudo_areas_ = 0;
    if (++generation_ == 0) {  // wrapped: marks of 2^32 sets ago would look current
      std::fill(marked_.begin(), marked_.end(), 0);
      generation_ = 1;
    }
  }

  /// `asset` is down: the areas it supplies are affected.
  void add_asset(AssetIndex asset) {
    if (!served_) return;
    for (const auto pair : served_->pairs_of(asset)) {
      const auto area = served_->area_of_pair(pair);
      if (served_->is_pseudo(area)) {
        people_ += served_->population(area);
        ++pseudo_areas_;
        continue;
      }
      if (marked_[area] == generation_) continue;
      marked_[area] = generation_;
      people_ += served_->population(area);
    }
  }

  /// Pseudo-areas of assets known to be down, already summed.
  void add_pseudo(double people, std::uint32_t areas) {
    people_ += people;
    pseudo_areas_ += areas;
  }

  void finish(AssetReach& result) const {
    result.people = people_;
    result.people_upper_bound = pseudo_areas_ > 0;
  }

 private:
  const PeopleServed* served_;
  std::vector<std::uint32_t> marked_;  ///< per area: the generation that last counted it
  std::uint32_t generation_ = 0;
  double people_ = 0;
  std::uint32_t pseudo_areas_ = 0;
};

/// What the sweeps share, read-only: the hard leaves (below), the forest and,
/// per position, prefix sums of the non-virtual count.
///
/// A hard leaf y is a root that supplies nothing and has a *hard* group: one
/// supplier s, time_to_impact 0. Whenever s fails within the horizon, y fails
/// at that time too, and its failure time reaches no one; so y is counted at
/// s's position (docs/reach.md, step 5) instead of at its own, and the hard
/// group is no exit of the forest. y's other groups can still make it fail
/// without s; the sweep then counts y at the end, unless s failed too.
///
/// People (when counted): a position's assets, virtual ones included, are
/// down with it. Their pseudo-areas are summed per position like the count
/// (one supplier each, so never twice in a set); the assets among them that
/// supply real areas are listed by position, so that a range visits only those.
struct ReachTables {
  const model::DependencyGraph& graph;
  const PeopleServed* people;
  HardLeaves hard;
  FollowerForest forest;  ///< without the attaching groups among its exits
  std::vector<std::uint32_t> nonvirtual_prefix;
  std::vector<double> pseudo_people_prefix;        ///< with `people` only
  std::vector<std::uint32_t> pseudo_areas_prefix;  ///< with `people` only
  std::vector<std::pair<std::uint32_t, AssetIndex>>
      area_suppliers;  ///< (position, asset), by position

  ReachTables(const model::DependencyGraph& g, const PeopleServed* served)
      : graph(g), people(served), hard(g), forest(g, hard.attaching) {
    const std::size_t n = g.asset_count();
    // A position counts its asset unless that is a hard leaf, plus the hard
    // leaves attached to it.
    nonvirtual_prefix.assign(n + 1, 0);
    if (people) {
      pseudo_people_prefix.assign(n + 1, 0.0);
      pseudo_areas_prefix.assign(n + 1, 0);
    }
    for (std::uint32_t p = 0; p < n; ++p) {
      const AssetIndex a = forest.asset_at(p);
      std::uint32_t count = 0;
      double pseudo_people = 0;
      std::uint32_t pseudo_areas = 0;
      auto add = [&](AssetIndex counted) {
        if (people) {
          bool real_areas = false;
          for (const auto pair : people->pairs_of(counted)) {
            const auto area = people->area_of_pair(pair);
            if (people->is_pseudo(area)) {
              pseudo_people += people->population(area);
              ++pseudo_areas;
            } else {
              real_areas = true;
            }
          }
          if (real_areas) area_suppliers.emplace_back(p, counted);
        }
        if (!g.is_virtual(counted)) ++count;
      };
      if (!hard.leaf[a]) add(a);
      hard.for_each_attached_to(g, a, add);
      nonvirtual_prefix[p + 1] = nonvirtual_prefix[p] + count;
      if (people) {
        pseudo_people_prefix[p + 1] = pseudo_people_prefix[p] + pseudo_people;
        pseudo_areas_prefix[p + 1] = pseudo_areas_prefix[p] + pseudo_areas;
      }
    }
  }

  /// Adds the people of the positions in [first, last) to `tally`.
  void add_people(std::uint32_t first, std::uint32_t last, PeopleTally& tally) const {
    if (!people) return;
    tally.add_pseudo(pseudo_people_prefix[last] - pseudo_people_prefix[first],
                     pseudo_areas_prefix[last] - pseudo_areas_prefix[first]);
    auto it = std::lower_bound(area_suppliers.begin(), area_suppliers.end(),
                               std::pair<std::uint32_t, AssetIndex>(first, 0));
    for (; it != area_suppliers.end() && it->first < last; ++it) tally.add_asset(it->second);
  }
};

/// One thread's working memory: the failure sweep of
/// docs/decisions/002-own-cascade-kernel.md run on the blocks of the
/// follower forest instead of single assets. A block enters the
/// heap through its root (only roots have groups that exits can make lost);
/// settling it counts all its positions and its exits at once. When the seed
/// x is a follower, its subtree is settled at 0 and x's block keeps only the
/// rest (which fails with the block's root). Resets only what it touched.
class BlockSweep {
 public:
  explicit BlockSweep(const ReachTables& tables)
      : tables_(tables),
        people_(tables.people),
        time_(tables.graph.asset_count(), kNever),
        settled_(tables.graph.asset_count(), false),
        losses_(tables.graph.group_count(), 0) {}

  AssetReach run(AssetIndex x, Hours horizon) {
    reset();
    const auto& forest = tables_.forest;
    horizon_ = horizon;
    result_ = AssetReach{x, 0};
    people_.start();
    people_.add_asset(x);  // x is down too: its own areas are affected
    const AssetIndex root = forest.root(x);
    seed_first_ = forest.position(x);
    seed_last_ = seed_first_ + forest.subtree_size(x);
    partial_root_ = root == x ? kNoIndex : root;
    // The seed's follower subtree fails at 0; x itself is not counted, the
    // hard leaves attached to it are.
    count(seed_first_ + 1, seed_last_);
    count_attached_to(x);
    if (root == x) {
      settled_[x] = true;
      touched_.push_back(x);
    }
    fail_exits(seed_first_, seed_last_, 0);

    const auto later = std::greater<std::pair<Hours, AssetIndex>>();
    while (!now_.empty() || !heap_.empty()) {
      // Offers at the time being settled (zero buffers) wait on a stack: no
      // heap entry can be earlier, and the order among equal times does not
      // change any failure time.
      AssetIndex block = kNoIndex;
      Hours at = 0;
      if (!now_.empty()) {
        block = now_.back();
        now_.pop_back();
        at = now_time_;
      } else {
        std::pop_heap(heap_.begin(), heap_.end(), later);
        std::tie(at, block) = heap_.back();
        heap_.pop_back();
      }
      if (settled_[block] || at != time_[block]) continue;  // stale entry
      now_time_ = at;
      settle(block, at);
    }
    // Hard leaves that failed through another group count unless their hard
    // supplier failed too (then they are counted at its position already).
    for (AssetIndex leaf : failed_leaves_) {
      const AssetIndex supplier = tables_.graph.suppliers(hard_group(tables_.graph, leaf))[0];
      const std::uint32_t position = forest.position(supplier);
      const bool counted =
          (position >= seed_first_ && position < seed_last_) || settled_[forest.root(supplier)];
      if (!counted) count_asset(leaf);
    }
    people_.finish(result_);
    return result_;
  }

 private:
  /// `block` fails at `at`: its positions count, and its exits lose a supplier.
  void settle(AssetIndex block, Hours at) {
    const auto& forest = tables_.forest;
    settled_[block] = true;
    if (tables_.hard.leaf[block]) {  // a block of its own, without exits: counted at the end
      failed_leaves_.push_back(block);
      return;
    }
    const std::uint32_t first = forest.position(block);
    const std::uint32_t last = first + forest.subtree_size(block);
    if (block == partial_root_) {  // the rest of the seed's block
      count(first, seed_first_);
      count(seed_last_, last);
      fail_exits(first, seed_first_, at);
      fail_exits(seed_last_, last, at);
    } else {
      count(first, last);
      fail_exits(first, last, at);
    }
  }

  void count(std::uint32_t first, std::uint32_t last) {
    if (first >= last) return;
    result_.reach += tables_.nonvirtual_prefix[last] - tables_.nonvirtual_prefix[first];
    tables_.add_people(first, last, people_);
  }

  /// Counts one asset that is not counted at its position (a hard leaf).
  void count_asset(AssetIndex a) {
    people_.add_asset(a);
    if (tables_.graph.is_virtual(a)) return;
    ++result_.reach;
  }

  /// Counts the hard leaves attached to `a` (they fail when it fails).
  void count_attached_to(AssetIndex a) {
    tables_.hard.for_each_attached_to(tables_.graph, a,
                                      [this](AssetIndex leaf) { count_asset(leaf); });
  }

  // The positions in [first, last) fail at `at`: each exit counts one loss;
  // a group whose losses reach n − k + 1 is lost now and offers its asset.
  void fail_exits(std::uint32_t first, std::uint32_t last, Hours at) {
    if (first >= last) return;
    for (GroupIndex g : tables_.forest.exits(first, last)) {
      if (losses_[g] == 0) touched_groups_.push_back(g);
      const auto& group = tables_.graph.group(g);
      if (++losses_[g] == group.losses_to_fail()) offer(group.asset, at + group.time_to_impact);
    }
  }

  void offer(AssetIndex block, Hours at) {
    if (settled_[block] || !(at < time_[block]) || at > horizon_) return;
    if (time_[block] == kNever) touched_.push_back(block);
    time_[block] = at;
    // A block without exits (a consumer that supplies nothing, say) fails
    // within the horizon once offered, and its failure time reaches no one:
    // it is settled now, without a heap entry. Most of a region's reach
    // pairs are such blocks (docs/reach.md, Exitless blocks).
    const auto& forest = tables_.forest;
    const std::uint32_t first = forest.position(block);
    if (forest.exits(first, first + forest.subtree_size(block)).empty()) {
      settle(block, at);
      return;
    }
    if (at == now_time_) {
      now_.push_back(block);
      return;
    }
    heap_.emplace_back(at, block);
    std::push_heap(heap_.begin(), heap_.end(), std::greater<std::pair<Hours, AssetIndex>>());
  }

  void reset() {
    for (AssetIndex a : touched_) {
      time_[a] = kNever;
      settled_[a] = false;
    }
    for (GroupIndex g : touched_groups_) losses_[g] = 0;
    touched_.clear();
    touched_groups_.clear();
    heap_.clear();
    now_.clear();
    failed_leaves_.clear();
    now_time_ = 0;
  }

  const ReachTables& tables_;
  PeopleTally people_;
  std::vector<Hours> time_;
  std::vector<bool> settled_;
  std::vector<std::uint32_t> losses_;
  std::vector<AssetIndex> touched_;
  std::vector<GroupIndex> touched_groups_;
  std::vector<std::pair<Hours, AssetIndex>> heap_;
  std::vector<AssetIndex> now_;  // offered at now_time_, the time being settled
  std::vector<AssetIndex> failed_leaves_;  // hard leaves settled through another group
  Hours now_time_ = 0;
  Hours horizon_ = kNever;
  AssetReach result_;
  std::uint32_t seed_first_ = 0;
  std::uint32_t seed_last_ = 0;
  AssetIndex partial_root_ = kNoIndex;
};

}  // namespace

std::vector<AssetReach> compute_reach(const model::DependencyGraph& graph, const PeopleServed* people,
                                      Hours horizon, unsigned threads, const StepProgress& progress) {
  return compute_reach_range(graph, people, horizon, threads, 0,
                             static_cast<AssetIndex>(graph.asset_count()), progress);
}

std::vector<AssetReach> compute_reach_range(const model::DependencyGraph& graph,
                                            const PeopleServed* people, Hours horizon,
                                            unsigned threads, AssetIndex range_first,
                                            AssetIndex range_last, const StepProgress& progress) {
  if (people && people->asset_count() != graph.asset_count())
    throw std::invalid_argument("compute_reach: people must be built from the graph's model");
  if (range_first > range_last || range_last > graph.asset_count())
    throw std::invalid_argument("compute_reach_range: the range must lie within the assets");
  const std::size_t offset = range_first;
  const std::size_t n = range_last - range_first;
  // Assets are handed out in chunks to whichever thread is free: the cost of
  // an asset varies by orders of magnitude (a chain's head against a
  // consumer), and ids sort alike assets together, so one contiguous range
  // per thread would leave one thread with nearly all the work. A sweep's
  // working memory is O(V + groups): a worker (`make_worker()` returns a
  // callable asset → AssetReach holding it) is taken from a pool for each
  // chunk and put back, so there are at most `threads` of them. Progress is
  // counted per chunk (a sweep takes microseconds). Real assets only.
  constexpr std::size_t kChunk = 1024;
  const std::size_t chunks = (n + kChunk - 1) / kChunk;
  ProgressCounter counter(progress, "reach", n);
  auto by_range = [&](auto make_worker) {
    WorkingSetPool<decltype(make_worker())> workers;
    std::vector<AssetReach> by_asset(n);
    parallel_for(chunks, threads, [&](std::size_t chunk) {
      auto reach_of = workers.take(make_worker);
      const std::size_t last = std::min(n, (chunk + 1) * kChunk);
      for (std::size_t i = chunk * kChunk; i < last; ++i) {
        const auto a = static_cast<AssetIndex>(offset + i);
        if (!graph.is_virtual(a)) by_asset[i] = reach_of(a);
      }
      counter.advance(last - chunk * kChunk);
      workers.give_back(std::move(reach_of));
    });
    // The workers' memory is freed before the result is gathered, not with
    // it: peak RSS at national scale.
    workers.clear();
    // Virtual assets' slots (left at kNoIndex) are dropped in place, not
    // copied out: a second table of every result was 32 MB at 1M assets.
    std::erase_if(by_asset, [](const AssetReach& r) { return r.asset == kNoIndex; });
    return by_asset;
  };
  const SupplyCycles supply(graph);
  if (!supply.trivial()) {
    // Same-kind cycles or own buffers (docs/model.md, Supply from sources):
    // a block of followers no longer fails with its root, so every asset
    // runs the full cascade, which applies the rule.
    return by_range([&] {
      return [&, runner = std::make_unique<CascadeRunner>(graph, supply),
              tally = std::make_unique<PeopleTally>(people),
              failed = std::vector<AssetIndex>()](AssetIndex a) mutable {
        const Seed seed{a, 0};
        runner->run(std::span<const Seed>(&seed, 1), horizon);
        failed.assign(runner->failed().begin(), runner->failed().end());
        std::sort(failed.begin(), failed.end());
        AssetReach reach{a, 0};
        tally->start();
        for (auto f : failed) {
          tally->add_asset(f);  // the seed and virtual assets included
          if (f != a && !graph.is_virtual(f)) {
            ++reach.reach;
          }
        }
        tally->finish(reach);
        return reach;
      };
    });
  }
  const ReachTables tables(graph, people);
  return by_range([&] {
    return [&, sweep = std::make_unique<BlockSweep>(tables)](AssetIndex a) { return sweep->run(a, horizon); };
  });
}

std::vector<AssetIndex> reach_set(const model::DependencyGraph& graph, AssetIndex asset, Hours horizon) {
  CascadeRunner runner(graph);
  const Seed seed{asset, 0};
  runner.run(std::span<const Seed>(&seed, 1), horizon);
  std::vector<AssetIndex> failed;
  for (AssetIndex a : runner.failed())
    if (a != asset && !graph.is_virtual(a)) failed.push_back(a);
  std::sort(failed.begin(), failed.end());
  return failed;
}

}  // namespace knelpunt::engine
