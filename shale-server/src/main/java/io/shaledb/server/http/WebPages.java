package io.shaledb.server.http;

import org.jspecify.annotations.Nullable;

/**
 * Pages the server answers GET requests with besides the API and its health check: the web console's files. The API
 * itself is never here: a page is read with GET, an API call is a POST, so a page can never stand in for a call.
 */
@FunctionalInterface
public interface WebPages {

  /**
   * The page at {@code path} (the request's path, without its query), or null when there is none and the request is
   * answered 404.
   */
  @Nullable WebPage find(String path);

  /** No pages: every GET but the health check is not found. */
  static WebPages none() {
    return path -> null;
  }
}
