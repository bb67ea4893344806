package io.shaledb.server.http;

import java.util.Map;

/**
 * One answer to a GET of a page: its status, content type, body and any headers of its own (caching, content
 * security policy, a redirect's location), named in lower case as the server's other headers are.
 */
public record WebPage(int status, String contentType, byte[] body, Map<String, String> headers) {

  public WebPage {
    headers = Map.copyOf(headers);
  }

  /** A page found. */
  public static WebPage ok(String contentType, byte[] body, Map<String, String> headers) {
    return new WebPage(200, contentType, body, headers);
  }

  /** A permanent redirect to {@code location}, with no body. */
  public static WebPage movedTo(String location) {
    return new WebPage(301, "text/plain; charset=utf-8", new byte[0], Map.of("location", location));
  }
}
