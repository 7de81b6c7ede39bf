#pragma once
/// Stable, readable risk ids (docs/register.md): `KP-<KIND>-<hex>`, derived only
/// from a finding's identity — assessor, kind, sorted asset ids, scenario and
/// subject — so the same risk keeps its id across runs and unrelated model
/// edits (a changed time, population or score does not change it).

#include <string>
#include <vector>

#include "assessors/finding.hpp"

namespace knelpunt::risk_register {

/// The short kind code in the id: SPOF, CCP, REACH, GEO, ZONE, CYBER, CTRL, SCEN;
/// other kinds: their first letters, upper-cased.
std::string kind_code(std::string_view kind);

/// The identity text hashed into the id (fields joined by NUL): assessor,
/// kind, sorted assets, scenario, subject. A co-located redundancy with its
/// local event is identified by the event, whichever assets' redundancy it
/// defeats (decision 058): the event's assets in place of `assets` and its
/// threat and where it strikes (`threat: where.nl`, "flood: zone
/// compartiment-zuid") in place of `subject`, so its entry keeps its id when
/// a dependent joins or leaves it.
std::string identity_of(const assessors::Finding& finding);

/// True for a finding identified by its local event (decision 058): a
/// co-located redundancy whose event takes down at least one asset. The
/// register also gives such findings of one event one entry (co_located_entries.hpp).
bool identified_by_event(const assessors::Finding& finding);

/// `KP-<KIND>-` + the first `hex_digits` hex digits of the identity's 64-bit FNV-1a hash.
std::string risk_id(const assessors::Finding& finding, int hex_digits = 6);

/// The id a finding had before decision 058: from its `assets` and `subject`
/// even when it has a local event. A co-located entry lists its parts' such
/// ids in `replaces`, so tracking files and registers that name them still
/// find it. The same as risk_id for every finding without a local event.
std::string risk_id_by_assets(const assessors::Finding& finding);

/// Ids for all findings, in order. Where two different identities share an
/// id, those findings get 12 hex digits instead, so ids stay unique and still
/// depend only on the identities involved.
std::vector<std::string> assign_risk_ids(const std::vector<assessors::Finding>& findings);

}  // namespace knelpunt::risk_register
