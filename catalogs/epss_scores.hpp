#pragma once
/// FIRST's Exploit Prediction Scoring System scores (EPSS): the daily
/// gzip-compressed CSV read into a compact table keyed by CVE id. The feed has
/// some 300,000 rows, so the reader is a single pass over the text without a
/// general CSV or YAML parser, and a row takes 16 bytes.

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace knelpunt::catalogs {

struct EpssParseResult;

/// One CVE's scores. Both are probabilities in [0, 1], kept to float
/// precision (7 significant digits; the feed publishes 5).
struct EpssScore {
  double epss = 0;        ///< probability of exploitation activity in the next 30 days
  double percentile = 0;  ///< share of scored CVEs with an equal or lower score
};

/// A day's EPSS scores: the feed's own version and date, and the table.
class EpssScores {
 public:
  /// The model that produced the scores ("v2025.03.14"); empty when the
  /// feed's first line carried none.
  std::string model_version;
  /// The day the scores are for ("2025-03-20T00:00:00+0000"); empty when absent.
  std::string score_date;

  /// The scores of `cve_id` ("CVE-2018-13379"; the "CVE" prefix in any case),
  /// or nothing when the id is not scored or is not a CVE id.
  std::optional<EpssScore> lookup(std::string_view cve_id) const;
  /// The number of CVEs scored.
  std::size_t size() const { return rows_.size(); }

  /// A CVE id as a number that sorts like the id (year, then sequence
  /// number); nothing unless `cve_id` is CVE-YYYY-NNNN with 4 to 12 digits.
  static std::optional<std::uint64_t> key_of(std::string_view cve_id);

 private:
  friend EpssParseResult parse_epss_scores(std::string_view body, std::uint64_t max_uncompressed_bytes);
  struct Row {
    std::uint64_t key;
    float epss;
    float percentile;
  };
  std::vector<Row> rows_;  // sorted by key, keys unique
};

/// The scores, or why the body is not an EPSS feed (exactly one is set).
struct EpssParseResult {
  std::optional<EpssScores> scores;
  std::string error;  ///< what is wrong (with the line) and what was expected
};

/// Reads an EPSS feed as downloaded: gzip-compressed (any number of gzip
/// members) or, when it does not start with the gzip magic bytes, plain CSV.
/// Layout: an optional first line `#model_version:…,score_date:…`, the header
/// `cve,epss,percentile`, then one row per CVE. Rejected when the gzip data
/// is corrupt or cut short, it inflates beyond `max_uncompressed_bytes`, the
/// header is missing, there is no row, a row has other than three fields, an
/// id is not CVE-YYYY-NNNN…, a score is not a number in [0, 1], or an id
/// appears twice.
EpssParseResult parse_epss_scores(std::string_view body,
                                  std::uint64_t max_uncompressed_bytes = std::uint64_t{1} << 30);

}  // namespace knelpunt::catalogs
