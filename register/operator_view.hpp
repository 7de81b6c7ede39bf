#pragma once
/// A partner's view of the register (`assess --operator NAME`): only the
/// entries whose assets the partner operates, so the grid operator, the
/// water company or the hospital reviews its own share. The summary, the
/// diagram and `--fail-on` then count that share.

#include <string>
#include <vector>

#include "register/risk.hpp"

namespace knelpunt::risk_register {

/// Keeps the risks whose `operators` name one of `operators` (exact match),
/// in their order. Returns the names that no risk of `reg` names, sorted, so
/// that a typo is reported instead of giving an empty register.
std::vector<std::string> keep_operators(Register& reg, const std::vector<std::string>& operators);

}  // namespace knelpunt::risk_register
