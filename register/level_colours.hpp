#pragma once
/// The colours of the risk diagram's levels, for every output that colours
/// them (the HTML report's badges and diagram, the Excel register's level
/// cells): a sequential ramp from light to dark (ColorBrewer OrRd), told
/// apart by lightness, so also by readers with a colour-vision deficiency.
/// Every coloured cell names its level as well.

#include <cstddef>
#include <string_view>

namespace knelpunt::risk_register {

/// The fill of level `level` (lowest = 0) of a diagram with `levels` levels,
/// as "#rrggbb": spread over the ramp, so that the lowest is the lightest and
/// the highest the darkest. White for a level out of range.
std::string_view level_fill(int level, std::size_t levels);

/// The text colour on that fill: dark on the light fills, white on the two darkest.
std::string_view level_ink(int level, std::size_t levels);

}  // namespace knelpunt::risk_register
