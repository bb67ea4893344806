package io.shaledb.core.replication;

import java.util.Comparator;
import org.jspecify.annotations.Nullable;

/**
 * When and where an item last changed, which orders concurrent changes of one item in different regions: the later
 * time wins, and at the same millisecond the greater region name, so every region picks the same winner.
 *
 * @param millis the change's time, in epoch milliseconds
 * @param region the region that made the change
 */
public record ReplicationStamp(long millis, String region) implements Comparable<ReplicationStamp> {
  private static final Comparator<ReplicationStamp> ORDER =
      Comparator.comparingLong(ReplicationStamp::millis).thenComparing(ReplicationStamp::region);

  /**
   * The stamp of a local change replacing an item stamped {@code previous} (null: none): now, unless that is not after the
   * previous change (a peer's clock ahead of ours), so an item's stamps always increase with its changes.
   */
  public static ReplicationStamp local(long nowMillis, String region, @Nullable ReplicationStamp previous) {
    return new ReplicationStamp(previous == null ? nowMillis : Math.max(nowMillis, previous.millis() + 1), region);
  }

  @Override
  public int compareTo(ReplicationStamp other) {
    return ORDER.compare(this, other);
  }

  public boolean isAfter(ReplicationStamp other) {
    return compareTo(other) > 0;
  }
}
