package io.shaledb.server.auth;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What SigV4 verification reads of an HTTP request, whatever the transport. */
public interface SignedRequest {

  /** The method, upper case, as sent. */
  String method();

  /** The path as sent (percent-encoded), without the query. */
  String rawPath();

  /** The query as sent, without the {@code ?}; empty when there is none. */
  String rawQuery();

  /** Every value of a header, in the order sent; empty when absent. Names are matched ignoring case. */
  List<String> headerValues(String name);

  /** The first value of a header, or null when absent. */
  @Nullable String header(String name);

  /** The SHA-256 of the body as sent (before any content decoding). */
  byte[] payloadSha256();
}
