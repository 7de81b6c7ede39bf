#include "model/suggest.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using namespace knelpunt::model;

namespace {

/// The full optimal-string-alignment table, as the hint's distance was
/// computed before it was bounded: the reference.
std::size_t full_table_distance(std::string_view a, std::string_view b) {
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1, 0));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= n; ++i)
    for (std::size_t j = 1; j <= m; ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[n][m];
}

}  // namespace

TEST_CASE("did-you-mean keeps its hints on ordinary typos") {
  const std::vector<std::string_view> kinds = {"power",   "water", "telecom",
                                               "control", "staff", "fuel"};
  CHECK(did_you_mean("pwoer", kinds) == " (did you mean 'power'?)");
  CHECK(did_you_mean("telcom", kinds) == " (did you mean 'telecom'?)");
  CHECK(did_you_mean("Power", kinds) == " (did you mean 'power'?)");
  CHECK(did_you_mean("xyz", kinds).empty());
  const std::vector<std::string_view> keys = {"time_to_impact", "depends_on"};
  CHECK(did_you_mean("time-to-impact", keys) == " (did you mean 'time_to_impact'?)");
  CHECK(did_you_mean("depend_on", keys) == " (did you mean 'depends_on'?)");
  // Ties go to the alphabetically first candidate.
  const std::vector<std::string_view> tie = {"net-b", "net-a"};
  CHECK(did_you_mean("net-c", tie) == " (did you mean 'net-a'?)");
}

TEST_CASE("the bounded distance agrees with the full table on random words") {
  std::mt19937 random(18);
  auto word = [&](std::size_t max_length) {
    std::string out(random() % (max_length + 1), 'a');
    for (char& c : out) c = static_cast<char>('a' + random() % 4);  // few letters: many near misses
    return out;
  };
  for (int round = 0; round < 3000; ++round) {
    const std::string a = word(12), b = word(12);
    const std::size_t reference = full_table_distance(a, b);
    CHECK(edit_distance(a, b) == reference);
    // A hint is given exactly when the reference distance is within the limit.
    const std::vector<std::string_view> one = {b};
    const bool hinted = !did_you_mean(a, one).empty();
    const bool equal_folded = a == b;
    CHECK(hinted == (a.size() <= 200 && (equal_folded || reference <= hint_distance_limit(a))));
  }
}

TEST_CASE("did-you-mean bounds its work: no hint for very long words") {
  // The work per hint is O(candidates * limit * length) with length <= 200:
  // a longer word gets no hint at all, whatever the candidates.
  const std::string long_word(201, 'a');
  const std::vector<std::string_view> candidates = {std::string_view(long_word).substr(0, 200)};
  CHECK(did_you_mean(long_word, candidates).empty());
  CHECK(did_you_mean(long_word.substr(0, 200), candidates) ==
        " (did you mean '" + long_word.substr(0, 200) + "'?)");
}
