#pragma once
/// A fingerprint of a dependency graph, so that partial results computed on
/// different machines (`--shard I/N`) are only merged when they were computed
/// on the same model.

#include <span>
#include <string>

#include "model/dependency_graph.hpp"

namespace knelpunt::model {

/// 16 hex digits of FNV-1a (64 bit) over the ids, virtual flags, groups
/// (asset, need, time_to_impact, suppliers; their kind, grounding and buffer
/// mode too when the model has a same-kind cycle, an own buffer or a kind
/// that is not grounded) and `extra` values (e.g. the
/// impact bases). Groups and suppliers are hashed in a canonical (sorted)
/// order, so reordering an asset's `needs` or a `from:` list keeps the digest.
/// Not cryptographic: it guards against mistakes, not attacks.
std::string graph_digest(const DependencyGraph& graph, std::span<const double> extra = {});

}  // namespace knelpunt::model
