#pragma once
/// The on-disk cache of downloaded feeds. Per feed it holds the payload
/// exactly as downloaded (`kev.json`, `epss.csv.gz`) and its metadata
/// (`kev.meta.json`): where and when it was fetched, the validators for the
/// next conditional request, the payload's size and CRC-32, the entry count
/// and the feed's own version and date. docs/feeds.md describes the layout.
///
/// Replacement is atomic per file and ordered so that a crash never pairs a
/// payload with metadata that is not its own: each file is written by the
/// one safe output writer (model/output_file.hpp: an unpredictable temporary
/// name created O_EXCL|O_NOFOLLOW, fsync, rename; symbolic links and
/// non-regular targets refused), the payload first and the metadata after
/// it. A crash or a failure between the two leaves a new payload with old
/// metadata; the size and CRC-32 in the metadata then disagree with the
/// payload and `inspect` reports the copy as unusable, so it is downloaded
/// again in full.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "model/diagnostic.hpp"

namespace knelpunt::catalogs {

/// What `<feed>.meta.json` records about one cached payload.
struct FeedMetadata {
  std::string feed;           ///< "kev" or "epss"
  std::string url;            ///< the URL requested (before redirects)
  std::string etag;           ///< the ETag of the response, verbatim; may be empty
  std::string last_modified;  ///< the Last-Modified of the response, verbatim; may be empty
  std::string fetched_at;     ///< when the server last confirmed the copy, "2026-11-20T08:15:00Z"
  std::uint64_t size = 0;     ///< payload bytes
  std::uint32_t crc32 = 0;    ///< zlib CRC-32 of the payload, to detect a mismatched pair
  std::uint64_t entries = 0;  ///< vulnerabilities (KEV) or scored CVEs (EPSS)
  std::string feed_version;   ///< catalogVersion (KEV) or model_version (EPSS)
  std::string feed_date;      ///< dateReleased (KEV) or score_date (EPSS)
};

/// What the cache holds for one feed. `metadata` is set only when the
/// metadata is readable and matches the payload; `warning` says why a copy
/// that is present is unusable. Neither is set when there is no copy at all.
struct CachedCopy {
  std::optional<FeedMetadata> metadata;
  std::optional<model::Diagnostic> warning;
  std::filesystem::path payload_path;
  std::filesystem::path metadata_path;
};

class FeedCache {
 public:
  /// A cache in `directory`, which need not exist until something is stored.
  explicit FeedCache(std::filesystem::path directory);

  const std::filesystem::path& directory() const { return directory_; }

  /// Reads and checks the copy of `feed` whose payload file is `payload_file`.
  /// When `payload` is given and the copy is usable, it receives the payload bytes.
  CachedCopy inspect(std::string_view feed, std::string_view payload_file, std::string* payload = nullptr) const;

  /// Replaces payload and metadata of `feed` as described above, creating the
  /// directory when needed; sets `metadata.size` and `metadata.crc32` from
  /// `payload`. Returns an error message (what failed and what was expected),
  /// empty on success. On failure the previous copy is left as it was.
  std::string store(std::string_view feed, std::string_view payload_file, std::string_view payload,
                    FeedMetadata& metadata) const;

  /// Replaces only the metadata of `feed` (after a 304 Not Modified), atomically.
  /// Returns an error message, empty on success.
  std::string store_metadata(std::string_view feed, const FeedMetadata& metadata) const;

 private:
  std::filesystem::path directory_;
};

/// `$XDG_CACHE_HOME/knelpunt` when XDG_CACHE_HOME is an absolute path, else
/// `$HOME/.cache/knelpunt`; empty when neither variable is usable.
std::filesystem::path default_cache_dir();

/// `time` in UTC as ISO 8601 to the second: "2026-11-20T08:15:00Z".
std::string utc_timestamp(std::chrono::system_clock::time_point time);

/// The inverse of utc_timestamp; nothing when `text` is not in that form.
std::optional<std::chrono::system_clock::time_point> parse_utc_timestamp(std::string_view text);

}  // namespace knelpunt::catalogs
