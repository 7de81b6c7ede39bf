#pragma once
/// Which entries a register lists (docs/register.md, decision 020). At region
/// scale the analyses find tens of thousands of knelpunten (every critical
/// pair of every vital asset); nobody reviews that. The profile's `register:`
/// section sets the lowest level listed and the most entries; what is left
/// out is counted per sector and level in the register, so the board sees
/// that it exists, and `assess --knelpunten-csv` gives every asset's figures.

#include <cstddef>
#include <vector>

#include "register/risk.hpp"

namespace knelpunt::risk_register {

struct RegisterSelection {
  int min_level = 0;             ///< index into the diagram's levels
  std::size_t max_entries = 300;  ///< at least 1
};

/// Keeps in `reg.risks` (already in register order) the entries it lists and
/// returns the others, in register order; sets `reg.listing`. Listed are:
/// every scenario and every entry with a tracking record (a decision people
/// made stays in view), then the other entries at or above `min_level` in
/// register order while fewer than `max_entries` are listed. Scenarios and
/// tracked entries are listed even beyond `max_entries`.
std::vector<Risk> select_entries(Register& reg, const RegisterSelection& selection);

}  // namespace knelpunt::risk_register
