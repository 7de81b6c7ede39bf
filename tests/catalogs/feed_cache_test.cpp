#include <doctest/doctest.h>

#include <atomic>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <unistd.h>

#include "catalogs/feed_cache.hpp"
#include "catalogs/feed_update.hpp"

using namespace knelpunt::catalogs;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

/// A fresh directory under the system's temporary directory, removed afterwards.
struct TemporaryDirectory {
  fs::path path;
  TemporaryDirectory() {
    static std::atomic<int> counter{0};
    path = fs::temp_directory_path() /
           ("knelpunt-feed-cache-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(path);
  }
  ~TemporaryDirectory() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_bytes(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

std::string kev_fixture() { return read_bytes(fs::path(KNELPUNT_TEST_DATA) / "feeds" / "kev-small.json"); }
std::string epss_fixture() { return read_bytes(fs::path(KNELPUNT_TEST_DATA) / "feeds" / "epss-small.csv.gz"); }

/// Every file of a directory with its bytes: "the cache is exactly as before".
std::map<std::string, std::string> snapshot(const fs::path& directory) {
  std::map<std::string, std::string> files;
  if (!fs::exists(directory)) return files;
  for (const auto& entry : fs::directory_iterator(directory)) files[entry.path().filename().string()] = read_bytes(entry.path());
  return files;
}

FeedMetadata sample_metadata() {
  FeedMetadata metadata;
  metadata.feed = "kev";
  metadata.url = "https://example.org/kev.json";
  metadata.etag = "\"abc\"";
  metadata.last_modified = "Thu, 20 Nov 2026 15:01:44 GMT";
  metadata.fetched_at = "2026-11-20T16:00:00Z";
  metadata.entries = 5;
  metadata.feed_version = "2026.11.20";
  metadata.feed_date = "2026-11-20T15:01:44.1234Z";
  return metadata;
}

/// Answers GETs from a script and records what it was asked.
class ScriptedFetcher : public HttpFetcher {
 public:
  std::deque<HttpResult> answers;
  std::vector<HttpRequest> requests;

  HttpResult get(const HttpRequest& request) override {
    requests.push_back(request);
    REQUIRE_FALSE(answers.empty());
    auto answer = std::move(answers.front());
    answers.pop_front();
    return answer;
  }

  void ok(std::string body, std::string etag = "\"v1\"", std::string last_modified = "Thu, 20 Nov 2026 15:01:44 GMT") {
    HttpResponse response;
    response.status = 200;
    response.body = std::move(body);
    response.etag = std::move(etag);
    response.last_modified = std::move(last_modified);
    answers.push_back({std::move(response), std::nullopt});
  }
  void not_modified() {
    HttpResponse response;
    response.status = 304;
    answers.push_back({std::move(response), std::nullopt});
  }
  void fail(HttpErrorKind kind, long status = 0) {
    answers.push_back({std::nullopt, HttpError{kind, status, "scripted failure; expected nothing"}});
  }
};

const auto kNow = std::chrono::system_clock::from_time_t(1'795'000'000);  // 2026-11-18T...Z

FeedUpdateOptions options_for(FeedKind feed, const fs::path& cache, std::vector<std::chrono::milliseconds>* sleeps) {
  FeedUpdateOptions options;
  options.feed = feed;
  options.cache_dir = cache;
  options.now = kNow;
  options.retry.initial_backoff = 10ms;
  options.retry.sleep = [sleeps](std::chrono::milliseconds delay) {
    if (sleeps) sleeps->push_back(delay);
  };
  return options;
}

}  // namespace

TEST_CASE("a stored payload reads back with its metadata, and no temporary file is left") {
  TemporaryDirectory temporary;
  const FeedCache cache(temporary.path / "nested" / "cache");
  auto metadata = sample_metadata();
  REQUIRE(cache.store("kev", "kev.json", "payload bytes", metadata) == "");
  CHECK(metadata.size == 13);
  CHECK(metadata.crc32 != 0);
  const auto files = snapshot(cache.directory());
  CHECK(files.size() == 2);
  CHECK(files.count("kev.json") == 1);
  CHECK(files.count("kev.meta.json") == 1);

  std::string payload;
  const auto copy = cache.inspect("kev", "kev.json", &payload);
  REQUIRE(copy.metadata);
  CHECK_FALSE(copy.warning);
  CHECK(payload == "payload bytes");
  CHECK(copy.metadata->etag == "\"abc\"");
  CHECK(copy.metadata->last_modified == metadata.last_modified);
  CHECK(copy.metadata->fetched_at == metadata.fetched_at);
  CHECK(copy.metadata->crc32 == metadata.crc32);
  CHECK(copy.metadata->entries == 5);
  CHECK(copy.metadata->feed_version == "2026.11.20");
  CHECK(copy.payload_path == cache.directory() / "kev.json");
}

TEST_CASE("a symbolic link in the cache under a feed's name is refused, not written through") {
  TemporaryDirectory temporary;
  const FeedCache cache(temporary.path / "cache");
  fs::create_directories(cache.directory());
  std::ofstream(temporary.path / "victim") << "precious";
  fs::create_symlink(temporary.path / "victim", cache.directory() / "kev.json");
  auto metadata = sample_metadata();
  const auto error = cache.store("kev", "kev.json", "payload bytes", metadata);
  CHECK(error.find("kev.json") != std::string::npos);
  CHECK(error.find("previous copy is kept") != std::string::npos);
  std::ifstream victim(temporary.path / "victim");
  std::string text((std::istreambuf_iterator<char>(victim)), std::istreambuf_iterator<char>());
  CHECK(text == "precious");
  CHECK(snapshot(cache.directory()).size() == 1);  // the link only: no temporary file, no metadata
}

TEST_CASE("an empty cache holds nothing and warns about nothing") {
  TemporaryDirectory temporary;
  const auto copy = FeedCache(temporary.path).inspect("epss", "epss.csv.gz");
  CHECK_FALSE(copy.metadata);
  CHECK_FALSE(copy.warning);
}

TEST_CASE("a payload that does not match its metadata is unusable, with a warning") {
  TemporaryDirectory temporary;
  const FeedCache cache(temporary.path);
  auto metadata = sample_metadata();
  REQUIRE(cache.store("kev", "kev.json", "payload bytes", metadata) == "");

  SUBCASE("same size, other bytes (a crash between the two renames)") {
    write_bytes(temporary.path / "kev.json", "PAYLOAD BYTES");
    const auto copy = cache.inspect("kev", "kev.json");
    CHECK_FALSE(copy.metadata);
    REQUIRE(copy.warning);
    CHECK(copy.warning->message.find("does not match its metadata") != std::string::npos);
  }
  SUBCASE("metadata missing") {
    fs::remove(temporary.path / "kev.meta.json");
    const auto copy = cache.inspect("kev", "kev.json");
    CHECK_FALSE(copy.metadata);
    REQUIRE(copy.warning);
    CHECK(copy.warning->message.find("no metadata") != std::string::npos);
  }
  SUBCASE("payload missing") {
    fs::remove(temporary.path / "kev.json");
    REQUIRE(cache.inspect("kev", "kev.json").warning);
  }
  SUBCASE("metadata garbled") {
    write_bytes(temporary.path / "kev.meta.json", "{\"format\": \"something else\"}");
    const auto copy = cache.inspect("kev", "kev.json");
    CHECK_FALSE(copy.metadata);
    REQUIRE(copy.warning);
    CHECK(copy.warning->message.find("unreadable") != std::string::npos);
  }
}

TEST_CASE("storing into a directory that cannot be created fails and says so") {
  TemporaryDirectory temporary;
  fs::create_directories(temporary.path);
  write_bytes(temporary.path / "file", "x");
  auto metadata = sample_metadata();
  const auto error = FeedCache(temporary.path / "file" / "cache").store("kev", "kev.json", "x", metadata);
  CHECK(error.find("cannot create the cache directory") != std::string::npos);
}

TEST_CASE("metadata timestamps are ISO 8601 UTC to the second") {
  const auto time = std::chrono::system_clock::from_time_t(1'763'654'400);  // 2025-11-20T16:00:00Z
  CHECK(utc_timestamp(time) == "2025-11-20T16:00:00Z");
  CHECK(parse_utc_timestamp("2025-11-20T16:00:00Z") == time);
  CHECK_FALSE(parse_utc_timestamp("2025-11-20 16:00:00"));
  CHECK_FALSE(parse_utc_timestamp("2025-02-30T16:00:00Z"));
  CHECK_FALSE(parse_utc_timestamp(""));
}

TEST_CASE("the default cache follows XDG_CACHE_HOME, else HOME") {
  const char* saved_xdg = std::getenv("XDG_CACHE_HOME");
  const std::string xdg = saved_xdg ? saved_xdg : "";
  ::setenv("XDG_CACHE_HOME", "/var/cache/me", 1);
  CHECK(default_cache_dir() == fs::path("/var/cache/me/knelpunt"));
  ::setenv("XDG_CACHE_HOME", "relative/ignored", 1);
  if (const char* home = std::getenv("HOME"); home && *home)
    CHECK(default_cache_dir() == fs::path(home) / ".cache" / "knelpunt");
  if (saved_xdg)
    ::setenv("XDG_CACHE_HOME", xdg.c_str(), 1);
  else
    ::unsetenv("XDG_CACHE_HOME");
}

TEST_CASE("update_feed: a download is checked, then cached; the next request is conditional") {
  TemporaryDirectory temporary;
  ScriptedFetcher fetcher;
  fetcher.ok(kev_fixture());
  auto options = options_for(FeedKind::kev, temporary.path, nullptr);
  const auto first = update_feed(fetcher, options);
  REQUIRE_MESSAGE(first.status == FeedUpdateStatus::updated, first.error);
  CHECK(first.metadata.entries == 5);
  CHECK(first.metadata.feed_version == "2026.11.20");
  CHECK(first.metadata.fetched_at == utc_timestamp(kNow));
  CHECK(first.attempts == 1);
  CHECK(fetcher.requests[0].url == default_feed_url(FeedKind::kev));
  CHECK(fetcher.requests[0].if_none_match.empty());
  CHECK(read_bytes(temporary.path / "kev.json") == kev_fixture());

  fetcher.not_modified();
  options.now = kNow + 1h;
  const auto second = update_feed(fetcher, options);
  REQUIRE_MESSAGE(second.status == FeedUpdateStatus::not_modified, second.error);
  CHECK(fetcher.requests[1].if_none_match == "\"v1\"");
  CHECK(fetcher.requests[1].if_modified_since == "Thu, 20 Nov 2026 15:01:44 GMT");
  CHECK(second.metadata.fetched_at == utc_timestamp(kNow + 1h));
  CHECK(second.metadata.entries == 5);
  CHECK(read_bytes(temporary.path / "kev.json") == kev_fixture());

  // Validators belong to the URL that issued them.
  fetcher.ok(kev_fixture());
  options.url = "https://mirror.example.org/kev.json";
  REQUIRE(update_feed(fetcher, options).status == FeedUpdateStatus::updated);
  CHECK(fetcher.requests[2].if_none_match.empty());
}

TEST_CASE("update_feed: a failed or invalid download leaves the cache exactly as it was") {
  TemporaryDirectory temporary;
  ScriptedFetcher fetcher;
  std::vector<std::chrono::milliseconds> sleeps;
  const auto options = options_for(FeedKind::epss, temporary.path, &sleeps);
  fetcher.ok(epss_fixture());
  REQUIRE(update_feed(fetcher, options).status == FeedUpdateStatus::updated);
  const auto before = snapshot(temporary.path);

  SUBCASE("garbage") {
    fetcher.ok("<html>maintenance</html>");
    const auto result = update_feed(fetcher, options);
    CHECK(result.failure == FeedFailure::invalid_download);
    CHECK(result.error.find("not a valid epss feed") != std::string::npos);
  }
  SUBCASE("truncated gzip") {
    const auto gz = epss_fixture();
    fetcher.ok(gz.substr(0, gz.size() / 2));
    CHECK(update_feed(fetcher, options).failure == FeedFailure::invalid_download);
  }
  SUBCASE("always 503: three attempts with doubling back-off") {
    for (int i = 0; i < 3; ++i) fetcher.fail(HttpErrorKind::http_status, 503);
    const auto result = update_feed(fetcher, options);
    CHECK(result.failure == FeedFailure::network);
    CHECK(result.attempts == 3);
    CHECK(sleeps == std::vector<std::chrono::milliseconds>{10ms, 20ms});
    CHECK(result.error.find("gave up after 3 attempts") != std::string::npos);
  }
  SUBCASE("404 is not retried") {
    fetcher.fail(HttpErrorKind::http_status, 404);
    const auto result = update_feed(fetcher, options);
    CHECK(result.failure == FeedFailure::network);
    CHECK(result.attempts == 1);
    CHECK(sleeps.empty());
  }
  SUBCASE("a refused URL is not retried") {
    fetcher.fail(HttpErrorKind::refused_insecure);
    const auto result = update_feed(fetcher, options);
    CHECK(result.failure == FeedFailure::refused_url);
    CHECK(result.attempts == 1);
  }
  SUBCASE("too large is not retried") {
    fetcher.fail(HttpErrorKind::too_large);
    CHECK(update_feed(fetcher, options).attempts == 1);
  }
  CHECK(snapshot(temporary.path) == before);
}

TEST_CASE("update_feed: transient failures are retried until one succeeds") {
  TemporaryDirectory temporary;
  ScriptedFetcher fetcher;
  std::vector<std::chrono::milliseconds> sleeps;
  fetcher.fail(HttpErrorKind::timeout);
  fetcher.fail(HttpErrorKind::http_status, 429);
  fetcher.ok(kev_fixture());
  const auto result = update_feed(fetcher, options_for(FeedKind::kev, temporary.path, &sleeps));
  CHECK(result.status == FeedUpdateStatus::updated);
  CHECK(result.attempts == 3);
  CHECK(sleeps.size() == 2);
}

TEST_CASE("update_feed offline: the cached copy with its age, or an error without one") {
  TemporaryDirectory temporary;
  ScriptedFetcher fetcher;
  auto options = options_for(FeedKind::kev, temporary.path, nullptr);
  options.offline = true;
  const auto empty = update_feed(fetcher, options);
  CHECK(empty.failure == FeedFailure::no_cache);
  CHECK(empty.error.find("no usable cached copy") != std::string::npos);

  options.offline = false;
  fetcher.ok(kev_fixture());
  REQUIRE(update_feed(fetcher, options).status == FeedUpdateStatus::updated);
  options.offline = true;
  options.now = kNow + 3h;
  const auto cached = update_feed(fetcher, options);
  CHECK(cached.status == FeedUpdateStatus::offline_cached);
  CHECK(cached.age == std::chrono::seconds(3 * 3600));
  CHECK(cached.metadata.entries == 5);
  CHECK(fetcher.requests.size() == 1);  // offline never asked
}

TEST_CASE("assessments load the cached feeds, or get a warning") {
  TemporaryDirectory temporary;
  const auto missing = load_cached_kev(temporary.path, kNow);
  CHECK_FALSE(missing.feed);
  REQUIRE(missing.warnings.size() == 1);
  CHECK(missing.warnings[0].message.find("no cached kev feed") != std::string::npos);

  ScriptedFetcher fetcher;
  fetcher.ok(kev_fixture());
  fetcher.ok(epss_fixture());
  REQUIRE(update_feed(fetcher, options_for(FeedKind::kev, temporary.path, nullptr)).status == FeedUpdateStatus::updated);
  REQUIRE(update_feed(fetcher, options_for(FeedKind::epss, temporary.path, nullptr)).status ==
          FeedUpdateStatus::updated);

  const auto kev = load_cached_kev(temporary.path, kNow + 48h);
  REQUIRE(kev.feed);
  CHECK(kev.warnings.empty());
  CHECK(kev.feed->entries.size() == 5);
  CHECK(kev.age == std::chrono::seconds(48 * 3600));
  CHECK(kev.metadata.feed_version == "2026.11.20");

  const auto epss = load_cached_epss(temporary.path, kNow);
  REQUIRE(epss.feed);
  CHECK(epss.feed->lookup("CVE-2023-27997"));
  CHECK(epss.metadata.feed_date == "2026-11-20T00:00:00+0000");
  CHECK(epss.age == std::chrono::seconds(0));

  write_bytes(temporary.path / "epss.csv.gz", "tampered");
  const auto tampered = load_cached_epss(temporary.path, kNow);
  CHECK_FALSE(tampered.feed);
  CHECK(tampered.warnings.size() == 1);
}
