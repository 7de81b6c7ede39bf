#pragma once
/// One register entry per local event (decision 054). geographic reports a
/// co-located redundancy per dependent group: when one local event (a zone,
/// a radius) takes down the same suppliers of several assets — the
/// hospital, its general practice and its patient records all fed by the
/// same substation and generator on one site — each got an entry with the
/// same cascade, impact and likelihood. Here they become one entry about
/// the event, naming every asset whose redundancy it defeats.

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

}  // namespace knelpunt::risk_register
