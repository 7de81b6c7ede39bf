#pragma once
/// The likelihood of an entry that several analyses found (docs/register.md,
/// "One entry per knelpunt"): the highest of theirs governs, and the others
/// are listed after it with their rationale, so the board sees every threat
/// and which one sets the level.

#include <vector>

#include "assessors/finding.hpp"

namespace knelpunt::risk_register {

/// The governing likelihood of `parts` (at least one): the first of the
/// highest class, with a rationale "bepalend <analysis> <class>: <why>;
/// verder <analysis> <class>: <why>; …" in both languages. Parts that give
/// the same class for the same reason (single point and reach both use the
/// asset's own failure probability) are named together, once.
assessors::Likelihood governing_likelihood(const std::vector<const assessors::Finding*>& parts);

/// The part whose likelihood governs: the first of the highest class.
const assessors::Finding& governing_part(const std::vector<const assessors::Finding*>& parts);

}  // namespace knelpunt::risk_register
