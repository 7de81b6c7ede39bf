#pragma once
/// The libcurl implementation of HttpFetcher, with the transport rules of
/// docs/feeds.md: HTTPS with certificate and host-name verification; plain
/// http only to a loopback host (127.0.0.1, ::1, localhost), refused before
/// any connection otherwise; connect, total and low-speed timeouts; a body
/// size limit; conditional requests; a bounded number of redirects, each
/// checked by the same rules; proxies from the environment (http_proxy,
/// https_proxy, no_proxy, as libcurl reads them); transparent content decoding;
/// user agent `knelpunt/<version>`.

#include <optional>
#include <string>

#include "catalogs/http_fetcher.hpp"

namespace knelpunt::catalogs {

/// Nothing when `url` may be fetched under the rules above; otherwise why not
/// (`bad_url` for a malformed URL or another scheme, `refused_insecure` for
/// plain http to a host that is not loopback). Touches no network.
std::optional<HttpError> url_refusal(const std::string& url);

/// Stateless between requests, so one instance may serve many requests in
/// turn; not for concurrent use from several threads (make one per thread).
class CurlHttpFetcher final : public HttpFetcher {
 public:
  /// Initialises libcurl once per process (thread-safe).
  CurlHttpFetcher();
  HttpResult get(const HttpRequest& request) override;
};

}  // namespace knelpunt::catalogs
