#include "model/suggest.hpp"

#include <algorithm>
#include <vector>

namespace knelpunt::model {

namespace {

/// The longest word that gets a hint: typos are made in ids and keys, not in
/// paragraphs, and this bounds the work per message (docs/security.md).
constexpr std::size_t kMaxHintedWord = 200;

/// '-' and '_' alike, ASCII letters in lower case: "Power_Station" == "power-station".
bool equal_folded(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  auto fold = [](char c) {
    if (c == '-') return '_';
    if (c >= 'A' && c <= 'Z') return static_cast<char>(c - 'A' + 'a');
    return c;
  };
  for (std::size_t i = 0; i < a.size(); ++i)
    if (fold(a[i]) != fold(b[i])) return false;
  return true;
}

/// The edit distance of `a` and `b` when it is at most `limit`, else some
/// value above `limit`. Only the band |i - j| <= limit of the table is
/// computed, so the work is O(limit * length) rather than O(length^2).
std::size_t bounded_edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t n = a.size(), m = b.size();
  const std::size_t over = limit + 1;
  if ((n > m ? n - m : m - n) > limit) return over;
  // Three rows (i-2, i-1, i) of the optimal-string-alignment table.
  std::vector<std::size_t> before(m + 1, over), previous(m + 1, over), current(m + 1, over);
  for (std::size_t j = 0; j <= std::min(m, limit); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    std::fill(current.begin(), current.end(), over);
    const std::size_t from = i > limit ? i - limit : 0;
    const std::size_t to = std::min(m, i + limit);
    std::size_t row_min = over;
    if (from == 0) current[0] = i;
    for (std::size_t j = std::max<std::size_t>(1, from); j <= to; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d = std::min(d, before[j - 2] + 1);
      current[j] = std::min(d, over);
      row_min = std::min(row_min, current[j]);
    }
    if (from == 0) row_min = std::min(row_min, current[0]);
    if (row_min > limit) return over;  // every later row is at least this far
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[m], over);
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  return bounded_edit_distance(a, b, std::max(a.size(), b.size()));
}

std::size_t hint_distance_limit(std::string_view word) {
  return std::max<std::size_t>(1, std::min<std::size_t>(3, word.size() / 3));
}

std::string did_you_mean(std::string_view word, std::span<const std::string_view> candidates) {
  if (word.size() > kMaxHintedWord) return "";
  const std::size_t limit = hint_distance_limit(word);
  std::string_view best;
  bool found = false;
  std::size_t best_distance = limit + 1;
  for (auto candidate : candidates) {
    // A candidate whose length differs by more than the limit is never close
    // enough (nor equal once folded): skipped without any table.
    const std::size_t gap = word.size() > candidate.size() ? word.size() - candidate.size()
                                                           : candidate.size() - word.size();
    if (gap > limit) continue;
    const std::size_t distance =
        equal_folded(word, candidate) ? 0 : bounded_edit_distance(word, candidate, limit);
    if (distance < best_distance || (distance == best_distance && found && candidate < best)) {
      found = true;
      best = candidate;
      best_distance = distance;
    }
  }
  if (!found) return "";
  return " (did you mean '" + std::string(best) + "'?)";
}

}  // namespace knelpunt::model
