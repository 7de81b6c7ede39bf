#pragma once
/// "Did you mean" hints for misspelt keys and ids. The work per hint is
/// bounded: words longer than 200 characters get none, candidates whose
/// length differs by more than the distance limit are skipped outright, and
/// the distance is computed only within that limit (a band of the table).

#include <span>
#include <string>
#include <string_view>

namespace knelpunt::model {

/// Edit distance (insertions, deletions, substitutions, transpositions).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The largest distance at which `word` gets a hint: a third of its length,
/// at least 1 and at most 3.
std::size_t hint_distance_limit(std::string_view word);

/// " (did you mean 'x'?)" for the closest candidate within
/// hint_distance_limit(word) (or equal once '-' and '_' and ASCII case are
/// treated alike), ties to the alphabetically first; else "".
std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace knelpunt::model
