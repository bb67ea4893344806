package io.shaledb.core.replication;

import java.time.Duration;

/**
 * When replicated tables' tombstones are reclaimed (docs/global-tables.md, "Deletes and tombstones").
 *
 * @param horizon how much older than every region's low watermark a tombstone must be before it goes: a margin for a
 *     change whose stamp was read from its region's clock just before that region's watermark was taken and
 *     committed just after, and for clocks that step back. A change that old arriving for a key with no stamp left is
 *     one every region had already acknowledged, so it is refused as the tombstone would have refused it.
 * @param rest how long a table rests after a sweep of its stamps ended before the next begins: a tombstone is kept for
 *     the horizon at least, so this delays none by much, and a table's stamps are not all read again every interval
 */
public record TombstoneReclamation(Duration horizon, Duration rest) {
  /** A horizon far beyond a commit's delay or an NTP step, and a sweep a minute. */
  public static final TombstoneReclamation DEFAULTS =
      new TombstoneReclamation(Duration.ofMinutes(10), Duration.ofMinutes(1));

  public TombstoneReclamation {
    if (horizon.isNegative() || horizon.isZero()) {
      throw new IllegalArgumentException("the tombstone horizon must be positive, not " + horizon);
    }
    if (rest.isNegative()) {
      throw new IllegalArgumentException("the rest between tombstone sweeps must not be negative, not " + rest);
    }
  }
}
