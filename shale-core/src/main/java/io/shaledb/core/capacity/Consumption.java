package io.shaledb.core.capacity;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * The capacity consumed per minute by the tables (and their global indexes) that auto scaling watches, kept for the
 * last {@link #MINUTES} minutes: the figures CloudWatch's ConsumedRead/WriteCapacityUnits give DynamoDB's target
 * tracking, and all it reads. Tables nobody scales are not watched, so their requests cost one look at an empty set.
 * Rate state, like the buckets: in memory, started afresh by a restart.
 */
public final class Consumption {
  /** Scale-in looks back 15 minutes; a few more cover a scaler pass that runs late. */
  static final int MINUTES = 20;
  private static final long MINUTE_MILLIS = 60_000;

  private volatile Set<String> watched = Set.of();
  private final Map<Resource, MinuteSums> sums = new ConcurrentHashMap<>();

  /** A table, or one of its global indexes, and what it consumed. */
  private record Resource(String table, @Nullable String index, Access access) {}

  /** Watches exactly {@code tables} from now on, forgetting what others consumed. */
  public synchronized void watch(Set<String> tables) {
    watched = Set.copyOf(tables);
    sums.keySet().removeIf(resource -> !tables.contains(resource.table()));
  }

  /** Watches {@code table} too, from now on: a new policy's table is watched before the scaler's next pass. */
  public synchronized void watchAlso(String table) {
    Set<String> more = new HashSet<>(watched);
    more.add(table);
    watched = Set.copyOf(more);
  }

  boolean watching(String table) {
    Set<String> current = watched;
    return !current.isEmpty() && current.contains(table);
  }

  void record(String table, @Nullable String index, Access access, double units, long nowMillis) {
    sums.computeIfAbsent(new Resource(table, index, access), resource -> new MinuteSums())
        .add(nowMillis / MINUTE_MILLIS, units);
  }

  /**
   * The units the table (or, with {@code index}, its global index) consumed for {@code access} in the minute that
   * starts {@code minute} minutes after the epoch; 0 for a minute longer ago than the history holds.
   */
  public double units(String table, @Nullable String index, Access access, long minute) {
    MinuteSums resource = sums.get(new Resource(table, index, access));
    return resource == null ? 0 : resource.units(minute);
  }

  /** A ring of per-minute sums. */
  private static final class MinuteSums {
    private final long[] minutes = new long[MINUTES];
    private final double[] units = new double[MINUTES];

    MinuteSums() {
      Arrays.fill(minutes, -1);
    }

    synchronized void add(long minute, double consumed) {
      int slot = (int) (minute % MINUTES);
      if (minutes[slot] != minute) {
        minutes[slot] = minute;
        units[slot] = 0;
      }
      units[slot] += consumed;
    }

    synchronized double units(long minute) {
      int slot = (int) (minute % MINUTES);
      return minute >= 0 && minutes[slot] == minute ? units[slot] : 0;
    }
  }
}
