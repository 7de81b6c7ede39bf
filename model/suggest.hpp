#pragma once
/// "Did you mean" hints for misspelt keys and ids.

#include <span>
#include <string>
#include <string_view>

namespace knelpunt::model {

/// Edit distance (insertions, deletions, substitutions, transpositions).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// " (did you mean 'x'?)" for the closest candidate within a small distance
/// (or equal once '-' and '_' are treated alike), else "".
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace knelpunt::model
