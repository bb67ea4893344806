package io.shaledb.server.auth;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A request whose headers are a map keyed by lower-case name, each sent once: the request {@link SigV4Signer} signs,
 * and the form in which tests and benchmarks hand a signed request to a verifier without HTTP. The body's hash is
 * computed when asked for, as the HTTP layer computes it.
 */
public record HeaderMapRequest(String method, String rawPath, String rawQuery, Map<String, String> headers,
    byte[] body) implements SignedRequest {

  public HeaderMapRequest {
    headers = Map.copyOf(headers);
  }

  /** The same request with one header set to another value (its name in lower case). */
  public HeaderMapRequest withHeader(String name, String value) {
    Map<String, String> changed = new HashMap<>(headers);
    changed.put(name, value);
    return new HeaderMapRequest(method, rawPath, rawQuery, changed, body);
  }

  /** The same headers with another body. */
  public HeaderMapRequest withBody(byte[] other) {
    return new HeaderMapRequest(method, rawPath, rawQuery, headers, other);
  }

  @Override
  public List<String> headerValues(String name) {
    String value = header(name);
    return value == null ? List.of() : List.of(value);
  }

  @Override
  public @Nullable String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  @Override
  public byte[] payloadSha256() {
    return Sha256.digest().digest(body);
  }
}
