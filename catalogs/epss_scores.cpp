#include "catalogs/epss_scores.hpp"

#include <algorithm>
#include <charconv>
#include <cctype>
#include <memory>

#include <zlib.h>

#include "model/text_trim.hpp"

namespace knelpunt::catalogs {

namespace {

bool is_gzip(std::string_view body) {
  return body.size() >= 2 && static_cast<unsigned char>(body[0]) == 0x1f && static_cast<unsigned char>(body[1]) == 0x8b;
}

/// Inflates every gzip member of `compressed` into `out`; an error message, or empty on success.
std::string gunzip(std::string_view compressed, std::uint64_t max_bytes, std::string& out) {
  if (compressed.size() > std::numeric_limits<uInt>::max())
    return "the EPSS download is too large to decompress in one piece; expected a feed below 4 GiB";
  z_stream stream{};
  // 16 + MAX_WBITS: a gzip wrapper (header and CRC-32 trailer), not raw zlib.
  if (inflateInit2(&stream, 16 + MAX_WBITS) != Z_OK) return "zlib could not be initialised; expected enough memory";
  std::unique_ptr<z_stream, decltype(&inflateEnd)> guard(&stream, &inflateEnd);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  std::string chunk(256 * 1024, '\0');
  for (;;) {
    stream.next_out = reinterpret_cast<Bytef*>(chunk.data());
    stream.avail_out = static_cast<uInt>(chunk.size());
    const int status = inflate(&stream, Z_NO_FLUSH);
    const std::size_t produced = chunk.size() - stream.avail_out;
    if (out.size() + produced > max_bytes)
      return "the EPSS feed inflates to more than " + std::to_string(max_bytes) +
             " bytes; expected a CSV of a few tens of megabytes";
    out.append(chunk.data(), produced);
    if (status == Z_STREAM_END) {
      // gzip allows several members back to back; anything else after a
      // member is refused: gzip(1) only warns about it, but a feed with bytes
      // its checksum does not cover is altered or corrupt (docs/feeds.md).
      const std::string_view rest(reinterpret_cast<const char*>(stream.next_in), stream.avail_in);
      if (rest.empty()) return {};
      if (!is_gzip(rest))
        return "the EPSS download has " + std::to_string(rest.size()) +
               " bytes of trailing data after its gzip stream; expected the .csv.gz to end with its gzip trailer";
      if (inflateReset(&stream) != Z_OK) return "zlib could not continue with the next gzip member";
      continue;
    }
    if (status == Z_OK) continue;
    if (status == Z_BUF_ERROR && stream.avail_in == 0)
      return "the EPSS download ends in the middle of its gzip data; expected a complete .csv.gz (a truncated "
             "download?)";
    return std::string("the EPSS download is not valid gzip data (") + (stream.msg ? stream.msg : "zlib error") +
           "); expected the .csv.gz FIRST publishes";
  }
}

/// A line without its blanks and a DOS line end.
std::string_view trimmed_line(std::string_view line) { return model::trimmed(line, " \t\r"); }

/// Reads `#key:value,key:value`; a value may itself contain ':' (timestamps).
void read_comment(std::string_view line, EpssScores& scores) {
  line.remove_prefix(1);
  while (!line.empty()) {
    const auto comma = line.find(',');
    const std::string_view pair = line.substr(0, comma);
    const auto colon = pair.find(':');
    if (colon != std::string_view::npos) {
      const auto key = trimmed_line(pair.substr(0, colon));
      const auto value = trimmed_line(pair.substr(colon + 1));
      if (key == "model_version") scores.model_version = std::string(value);
      if (key == "score_date") scores.score_date = std::string(value);
    }
    if (comma == std::string_view::npos) break;
    line.remove_prefix(comma + 1);
  }
}

std::optional<float> probability(std::string_view text) {
  float value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  if (!(value >= 0.0f && value <= 1.0f)) return std::nullopt;  // also rejects NaN
  return value;
}

}  // namespace

std::optional<std::uint64_t> EpssScores::key_of(std::string_view cve_id) {
  if (cve_id.size() < 13) return std::nullopt;
  for (std::size_t i = 0; i < 3; ++i)
    if (std::toupper(static_cast<unsigned char>(cve_id[i])) != "CVE"[i]) return std::nullopt;
  if (cve_id[3] != '-' || cve_id[8] != '-') return std::nullopt;
  const auto digits = [](std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  const std::string_view year_text = cve_id.substr(4, 4);
  const std::string_view number_text = cve_id.substr(9);
  if (!digits(year_text) || !digits(number_text) || number_text.size() < 4 || number_text.size() > 12)
    return std::nullopt;
  std::uint64_t year = 0, number = 0;
  std::from_chars(year_text.data(), year_text.data() + year_text.size(), year);
  std::from_chars(number_text.data(), number_text.data() + number_text.size(), number);
  return year * 1'000'000'000'000ull + number;
}

std::optional<EpssScore> EpssScores::lookup(std::string_view cve_id) const {
  const auto key = key_of(cve_id);
  if (!key) return std::nullopt;
  const auto it = std::lower_bound(rows_.begin(), rows_.end(), *key,
                                   [](const Row& row, std::uint64_t wanted) { return row.key < wanted; });
  if (it == rows_.end() || it->key != *key) return std::nullopt;
  return EpssScore{it->epss, it->percentile};
}

EpssParseResult parse_epss_scores(std::string_view body, std::uint64_t max_uncompressed_bytes) {
  auto failure = [](std::string message) { return EpssParseResult{std::nullopt, std::move(message)}; };
  std::string inflated;
  std::string_view text = body;
  if (is_gzip(body)) {
    if (auto error = gunzip(body, max_uncompressed_bytes, inflated); !error.empty()) return failure(std::move(error));
    text = inflated;
  }

  EpssScores scores;
  auto& rows = scores.rows_;
  // No reserve from the line count: blank lines would reserve a row each
  // (docs/security.md); the vector grows with the rows actually read.
  bool header_seen = false;
  std::size_t line_number = 0;
  while (!text.empty()) {
    const auto newline = text.find('\n');
    const std::string_view line = trimmed_line(text.substr(0, newline));
    text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
    ++line_number;
    const std::string where = "EPSS line " + std::to_string(line_number);
    if (line.empty()) continue;
    if (!header_seen) {
      if (line.front() == '#') {
        read_comment(line, scores);
        continue;
      }
      if (line != "cve,epss,percentile")
        return failure(where + " is '" + std::string(line.substr(0, 60)) +
                       "'; expected the header 'cve,epss,percentile' (is this an EPSS scores file?)");
      header_seen = true;
      continue;
    }
    const auto first_comma = line.find(',');
    const auto second_comma = first_comma == std::string_view::npos ? first_comma : line.find(',', first_comma + 1);
    if (second_comma == std::string_view::npos || line.find(',', second_comma + 1) != std::string_view::npos)
      return failure(where + " has " + std::to_string(std::count(line.begin(), line.end(), ',') + 1) +
                     " fields; expected three: cve,epss,percentile");
    const auto cve = line.substr(0, first_comma);
    const auto key = EpssScores::key_of(cve);
    if (!key || cve.substr(0, 3) != "CVE")
      return failure(where + ": '" + std::string(cve.substr(0, 40)) + "' is not a CVE id; expected CVE-YYYY-NNNN");
    const auto epss_text = line.substr(first_comma + 1, second_comma - first_comma - 1);
    const auto percentile_text = line.substr(second_comma + 1);
    const auto epss = probability(epss_text);
    const auto percentile = probability(percentile_text);
    if (!epss || !percentile)
      return failure(where + " (" + std::string(cve) + "): '" + std::string(!epss ? epss_text : percentile_text) +
                     "' is not a probability; expected a number between 0 and 1");
    rows.push_back(EpssScores::Row{*key, *epss, *percentile});
  }
  if (!header_seen) return failure("the EPSS feed has no header line; expected 'cve,epss,percentile' and rows");
  if (rows.empty()) return failure("the EPSS feed has a header but no rows; expected one row per scored CVE");

  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.key < b.key; });
  const auto duplicate =
      std::adjacent_find(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.key == b.key; });
  if (duplicate != rows.end()) {
    const std::uint64_t year = duplicate->key / 1'000'000'000'000ull;
    const std::uint64_t number = duplicate->key % 1'000'000'000'000ull;
    std::string sequence = std::to_string(number);
    if (sequence.size() < 4) sequence.insert(0, 4 - sequence.size(), '0');
    return failure("the EPSS feed scores CVE-" + std::to_string(year) + "-" + sequence +
                   " more than once; expected one row per CVE");
  }
  rows.shrink_to_fit();
  return EpssParseResult{std::move(scores), {}};
}

}  // namespace knelpunt::catalogs
