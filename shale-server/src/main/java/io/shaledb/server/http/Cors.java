package io.shaledb.server.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Cross-origin resource sharing, so that scripts in browsers can call the API, but only scripts of the origins allowed:
 * those configured ({@code --cors-origin}; {@code *} allows any), pages served from this machine's loopback addresses
 * (a local development tool), and the server's own origin (the console, served by the server itself). Any other
 * origin gets no CORS headers, so the browser keeps the response from its script. An allowed origin gets, as
 * DynamoDB answers it (ScyllaDB's test/alternator/test_cors.py, run against the service), the headers a script may
 * read, and a preflight (OPTIONS) also allows the method and headers it asks for, echoed, for a while. The origin is
 * named, not {@code *}, unless any is allowed, so responses vary by Origin. Requests without an Origin get none of
 * these headers.
 */
final class Cors {
  private static final AsciiString ANY_ORIGIN = AsciiString.cached("*");
  /** The response headers DynamoDB lets scripts read (as ScyllaDB recorded them). */
  private static final AsciiString EXPOSED = AsciiString.cached(
      "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date");
  /** How long a browser may keep a preflight's answer: DynamoDB Local 3.3.1's figure (20 days). */
  private static final AsciiString MAX_AGE = AsciiString.cached("1728000");

  private final Set<String> origins;
  private final boolean anyOrigin;

  Cors(Set<String> origins) {
    this.origins = Set.copyOf(origins.stream().map(origin -> origin.toLowerCase(Locale.ROOT)).toList());
    this.anyOrigin = this.origins.contains("*");
  }

  /**
   * What {@code Access-Control-Allow-Origin} says to this request: its origin when allowed ({@code *} when any is),
   * or null when it has none or may not read the response.
   */
  @Nullable CharSequence allowedOrigin(HttpHeaders request) {
    String origin = request.get(HttpHeaderNames.ORIGIN);
    if (origin == null) {
      return null;
    }
    if (anyOrigin) {
      return ANY_ORIGIN;
    }
    String lower = origin.toLowerCase(Locale.ROOT);
    return origins.contains(lower) || isLoopbackOrSame(lower, request.get(HttpHeaderNames.HOST)) ? origin : null;
  }

  private static boolean isLoopbackOrSame(String origin, @Nullable String host) {
    URI uri;
    try {
      uri = new URI(origin);
    } catch (URISyntaxException e) {
      return false;
    }
    String originHost = uri.getHost();
    if (originHost == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      return false;
    }
    String authority = uri.getRawAuthority();
    return HostCheck.isLoopback(originHost)
        || (host != null && authority != null && authority.equals(host.trim().toLowerCase(Locale.ROOT)));
  }

  /** The headers of every response to an allowed cross-origin request. */
  static void allow(HttpHeaders response, CharSequence origin) {
    response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
        .set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
    if (origin != ANY_ORIGIN) {
      response.set(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
    }
  }

  /** A preflight's own headers: the method and headers asked for, allowed. */
  static void allowPreflight(HttpHeaders request, HttpHeaders response) {
    String method = request.get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
    if (method != null) {
      response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, method);
    }
    String headers = request.get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
    if (headers != null) {
      response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, headers);
    }
    response.set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, MAX_AGE);
  }
}
