#pragma once
/// Keeping the cached KEV and EPSS feeds current, and reading them back.
///
/// `update_feed` is what `knelpunt catalog fetch` does: read the cached
/// copy's metadata, ask the server for the feed conditionally (ETag,
/// Last-Modified), retry transient failures with back-off, check a new body
/// with the feed's parser, and only then replace the cached copy. Any failure
/// leaves the cached copy exactly as it was.
///
/// `load_cached_kev` and `load_cached_epss` are what assessments use: they
/// never touch the network; a missing or unusable copy is a warning, not an error.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalogs/epss_scores.hpp"
#include "catalogs/feed_cache.hpp"
#include "catalogs/http_fetcher.hpp"
#include "catalogs/kev_catalog.hpp"
#include "catalogs/retry_policy.hpp"
#include "model/diagnostic.hpp"

namespace knelpunt::catalogs {

enum class FeedKind { kev, epss };

/// "kev" → kev, "epss" → epss; nothing for any other name.
std::optional<FeedKind> feed_kind_named(std::string_view name);
/// "kev" or "epss".
std::string_view feed_name(FeedKind feed);
/// The payload's file name in the cache: "kev.json" or "epss.csv.gz".
std::string_view feed_payload_file(FeedKind feed);
/// Where the feed is published (docs/feeds.md).
std::string_view default_feed_url(FeedKind feed);
/// What FeedMetadata::feed_version is called in the feed: "catalogVersion" or "model_version".
std::string_view feed_version_label(FeedKind feed);
/// What FeedMetadata::feed_date is called in the feed: "dateReleased" or "score_date".
std::string_view feed_date_label(FeedKind feed);

struct FeedUpdateOptions {
  FeedKind feed = FeedKind::kev;
  /// Empty: default_feed_url(feed).
  std::string url;
  std::filesystem::path cache_dir;
  /// Report the cached copy without touching the network.
  bool offline = false;
  /// Limits, timeouts and progress hook of each attempt; its url and
  /// conditional fields are set by update_feed.
  HttpRequest transport;
  RetryPolicy retry;
  /// The time recorded as fetched_at and ages are measured from.
  std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
};

enum class FeedUpdateStatus {
  updated,         ///< a new copy was downloaded, checked and cached
  not_modified,    ///< the server confirmed the cached copy is current (304)
  offline_cached,  ///< --offline: the cached copy was reported
  failed,          ///< nothing changed in the cache; see FeedUpdateResult::failure
};

enum class FeedFailure {
  none,
  refused_url,       ///< the URL is malformed or not allowed (plain http to a remote host)
  network,           ///< no usable response (after retries where they make sense), or a refused redirect
  invalid_download,  ///< the server's answer is not a valid feed (or a 304 with nothing cached)
  no_cache,          ///< --offline and no usable cached copy
  cache_write,       ///< the new copy could not be stored
};

struct FeedUpdateResult {
  FeedUpdateStatus status = FeedUpdateStatus::failed;
  FeedFailure failure = FeedFailure::none;
  /// When failed: what went wrong and what was expected.
  std::string error;
  /// The copy now in the cache (unset fields when failed and nothing is cached).
  FeedMetadata metadata;
  std::filesystem::path payload_path;
  /// Since the server last confirmed the cached copy: zero after updated or
  /// not_modified; unknown when fetched_at is unreadable.
  std::optional<std::chrono::seconds> age;
  /// Download attempts made (0 offline).
  int attempts = 0;
  std::string url;
  /// Problems that did not stop the update, e.g. an inconsistent cached copy that was replaced.
  std::vector<model::Diagnostic> warnings;
};

/// Brings the cached copy of `options.feed` up to date as described above.
FeedUpdateResult update_feed(HttpFetcher& fetcher, const FeedUpdateOptions& options);

/// `request` up to `policy.max_attempts` times while the failure is
/// transient (is_transient), waiting backoff_before(policy, n) before attempt
/// n. `attempts` receives the number made.
HttpResult get_with_retries(HttpFetcher& fetcher, const HttpRequest& request, const RetryPolicy& policy,
                            int& attempts);

/// A feed read from the cache. `feed` is set when a usable copy was found;
/// otherwise `warnings` say why not (no copy, inconsistent copy, invalid payload).
template <class Feed>
struct CachedFeed {
  std::optional<Feed> feed;
  FeedMetadata metadata;
  /// Since fetched_at, at the `now` given; unknown when fetched_at is unreadable.
  std::optional<std::chrono::seconds> age;
  std::vector<model::Diagnostic> warnings;
};

/// The cached KEV catalogue in `cache_dir`. Never touches the network.
CachedFeed<KevCatalog> load_cached_kev(const std::filesystem::path& cache_dir,
                                       std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

/// The cached EPSS scores in `cache_dir`. Never touches the network.
CachedFeed<EpssScores> load_cached_epss(const std::filesystem::path& cache_dir,
                                        std::chrono::system_clock::time_point now = std::chrono::system_clock::now());

}  // namespace knelpunt::catalogs
