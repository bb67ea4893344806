package io.shaledb.server.policy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The condition keys of one request and their values ({@code aws:SourceIp}, {@code dynamodb:LeadingKeys}, ...).
 * Keys are matched without regard to case, as IAM matches them; a key with no value is absent.
 *
 * <p>Authorization runs on every call of a verified user, and most policies read few keys or none, so a value that
 * costs something to make (the current time as text) can be given as a computation, made once if a condition reads
 * it; and {@link #with} layers a call's own keys over the request's instead of copying them.
 */
public final class RequestFacts {
  private static final int INITIAL_KEYS = 4;

  /**
   * Lower-case keys and their values, side by side in the first {@code size} places: a call's facts are a handful of
   * keys, which a scan finds sooner than a hash map is made and filled.
   */
  private String[] keys;
  private Supplier<List<String>>[] values;
  private int size;
  /** The keys under these, read where these have none; null at the bottom. */
  private final @Nullable RequestFacts under;

  @SuppressWarnings("unchecked") // An array of a generic type is made only as its erasure.
  public RequestFacts() {
    this(new String[INITIAL_KEYS], (Supplier<List<String>>[]) new Supplier<?>[INITIAL_KEYS], 0, null);
  }

  private RequestFacts(String[] keys, Supplier<List<String>>[] values, int size, @Nullable RequestFacts under) {
    this.keys = keys;
    this.values = values;
    this.size = size;
    this.under = under;
  }

  private void set(String key, Supplier<List<String>> value) {
    String lowerCase = key.toLowerCase(Locale.ROOT);
    int at = indexOf(lowerCase);
    if (at < 0) {
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      at = size++;
      keys[at] = lowerCase;
    }
    values[at] = value;
  }

  private void remove(String key) {
    int at = indexOf(key.toLowerCase(Locale.ROOT));
    if (at >= 0) {
      size--;
      keys[at] = keys[size];
      values[at] = values[size];
    }
  }

  private int indexOf(String lowerCaseKey) {
    for (int i = 0; i < size; i++) {
      if (keys[i].equals(lowerCaseKey)) {
        return i;
      }
    }
    return -1;
  }

  /** Sets {@code key} to one value. */
  public RequestFacts put(String key, String value) {
    List<String> one = List.of(value);
    set(key, () -> one);
    return this;
  }

  /** Sets {@code key} to {@code keyValues}; an empty list leaves it absent. */
  public RequestFacts put(String key, List<String> keyValues) {
    if (keyValues.isEmpty()) {
      remove(key);
    } else {
      List<String> copy = List.copyOf(keyValues);
      set(key, () -> copy);
    }
    return this;
  }

  /** Sets {@code key} to one value, computed when a condition first reads it. */
  public RequestFacts putComputed(String key, Supplier<String> value) {
    set(key, new Computed(value));
    return this;
  }

  /**
   * These keys with the keys of {@code more} over them. The answer reads both as they are (it copies neither), so
   * neither is changed once it is made.
   */
  public RequestFacts with(RequestFacts more) {
    return new RequestFacts(more.keys, more.values, more.size, this);
  }

  /** The values of {@code key}, empty when the request has none; {@code key} lower case. */
  List<String> valuesOf(String lowerCaseKey) {
    for (RequestFacts facts = this; facts != null; facts = facts.under) {
      int at = facts.indexOf(lowerCaseKey);
      if (at >= 0) {
        return facts.values[at].get();
      }
    }
    return List.of();
  }

  @Override
  public String toString() {
    return all().toString();
  }

  private Map<String, List<String>> all() {
    Map<String, List<String>> all = under == null ? new HashMap<>() : new HashMap<>(under.all());
    for (int i = 0; i < size; i++) {
      all.put(keys[i], values[i].get());
    }
    return all;
  }

  /** A value made on first read and kept. */
  private static final class Computed implements Supplier<List<String>> {
    private final Supplier<String> compute;
    private @Nullable List<String> value;

    Computed(Supplier<String> compute) {
      this.compute = compute;
    }

    @Override
    public List<String> get() {
      List<String> made = value;
      if (made == null) {
        made = List.of(compute.get());
        value = made;
      }
      return made;
    }
  }
}
