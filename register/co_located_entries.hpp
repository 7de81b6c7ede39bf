#pragma once
/// One register entry per local event (decision 054). geographic reports a
/// co-located redundancy per dependent group: when one local event (a zone,
/// a radius) takes down the same suppliers of several assets — the
/// hospital, its general practice and its patient records all fed by the
/// same substation and generator on one site — each got an entry with the
/// same cascade, impact and likelihood. Here they become one entry about
/// the event, naming every asset whose redundancy it defeats.
///
/// When the event takes down exactly the assets of a critical pair (or
/// combination) of single-point, the pair and the event are one knelpunt:
/// two threats, independent failures and one local event, to the same
/// assets, with one cascade. The events then join the pair's entry
/// (decision 056, merge_pair_and_local_events).

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "assessors/finding.hpp"
#include "model/model.hpp"

namespace knelpunt::risk_register {

/// The key of the event a co-located finding is about (its threat, what
/// the event takes down, where), or nothing for any other finding. Findings
/// with the same key have the same cascade.
std::optional<std::string> local_event_key(const assessors::Finding& finding);

/// One finding from co-located findings with the same event key (at least
/// two, in the order they stood): the first one's cascade, impact and
/// likelihood; the union of the assets and measures; a title naming the
/// event and every dependent; each part's title as an evidence line
/// (`headlines` gets their indices), then the parts' other evidence once.
assessors::Finding merge_co_located(const model::Model& model,
                                    const std::vector<const assessors::Finding*>& parts,
                                    std::vector<std::size_t>& headlines);

/// One finding for a critical pair (`common-cause`) and the co-located
/// findings whose local event takes down exactly its assets (at least one,
/// in the order they stood), decision 056:
/// - identity, cascade and impact: the pair's (its cascade is the event's,
///   and a pair that holds a single point counts what it adds, decision
///   046); a pair given in brief stays in brief and is detailed as a pair;
/// - likelihood: the highest of the pair's and the events' governs, the
///   others listed (governing_likelihood);
/// - title: the pair's, and where the event strikes ("…; op één plek: zone
///   compartiment-noord");
/// - evidence: the pair's, then each event's title and evidence once;
///   `headlines` gets the pair's first key lines and the events' titles;
/// - `concerns`: the assets whose redundancy the events defeat; measures
///   united.
assessors::Finding merge_pair_and_local_events(const assessors::Finding& pair,
                                               const std::vector<const assessors::Finding*>& events,
                                               std::vector<std::size_t>& headlines);

}  // namespace knelpunt::risk_register
