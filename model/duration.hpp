#pragma once
/// Durations of the model format, in hours.

#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace knelpunt::model {

/// Hours; `kNever` (infinity) stands for "does not happen" and for `--horizon inf`.
using Hours = double;
inline constexpr Hours kNever = std::numeric_limits<double>::infinity();

/// Parses `0`, `90m`, `4h`, `3d`, `2w`, `30s`, decimals (`1.5h`) and ISO 8601
/// durations (`PT4H`, `P1DT2H30M`, `P2W`). Returns nothing for anything else,
/// including negative values. With `allow_infinite`, `inf` gives `kNever`.
std::optional<Hours> parse_duration(std::string_view text, bool allow_infinite = false);

/// Formats hours compactly for people: `0h`, `72h`, `1h30m`, `20m` for whole
/// minutes, else decimal hours (`0.0042h`); `inf` for kNever.
std::string format_hours(Hours hours);

}  // namespace knelpunt::model
