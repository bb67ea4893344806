package io.shaledb.core.storage;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What an engine is opened with.
 *
 * @param dataDirectory where a durable engine keeps its files; null, or ignored, for engines that keep nothing on
 *     disk
 * @param durability what a returned commit survives (see {@link Durability}); engines that keep nothing on disk
 *     ignore it
 * @param tuning the engine's own settings by name (such as cache sizes). The engine checks them before it creates
 *     anything: an unknown name or a bad value fails the open with an {@link IllegalArgumentException} that names it
 */
public record EngineOptions(@Nullable Path dataDirectory, Durability durability, Map<String, String> tuning) {

  public EngineOptions {
    if (durability == null) {
      throw new IllegalArgumentException("durability is required");
    }
    tuning = Map.copyOf(tuning);
  }

  /** Durable commits ({@link Durability#FSYNC}) and the engine's default tuning. */
  public static EngineOptions defaults(@Nullable Path dataDirectory) {
    return new EngineOptions(dataDirectory, Durability.FSYNC, Map.of());
  }

  public EngineOptions withDurability(Durability newDurability) {
    return new EngineOptions(dataDirectory, newDurability, tuning);
  }

  public EngineOptions withTuning(Map<String, String> newTuning) {
    return new EngineOptions(dataDirectory, durability, newTuning);
  }

  /**
   * Fails, naming the setting, when {@link #tuning} holds a name that is not one of {@code known}.
   *
   * @param engine the engine's name, for the message
   */
  public void requireKnownTuning(String engine, Set<String> known) {
    for (String name : new TreeSet<>(tuning.keySet())) {
      if (!known.contains(name)) {
        throw new IllegalArgumentException(known.isEmpty()
            ? "the " + engine + " engine takes no engine options, got '" + name + "'"
            : "unknown " + engine + " engine option '" + name + "' (known: " + String.join(", ", new TreeSet<>(known))
                + ")");
      }
    }
  }

  /**
   * The size in bytes set under {@code name}, written as a number with an optional binary suffix ({@code k},
   * {@code m}, {@code g}: 64m is 64 MiB), or {@code otherwise} when it is not set.
   */
  public long bytes(String name, long otherwise) {
    String value = tuning.get(name);
    if (value == null) {
      return otherwise;
    }
    String digits = value.strip().toLowerCase(Locale.ROOT);
    int shift = switch (digits.isEmpty() ? ' ' : digits.charAt(digits.length() - 1)) {
      case 'k' -> 10;
      case 'm' -> 20;
      case 'g' -> 30;
      default -> 0;
    };
    if (shift > 0) {
      digits = digits.substring(0, digits.length() - 1);
    }
    long number = parse(name, value, digits);
    if (number <= 0 || number > (Long.MAX_VALUE >> shift)) {
      throw badValue(name, value, "a positive size such as 64m");
    }
    return number << shift;
  }

  /** The whole number set under {@code name}, from 1 to {@code max}, or {@code otherwise} when it is not set. */
  public int count(String name, int max, int otherwise) {
    String value = tuning.get(name);
    if (value == null) {
      return otherwise;
    }
    long number = parse(name, value, value.strip());
    if (number < 1 || number > max) {
      throw badValue(name, value, "a whole number from 1 to " + max);
    }
    return (int) number;
  }

  private static long parse(String name, String value, String digits) {
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw badValue(name, value, "a number");
    }
  }

  private static IllegalArgumentException badValue(String name, String value, String expected) {
    return new IllegalArgumentException("engine option " + name + "=" + value + " is not " + expected);
  }
}
