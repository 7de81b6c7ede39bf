/// single-point: for every vital asset (a process of category A or B, or
/// serving people), its minimal cut sets of order ≤ max_order within the
/// horizon (engine/cut_sets.hpp) — each set within its own cascade's
/// horizon, which a process's own horizon may lengthen (decision 043).
/// Each cut set becomes one finding — "spof" for order 1, "common-cause"
/// for order 2 and up — listing every vital asset it takes down; the
/// identity is the cut set alone, so the risk keeps its id when the set of
/// targets changes.
/// Options: max_order (1–3, default 2); repaired_pairs (default false): add
/// the critical pairs that exist only with repairs (repaired_pairs.hpp,
/// decision 050); min_vital (default 1): only cut
/// sets that take down at least this many vital assets become findings — at
/// region scale the order-2 sets of every vital asset run into the tens of
/// thousands, most of them taking down one asset. Those (order 2 and up) are
/// given in brief when the context allows it (decision 021): their figures
/// in full, their affected assets and chain on request (detail).

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <deque>
#include <iterator>
#include <optional>
#include <utility>

#include "assessors/assessor_options.hpp"
#include "assessors/assessor_texts.hpp"
#include "assessors/builtin_assessors.hpp"
#include "assessors/impact_estimator.hpp"
#include "assessors/local_format.hpp"
#include "assessors/repaired_pairs.hpp"
#include "assessors/simulated_failures.hpp"
#include "assessors/structural_likelihood.hpp"
#include "assessors/structural_measures.hpp"
#include "engine/cut_sets.hpp"
#include "engine/parallel_for.hpp"
#include "engine/progress.hpp"
#include "model/keep_flagged.hpp"

namespace knelpunt::assessors {

namespace {

class SinglePointAssessor : public Assessor {
 public:
  std::string_view name() const override { return "single-point"; }

  void configure(const catalogs::Json& options, const catalogs::ReferenceData&, const model::SourceLocation& where,
                 model::Diagnostics& diagnostics) override {
    AssessorOptions reader(options, name(), where, diagnostics, {"max_order", "min_vital", "repaired_pairs"});
    max_order_ = static_cast<std::uint32_t>(reader.integer("max_order", 2, 1, 3));
    min_vital_ = static_cast<std::size_t>(reader.integer("min_vital", 1, 1, 1000000));
    repaired_pairs_ = reader.boolean("repaired_pairs", false);
    keep_effective_options(reader);
  }

  std::vector<Finding> assess(const AssessmentContext& context) const override {
    const auto targets = context.vital_assets();
    // A cut set counts within its own cascade's horizon: a set holding an
    // asset of a process with a horizon of its own (profile `horizons:`) is
    // a minimal cut set within that horizon, so the vital assets an entry
    // names are the ones its own cascade takes down (decision 043). One
    // solver run per horizon a cascade can have; each set is kept from the
    // run of its own horizon.
    const auto own_horizons = asset_horizons(context);
    const auto horizons = distinct_horizons(context.horizon, own_horizons);
    // A set whose horizon is not the assessor's holds an asset with that
    // horizon of its own, so only the targets downstream of such an asset
    // can have one: the other runs solve for those alone.
    std::vector<std::vector<model::AssetIndex>> run_targets{targets};
    for (std::size_t run = 1; run < horizons.size(); ++run)
      run_targets.push_back(downstream_of(context.graph, own_horizons, horizons[run], targets));
    std::size_t to_solve = 0;
    for (const auto& run : run_targets) to_solve += run.size();
    engine::CutSetOptions options;
    options.max_order = max_order_;
    const engine::CutSetSolver solver(context.graph);
    engine::ProgressCounter cut_set_progress(context.progress, "single-point: cut sets", to_solve);
    std::vector<std::vector<engine::CutSets>> runs;
    for (std::size_t run = 0; run < horizons.size(); ++run) {
      options.horizon = horizons[run];
      // Together, not one by one: targets share their suppliers' formulas.
      runs.push_back(solver.of_each(run_targets[run], options, context.threads, &cut_set_progress));
    }
    std::vector<engine::Seed> set_seeds;
    auto own_horizon = [&](const std::vector<model::AssetIndex>& set) {
      set_seeds.clear();
      for (auto a : set) set_seeds.push_back({a, 0});
      return context.impact.horizon_of(set_seeds);
    };

    // Cut set → the vital assets it takes down, grouped by sorting (set,
    // target) pairs rather than through a map keyed by copies of the sets:
    // a region has tens of thousands. A set (at most 3 assets: max_order)
    // sorts by a packed key — its indices plus one, then zeros — whose order
    // is the lexicographic order of the index lists (a prefix first), which
    // is id order; ties keep the order of `targets` (index order).
    struct Hit {
      std::array<model::AssetIndex, 3> key;
      std::uint32_t position;  ///< in the order made: a total order without stable_sort's buffer
      const std::vector<model::AssetIndex>* set;
      model::AssetIndex target;
    };
    std::size_t hit_count = 0;
    for (const auto& per_target : runs)
      for (const auto& cut_sets : per_target) hit_count += cut_sets.sets.size();
    std::vector<Hit> hits;
    hits.reserve(hit_count);
    for (std::size_t run = 0; run < runs.size(); ++run)
      for (std::size_t i = 0; i < run_targets[run].size(); ++i)
        for (const auto& set : runs[run][i].sets) {
          if (runs.size() > 1 && own_horizon(set) != horizons[run]) continue;
          Hit hit{{0, 0, 0}, static_cast<std::uint32_t>(hits.size()), &set, run_targets[run][i]};
          for (std::size_t k = 0; k < set.size(); ++k)
            hit.key[k] = set[k] + 1;  // set.size() ≤ max_order ≤ 3
          hits.push_back(hit);
        }
    std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
      return a.key != b.key ? a.key < b.key : a.position < b.position;
    });
    std::vector<CutSetHits> kept;
    for (std::size_t begin = 0, end = 0; begin < hits.size(); begin = end) {
      CutSetHits entry{hits[begin].set, {}, {}, {}};
      for (end = begin; end < hits.size() && hits[end].key == hits[begin].key; ++end)
        entry.targets.push_back(hits[end].target);
      if (entry.targets.size() >= min_vital_) kept.push_back(std::move(entry));
    }

    // Each finding runs its own cascade: independent, so in parallel, each
    // into its own slot (the order, and so the bytes, do not depend on threads).
    // Single points first: a larger set holding one is scored on what it
    // adds to that asset's own cascade, which the single point's entry
    // already counts (decision 046: say each thing once).
    std::vector<Finding> findings(kept.size());
    std::vector<char> found(kept.size(), 0);  // char, not bool: written from several threads
    const StructuralMeasures measures(context);  // asked once per finding
    std::vector<std::size_t> singles;
    for (std::size_t i = 0; i < kept.size(); ++i)
      if (kept[i].set->size() == 1) singles.push_back(i);
    engine::ProgressCounter single_progress(context.progress, "single-point: single points", singles.size());
    std::vector<SinglePointTargets> single_targets(singles.size());
    engine::parallel_for(singles.size(), context.threads, [&](std::size_t k) {
      const auto i = singles[k];
      single_targets[k].asset = kept[i].set->front();
      single_targets[k].targets = kept[i].targets;
      found[i] = finding_for(kept[i], std::nullopt, nullptr, context, measures, findings[i],
                             &single_targets[k].restored)
                     ? 1
                     : 0;
      single_progress.advance();
    });
    // With repairs, a single point that keeps some of its targets up alone
    // may take them down together with another asset: that pair has no
    // minimal cut set without repairs, so with `repaired_pairs` it is added
    // here (decision 050).
    std::deque<std::vector<model::AssetIndex>> repaired_sets;  // stable addresses for CutSetHits::set
    if (repaired_pairs_ && max_order_ >= 2) {
      std::vector<CutSetHits> added;
      // kept is in the order of its sets' index lists (see Hit): a pair that
      // is also a structural cut set is found by binary search.
      const auto by_set = [](const CutSetHits& entry, const std::vector<model::AssetIndex>& set) {
        return *entry.set < set;
      };
      for (auto& pair : pairs_with_repairs(context.graph, context.impact, single_targets, context.threads)) {
        std::vector<model::AssetIndex> set(pair.assets.begin(), pair.assets.end());
        const auto same = std::lower_bound(kept.begin(), kept.end(), set, by_set);
        if (same != kept.end() && *same->set == set) {
          same->repaired_targets = std::move(pair.targets);
          same->alone = std::move(pair.alone);
        } else if (pair.targets.size() >= min_vital_) {
          repaired_sets.push_back(std::move(set));
          added.push_back({&repaired_sets.back(), {}, std::move(pair.targets), std::move(pair.alone)});
        }
      }
      kept.insert(kept.end(), std::make_move_iterator(added.begin()), std::make_move_iterator(added.end()));
      findings.resize(kept.size());
      found.resize(kept.size(), 0);
    }
    std::vector<std::size_t> larger;
    for (std::size_t i = 0; i < kept.size(); ++i)
      if (kept[i].set->size() > 1) larger.push_back(i);
    // With likelihoods from simulation, a set of two or more takes how often
    // its assets failed together in the same runs (one more simulation that
    // watches every such set): joint[i] for kept[i].
    std::vector<std::optional<std::uint64_t>> joint(kept.size());
    if (context.simulated) {
      std::vector<std::vector<model::AssetIndex>> sets;
      std::vector<std::size_t> of_kept;
      for (std::size_t i = 0; i < kept.size(); ++i)
        if (kept[i].set->size() > 1) {
          sets.push_back(*kept[i].set);
          of_kept.push_back(i);
        }
      const auto counts =
          simulate_joint_failures_for(context.model, context.graph, *context.simulated, sets, context.threads,
                                      context.progress, "single-point: joint failures");
      for (std::size_t k = 0; k < counts.size(); ++k) joint[of_kept[k]] = counts[k];
    }

    // The assets with an entry of their own as a single point, and the
    // value of each criterion of their own cascades where a larger set holds one.
    std::vector<bool> single_points(context.graph.asset_count(), false);
    for (const auto i : singles)
      if (found[i]) single_points[kept[i].set->front()] = true;
    std::vector<model::AssetIndex> held;
    for (const auto i : larger)
      for (const auto a : *kept[i].set)
        if (single_points[a]) held.push_back(a);
    std::sort(held.begin(), held.end());
    held.erase(std::unique(held.begin(), held.end()), held.end());
    std::vector<std::vector<double>> own_values(held.size());
    engine::ProgressCounter cascade_progress(context.progress, "single-point: cascades", larger.size());
    engine::parallel_for(held.size(), context.threads, [&](std::size_t k) {
      const engine::Seed seed{held[k], 0};
      own_values[k] = context.impact.criterion_values({&seed, 1});
    });
    engine::parallel_for(larger.size(), context.threads, [&](std::size_t k) {
      const auto i = larger[k];
      // What the set's single points count in their own entries (the
      // baseline is per criterion the largest of their values).
      std::optional<CountedElsewhere> elsewhere;
      for (const auto a : *kept[i].set) {
        if (!single_points[a]) continue;
        const auto& values = own_values[static_cast<std::size_t>(
            std::lower_bound(held.begin(), held.end(), a) - held.begin())];
        if (!elsewhere) elsewhere.emplace();
        elsewhere->members.push_back({context.model.assets[a].id, values});
      }
      found[i] = finding_for(kept[i], joint[i], elsewhere ? &*elsewhere : nullptr, context,
                             measures, findings[i])
                     ? 1
                     : 0;
      if (found[i] && elsewhere)
        findings[i].evidence.push_back(member_single_point_evidence(*elsewhere));
      cascade_progress.advance();
    });
    model::keep_flagged(findings, found);  // in place: a region has tens of thousands
    return findings;
  }

 private:
  /// A cut set and the vital assets it takes down.
  struct CutSetHits {
    const std::vector<model::AssetIndex>* set;
    std::vector<model::AssetIndex> targets;  ///< it is a minimal cut set of each (without repairs), ascending
    /// A pair only: the vital assets it takes down together only when
    /// repairs are counted (repaired_pairs.hpp), ascending, and the members
    /// that take them down alone without repairs.
    std::vector<model::AssetIndex> repaired_targets;
    std::vector<model::AssetIndex> alone;
  };

  /// The finding of `entry` into `finding` (`joint_failed_runs`: the
  /// simulation's count for the set, if any); false (nothing to report) when
  /// its own cascade, restoration included, takes down fewer than min_vital
  /// (at least one) of its targets: the repairs of the model keep them in
  /// service, and a knelpunt entry that takes down no vital asset cannot be
  /// defended. With `restored`, the targets its cascade keeps up (ascending).
  bool finding_for(const CutSetHits& entry, std::optional<std::uint64_t> joint_failed_runs,
                   const CountedElsewhere* elsewhere, const AssessmentContext& context,
                   const StructuralMeasures& measures, Finding& finding,
                   std::vector<model::AssetIndex>* restored = nullptr) const {
    const auto& set = *entry.set;
    finding.assessor = std::string(name());
    finding.kind = set.size() == 1 ? "spof" : "common-cause";
    std::vector<std::string> labels;
    std::vector<engine::Seed> seeds;
    for (auto a : set) {
      finding.assets.push_back(context.model.assets[a].id);
      labels.push_back(asset_label(context.model.assets[a]));
      seeds.push_back({a, 0});
    }
    std::sort(finding.assets.begin(), finding.assets.end());
    // The vital assets named are those that fail in this entry's own cascade
    // (restoration included), so the title, the description and `affected`
    // tell one story. A vital asset the cut set reaches only without
    // restoration (its buffer outlasts the repair) is named as such.
    const bool brief = context.in_brief && set.size() > 1;
    auto outcome = context.impact.outcome(seeds, brief ? OutcomeDetail::brief : OutcomeDetail::full, elsewhere);
    std::vector<std::string> hit_ids, restored_ids, repaired_ids;
    for (auto t : entry.targets) {
      const auto& id = context.model.assets[t].id;
      // `failed` holds the cut set's own assets too (they fail at 0).
      const bool fails = std::binary_search(outcome.failed.begin(), outcome.failed.end(), t);
      (fails ? hit_ids : restored_ids).push_back(id);
      if (!fails && restored) restored->push_back(t);
    }
    for (auto t : entry.repaired_targets)
      if (std::binary_search(outcome.failed.begin(), outcome.failed.end(), t))
        repaired_ids.push_back(context.model.assets[t].id);
    const std::size_t named = hit_ids.size() + repaired_ids.size();
    if (named < std::max<std::size_t>(min_vital_, 1)) return false;
    // The horizon of this cascade: a vital process may lengthen it (profile `horizons:`).
    const LocalText horizon = local_hours(context.impact.horizon_of(seeds));
    const LocalText vital = counted(named, Phrase::vital_assets_one, Phrase::vital_assets_many);
    // Say each thing once: the title and description give the count, the
    // evidence names the vital assets (at most kNamed; all of them are in
    // the entry's affected assets).
    const bool one = named == 1;
    if (set.size() == 1) {
      finding.title = local_text(Phrase::spof_title, labels[0], vital);
      finding.description =
          local_text(one ? Phrase::spof_description_one : Phrase::spof_description_many, labels[0],
                     horizon, vital);
    } else {
      // Two assets: a critical pair; three: a critical combination (max_order 3).
      const Phrase title = set.size() == 2 ? Phrase::critical_pair_title : Phrase::critical_combination_title;
      finding.title = local_text(title, listed(labels), vital);
      finding.description = local_text(
          one ? Phrase::critical_pair_description_one : Phrase::critical_pair_description_many,
          horizon, vital);
    }
    if (!hit_ids.empty())
      finding.evidence.push_back(local_text(Phrase::cut_set_evidence, set.size(),
                                            counted(hit_ids.size(), Phrase::vital_assets_one, Phrase::vital_assets_many),
                                            bounded_id_list(hit_ids, kNamed)));
    if (!repaired_ids.empty()) {
      const LocalText vital_repaired =
          counted(repaired_ids.size(), Phrase::vital_assets_one, Phrase::vital_assets_many);
      finding.evidence.push_back(
          entry.alone.size() == 1
              ? local_text(Phrase::repaired_pair_evidence, vital_repaired, bounded_id_list(repaired_ids, kNamed),
                           context.model.assets[entry.alone.front()].id)
              : local_text(Phrase::repaired_pair_evidence_either, vital_repaired,
                           bounded_id_list(repaired_ids, kNamed)));
    }
    if (!restored_ids.empty())
      finding.evidence.push_back(
          local_text(Phrase::restored_in_time, bounded_id_list(restored_ids, kNamed), horizon));
    take_cascade(finding, std::move(outcome));
    finding.brief = brief;
    if (elsewhere) finding.counted_elsewhere = *elsewhere;  // detail() writes its basis texts from it
    finding.likelihood = structural_likelihood(set, context, joint_failed_runs);
    finding.measures = measures.of(set);
    return true;
  }

  /// The evidence of a finding given in brief: its cut set's cascade, in full.
  void detail(Finding& finding, const AssessmentContext& context) const override {
    std::vector<engine::Seed> seeds;
    for (const auto& id : finding.assets)
      if (const auto index = context.model.find(id)) seeds.push_back({static_cast<model::AssetIndex>(*index), 0});
    std::sort(seeds.begin(), seeds.end(), [](const auto& a, const auto& b) { return a.asset < b.asset; });
    // With the baseline the brief run counted beyond (decision 046), so that
    // each basis says what the set adds to its single points.
    const auto* elsewhere = finding.counted_elsewhere ? &*finding.counted_elsewhere : nullptr;
    auto outcome = context.impact.outcome(seeds, OutcomeDetail::full, elsewhere);
    // The estimates' basis texts, by criterion (the classes are the brief
    // ones'); an analyst's class (tracking) keeps its own text.
    auto impact = std::move(finding.impact);
    for (auto& criterion : impact) {
      if (criterion.source != ImpactSource::estimate) continue;
      const auto full = std::find_if(outcome.impact.begin(), outcome.impact.end(),
                                     [&](const auto& c) { return c.criterion == criterion.criterion; });
      if (full != outcome.impact.end()) criterion.basis = std::move(full->basis);
    }
    take_cascade(finding, std::move(outcome));
    finding.impact = std::move(impact);
    finding.brief = false;
  }

  /// The evidence of a set counted beyond its single points (decision 046):
  /// what its impact subtracts and which entries count that.
  static LocalText member_single_point_evidence(const CountedElsewhere& elsewhere) {
    if (elsewhere.members.size() == 1)
      return local_text(Phrase::member_single_point_one, elsewhere.members.front().id);
    return local_text(Phrase::member_single_point_many, listed(elsewhere.ids()));
  }

  /// Each asset's own cascade horizon (its process's, profile `horizons:`, else the assessor's), by index.
  static std::vector<model::Hours> asset_horizons(const AssessmentContext& context) {
    std::vector<model::Hours> horizons(context.graph.asset_count());
    for (model::AssetIndex a = 0; a < context.graph.asset_count(); ++a) {
      const engine::Seed seed{a, 0};
      horizons[a] = context.impact.horizon_of({&seed, 1});
    }
    return horizons;
  }

  /// The horizons a cascade of the assessment can have: the assessor's
  /// first, then the other ones of `own` ascending. A set's horizon is one
  /// of them: the longest of its assets' (cascade_horizon).
  static std::vector<model::Hours> distinct_horizons(model::Hours assessor, const std::vector<model::Hours>& own) {
    std::vector<model::Hours> others;
    for (const auto horizon : own)
      if (horizon != assessor && std::find(others.begin(), others.end(), horizon) == others.end())
        others.push_back(horizon);
    std::sort(others.begin(), others.end());
    std::vector<model::Hours> horizons{assessor};
    horizons.insert(horizons.end(), others.begin(), others.end());
    return horizons;
  }

  /// The `targets` (ascending) that depend, directly or through others, on
  /// an asset whose own horizon is `horizon`, or are one; ascending.
  static std::vector<model::AssetIndex> downstream_of(const model::DependencyGraph& graph,
                                                      const std::vector<model::Hours>& own, model::Hours horizon,
                                                      const std::vector<model::AssetIndex>& targets) {
    std::vector<bool> reached(graph.asset_count(), false);
    std::vector<model::AssetIndex> stack;
    for (model::AssetIndex a = 0; a < graph.asset_count(); ++a)
      if (own[a] == horizon) {
        reached[a] = true;
        stack.push_back(a);
      }
    while (!stack.empty()) {
      const auto a = stack.back();
      stack.pop_back();
      for (const auto g : graph.groups_supplied_by(a)) {
        const auto dependent = graph.group(g).asset;
        if (!reached[dependent]) {
          reached[dependent] = true;
          stack.push_back(dependent);
        }
      }
    }
    std::vector<model::AssetIndex> result;
    for (const auto t : targets)
      if (reached[t]) result.push_back(t);
    return result;
  }

  /// Vital assets a text names at most; the rest it counts.
  static constexpr std::size_t kNamed = 25;

  std::uint32_t max_order_ = 2;
  std::size_t min_vital_ = 1;
  bool repaired_pairs_ = false;
};

}  // namespace

std::unique_ptr<Assessor> make_single_point_assessor() { return std::make_unique<SinglePointAssessor>(); }

}  // namespace knelpunt::assessors
