#include "catalogs/feed_update.hpp"

#include <thread>

namespace knelpunt::catalogs {

namespace {

/// A warning about a cache file. Built field by field: GCC 12 at -O3 reports a
/// false "may be used uninitialized" for the aggregate form (decision 006).
model::Diagnostic cache_warning(const std::filesystem::path& file, std::string message) {
  model::Diagnostic diagnostic;
  diagnostic.severity = model::Severity::warning;
  diagnostic.where.file = file.string();
  diagnostic.message = std::move(message);
  return diagnostic;
}

/// The EPSS CSV is some 10 MB; a gzip body that inflates far beyond that is a bomb, not a feed.
constexpr std::uint64_t kMaxInflatedEpssBytes = std::uint64_t{256} << 20;

/// What a valid body contributes to the metadata.
struct FeedSummary {
  std::uint64_t entries = 0;
  std::string version;
  std::string date;
};

/// Checks `body` with the feed's parser; the summary, or the parser's error in `error`.
std::optional<FeedSummary> check_body(FeedKind feed, std::string_view body, std::string& error) {
  if (feed == FeedKind::kev) {
    auto parsed = parse_kev_catalog(body);
    if (!parsed.catalog) {
      error = std::move(parsed.error);
      return std::nullopt;
    }
    return FeedSummary{parsed.catalog->entries.size(), parsed.catalog->catalog_version, parsed.catalog->date_released};
  }
  auto parsed = parse_epss_scores(body, kMaxInflatedEpssBytes);
  if (!parsed.scores) {
    error = std::move(parsed.error);
    return std::nullopt;
  }
  return FeedSummary{parsed.scores->size(), parsed.scores->model_version, parsed.scores->score_date};
}

std::optional<std::chrono::seconds> age_at(const FeedMetadata& metadata, std::chrono::system_clock::time_point now) {
  const auto fetched = parse_utc_timestamp(metadata.fetched_at);
  if (!fetched) return std::nullopt;
  return std::chrono::duration_cast<std::chrono::seconds>(now - *fetched);
}

FeedUpdateResult failed(FeedUpdateResult result, FeedFailure failure, std::string error) {
  result.status = FeedUpdateStatus::failed;
  result.failure = failure;
  result.error = std::move(error);
  return result;
}

template <class Feed, class Parse>
CachedFeed<Feed> load_cached(FeedKind kind, const std::filesystem::path& cache_dir,
                             std::chrono::system_clock::time_point now, Parse parse) {
  CachedFeed<Feed> loaded;
  const FeedCache cache(cache_dir);
  std::string payload;
  auto copy = cache.inspect(feed_name(kind), feed_payload_file(kind), &payload);
  if (copy.warning) loaded.warnings.push_back(std::move(*copy.warning));
  if (!copy.metadata) {
    if (!copy.warning)
      loaded.warnings.push_back(cache_warning(
          copy.payload_path,
          "no cached " + std::string(feed_name(kind)) + " feed in " + cache_dir.string() +
              "; expected one downloaded by `knelpunt catalog fetch " + std::string(feed_name(kind)) +
              "` (assessments never download it themselves)"));
    return loaded;
  }
  std::string error;
  auto feed = parse(payload, error);
  if (!feed) {
    loaded.warnings.push_back(
        cache_warning(copy.payload_path, "the cached " + std::string(feed_name(kind)) + " feed is unusable: " + error));
    return loaded;
  }
  loaded.feed = std::move(feed);
  loaded.metadata = std::move(*copy.metadata);
  loaded.age = age_at(loaded.metadata, now);
  return loaded;
}

}  // namespace

std::optional<FeedKind> feed_kind_named(std::string_view name) {
  if (name == "kev") return FeedKind::kev;
  if (name == "epss") return FeedKind::epss;
  return std::nullopt;
}

std::string_view feed_name(FeedKind feed) { return feed == FeedKind::kev ? "kev" : "epss"; }

std::string_view feed_payload_file(FeedKind feed) { return feed == FeedKind::kev ? "kev.json" : "epss.csv.gz"; }

std::string_view default_feed_url(FeedKind feed) {
  // EPSS: FIRST's endpoint, run by Empirical Security; it redirects to the dated file.
  return feed == FeedKind::kev ? "https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json"
                               : "https://epss.empiricalsecurity.com/epss_scores-current.csv.gz";
}

std::string_view feed_version_label(FeedKind feed) { return feed == FeedKind::kev ? "catalogVersion" : "model_version"; }

std::string_view feed_date_label(FeedKind feed) { return feed == FeedKind::kev ? "dateReleased" : "score_date"; }

HttpResult get_with_retries(HttpFetcher& fetcher, const HttpRequest& request, const RetryPolicy& policy,
                            int& attempts) {
  attempts = 0;
  for (;;) {
    ++attempts;
    HttpResult result = fetcher.get(request);
    if (result.response || attempts >= policy.max_attempts || !is_transient(*result.error)) return result;
    const auto delay = backoff_before(policy, attempts + 1);
    if (policy.sleep)
      policy.sleep(delay);
    else
      std::this_thread::sleep_for(delay);
  }
}

namespace {

/// The GET for a feed update: the caller's transport settings for `url`,
/// conditional on the cached copy when that copy came from the same URL.
HttpRequest conditional_request(const FeedUpdateOptions& options, const std::string& url, const CachedCopy& copy) {
  HttpRequest request = options.transport;
  request.url = url;
  request.if_none_match.clear();
  request.if_modified_since.clear();
  // Validators belong to the URL that issued them; after --url changes, fetch in full.
  if (copy.metadata && copy.metadata->url == url) {
    request.if_none_match = copy.metadata->etag;
    request.if_modified_since = copy.metadata->last_modified;
  }
  return request;
}

/// The server answered 304 Not Modified: the cached copy stays and its
/// metadata records the confirmation.
FeedUpdateResult confirm_cached_copy(FeedUpdateResult result, const FeedCache& cache, const std::string& name,
                                     const CachedCopy& copy, const HttpResponse& response,
                                     std::chrono::system_clock::time_point now) {
  if (!copy.metadata)
    return failed(std::move(result), FeedFailure::invalid_download,
                  "the server answered 304 Not Modified for " + result.url +
                      " but nothing usable is cached; expected 200 OK with the feed");
  FeedMetadata refreshed = *copy.metadata;
  refreshed.fetched_at = utc_timestamp(now);
  if (!response.etag.empty()) refreshed.etag = response.etag;
  if (!response.last_modified.empty()) refreshed.last_modified = response.last_modified;
  // The copy itself is unchanged and valid; a metadata refresh that fails only
  // leaves the older fetched_at, so it is a warning.
  if (auto error = cache.store_metadata(name, refreshed); !error.empty()) {
    result.warnings.push_back(cache_warning(copy.metadata_path, "cannot record the confirmation time: " + error));
  } else {
    result.metadata = std::move(refreshed);
    result.age = std::chrono::seconds(0);
  }
  result.status = FeedUpdateStatus::not_modified;
  return result;
}

/// A full download: checked, then stored in the cache with its metadata.
FeedUpdateResult store_download(FeedUpdateResult result, const FeedCache& cache, const std::string& name,
                                const FeedUpdateOptions& options, const HttpResponse& response) {
  std::string invalid;
  const auto summary = check_body(options.feed, response.body, invalid);
  if (!summary)
    return failed(std::move(result), FeedFailure::invalid_download,
                  "the download from " + result.url + " is not a valid " + name + " feed, so the cached copy is kept: " +
                      invalid);
  FeedMetadata metadata;
  metadata.feed = name;
  metadata.url = result.url;
  metadata.etag = response.etag;
  metadata.last_modified = response.last_modified;
  metadata.fetched_at = utc_timestamp(options.now);
  metadata.entries = summary->entries;
  metadata.feed_version = summary->version;
  metadata.feed_date = summary->date;
  if (auto error = cache.store(name, feed_payload_file(options.feed), response.body, metadata); !error.empty())
    return failed(std::move(result), FeedFailure::cache_write, std::move(error));
  result.metadata = std::move(metadata);
  result.age = std::chrono::seconds(0);
  result.status = FeedUpdateStatus::updated;
  return result;
}

}  // namespace

FeedUpdateResult update_feed(HttpFetcher& fetcher, const FeedUpdateOptions& options) {
  const std::string name(feed_name(options.feed));
  const FeedCache cache(options.cache_dir);
  FeedUpdateResult result;
  result.url = options.url.empty() ? std::string(default_feed_url(options.feed)) : options.url;
  auto copy = cache.inspect(name, feed_payload_file(options.feed));
  result.payload_path = copy.payload_path;
  if (copy.warning) result.warnings.push_back(std::move(*copy.warning));
  if (copy.metadata) {
    result.metadata = *copy.metadata;
    result.age = age_at(*copy.metadata, options.now);
  }

  if (options.offline) {
    if (!copy.metadata)
      return failed(std::move(result), FeedFailure::no_cache,
                    "no usable cached copy of the " + name + " feed in " + options.cache_dir.string() +
                        "; expected one from an earlier `knelpunt catalog fetch " + name + "` without --offline");
    result.status = FeedUpdateStatus::offline_cached;
    return result;
  }

  const HttpRequest request = conditional_request(options, result.url, copy);
  HttpResult answer = get_with_retries(fetcher, request, options.retry, result.attempts);
  if (answer.error) {
    const auto& error = *answer.error;
    const bool refused = error.kind == HttpErrorKind::bad_url || error.kind == HttpErrorKind::refused_insecure;
    std::string message = error.message;
    if (result.attempts > 1) message = "gave up after " + std::to_string(result.attempts) + " attempts: " + message;
    return failed(std::move(result), refused ? FeedFailure::refused_url : FeedFailure::network, std::move(message));
  }
  HttpResponse& response = *answer.response;

  if (response.status == 304) return confirm_cached_copy(std::move(result), cache, name, copy, response, options.now);
  return store_download(std::move(result), cache, name, options, response);
}

CachedFeed<KevCatalog> load_cached_kev(const std::filesystem::path& cache_dir,
                                       std::chrono::system_clock::time_point now) {
  return load_cached<KevCatalog>(FeedKind::kev, cache_dir, now,
                                 [](const std::string& payload, std::string& error) -> std::optional<KevCatalog> {
                                   auto parsed = parse_kev_catalog(payload);
                                   error = std::move(parsed.error);
                                   return std::move(parsed.catalog);
                                 });
}

CachedFeed<EpssScores> load_cached_epss(const std::filesystem::path& cache_dir,
                                        std::chrono::system_clock::time_point now) {
  return load_cached<EpssScores>(FeedKind::epss, cache_dir, now,
                                 [](const std::string& payload, std::string& error) -> std::optional<EpssScores> {
                                   auto parsed = parse_epss_scores(payload, kMaxInflatedEpssBytes);
                                   error = std::move(parsed.error);
                                   return std::move(parsed.scores);
                                 });
}

}  // namespace knelpunt::catalogs
