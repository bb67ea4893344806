package io.shaledb.server.http;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;

/**
 * Cross-origin resource sharing, so that scripts in browsers (the console among them) can call the API: as DynamoDB
 * answers it (ScyllaDB's test/alternator/test_cors.py, run against the service), a request with an Origin gets
 * {@code Access-Control-Allow-Origin: *} and the headers a script may read; a preflight (OPTIONS) also allows the
 * method and headers it asks for, echoed, for a while. Requests without an Origin get none of these headers.
 */
final class Cors {
  private static final AsciiString ANY_ORIGIN = AsciiString.cached("*");
  /** The response headers DynamoDB lets scripts read (as ScyllaDB recorded them). */
  private static final AsciiString EXPOSED = AsciiString.cached(
      "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,Date");
  /** How long a browser may keep a preflight's answer: DynamoDB Local 3.3.1's figure (20 days). */
  private static final AsciiString MAX_AGE = AsciiString.cached("1728000");

  private Cors() {}

  /** Whether the request comes from a script of some origin, whose response then carries the CORS headers. */
  static boolean requested(HttpHeaders request) {
    return request.contains(HttpHeaderNames.ORIGIN);
  }

  /** The headers of every response to a cross-origin request. */
  static void allow(HttpHeaders response) {
    response.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, ANY_ORIGIN)
        .set(HttpHeaderNames.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
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
