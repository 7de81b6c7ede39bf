#pragma once
/// The narrow HTTP interface the feed code needs: one GET with conditional
/// headers, limits and a progress hook. libcurl stays behind it
/// (curl_http_fetcher) so feed logic is testable with a scripted fake and the
/// transport can be replaced without touching it (docs/decisions/008).

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace knelpunt::catalogs {

/// Called while a body arrives: bytes received so far and the expected total
/// (0 when the server did not say). Return false to abort the transfer.
using HttpProgress = std::function<bool(std::uint64_t received, std::uint64_t expected_total)>;

/// One GET. Empty conditional fields send no conditional header.
struct HttpRequest {
  std::string url;
  /// An ETag from an earlier response, sent verbatim as If-None-Match.
  std::string if_none_match;
  /// A Last-Modified value from an earlier response, sent verbatim as
  /// If-Modified-Since (HTTP dates are compared by the server, not by us).
  std::string if_modified_since;
  std::chrono::milliseconds connect_timeout{30'000};
  /// The whole transfer, redirects included per hop.
  std::chrono::milliseconds total_timeout{300'000};
  /// A transfer slower than `low_speed_bytes_per_second` for
  /// `low_speed_time` is abandoned as a timeout (a stalled connection).
  std::uint32_t low_speed_bytes_per_second = 1024;
  std::chrono::seconds low_speed_time{60};
  /// The largest body accepted, after content decoding. Larger bodies are
  /// refused from Content-Length when announced, else aborted mid-transfer.
  std::uint64_t max_bytes = 64ull * 1024 * 1024;
  /// Redirects followed before giving up; each hop is checked against the
  /// same transport rules as the first URL.
  int max_redirects = 5;
  HttpProgress on_progress;
};

/// A completed exchange: status 2xx with its body, or 304 Not Modified with
/// an empty body.
struct HttpResponse {
  long status = 0;
  std::string body;
  /// The response's ETag and Last-Modified headers verbatim; empty when absent.
  std::string etag;
  std::string last_modified;
  /// The URL the body came from after redirects.
  std::string effective_url;
};

/// Why no usable response came back.
enum class HttpErrorKind {
  bad_url,             ///< not a URL, or a scheme other than http/https
  refused_insecure,    ///< plain http to a host that is not loopback
  refused_redirect,    ///< a redirect to a URL the same rules refuse (e.g. https downgraded to remote http)
  network,             ///< cannot resolve or connect, connection reset, body cut short
  timeout,             ///< connect, total or low-speed timeout
  too_large,           ///< body beyond HttpRequest::max_bytes
  http_status,         ///< the server answered with a status other than 2xx or 304
  tls,                 ///< certificate or TLS handshake failure
  too_many_redirects,  ///< more than HttpRequest::max_redirects hops
  aborted,             ///< the progress hook asked to stop
};

/// A failed GET. `message` says what went wrong and what was expected.
struct HttpError {
  HttpErrorKind kind = HttpErrorKind::network;
  /// The HTTP status for `http_status`, else 0.
  long status = 0;
  std::string message;
};

/// Exactly one of `response` and `error` is set.
struct HttpResult {
  std::optional<HttpResponse> response;
  std::optional<HttpError> error;
};

/// Performs GET requests. Implementations never throw for transport
/// problems; every failure is an HttpError.
class HttpFetcher {
 public:
  virtual ~HttpFetcher() = default;
  virtual HttpResult get(const HttpRequest& request) = 0;
};

}  // namespace knelpunt::catalogs
