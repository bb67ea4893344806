package io.shaledb.server.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The condition keys of one request and their values ({@code aws:SourceIp}, {@code dynamodb:LeadingKeys}, ...).
 * Keys are matched without regard to case, as IAM matches them; a key with no value is absent.
 */
public final class RequestFacts {
  private final Map<String, List<String>> values = new HashMap<>();

  /** Sets {@code key} to one value. */
  public RequestFacts put(String key, String value) {
    values.put(key.toLowerCase(Locale.ROOT), List.of(value));
    return this;
  }

  /** Sets {@code key} to {@code keyValues}; an empty list leaves it absent. */
  public RequestFacts put(String key, List<String> keyValues) {
    if (keyValues.isEmpty()) {
      values.remove(key.toLowerCase(Locale.ROOT));
    } else {
      values.put(key.toLowerCase(Locale.ROOT), List.copyOf(keyValues));
    }
    return this;
  }

  /** A copy with the keys of {@code more} added over these. */
  public RequestFacts with(RequestFacts more) {
    RequestFacts copy = new RequestFacts();
    copy.values.putAll(values);
    copy.values.putAll(more.values);
    return copy;
  }

  /** The values of {@code key}, empty when the request has none; {@code key} lower case. */
  List<String> valuesOf(String lowerCaseKey) {
    return values.getOrDefault(lowerCaseKey, List.of());
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
