package io.shaledb.core.capacity;

/**
 * One partition of a table: a range of partition-key hashes (unsigned, {@code [start, end)}) with its own ceiling of
 * 3,000 read and 1,000 write units a second, and the record of its load that decides a split for heat: how many
 * consecutive seconds it was hot, and the lowest and highest hash it served meanwhile, since a split can only
 * separate different keys.
 */
final class Partition {
  static final double READ_UNITS = 3_000;
  static final double WRITE_UNITS = 1_000;
  /** A second is hot when the partition consumed this share of its ceiling for reads or for writes. */
  static final double HOT_SHARE = 0.8;
  /** How many consecutive hot seconds make a partition split for heat. */
  static final int SUSTAINED_SECONDS = 60;

  private final long start;
  private final long end;
  private final TokenBucket reads;
  private final TokenBucket writes;
  private long second;
  private double readsThisSecond;
  private double writesThisSecond;
  private int hotSeconds;
  private long lowestHash = Long.MAX_VALUE;
  private long highestHash = Long.MIN_VALUE;

  /** A new partition holds one second of its ceilings, as a new table's resources do. */
  Partition(long start, long end, long nowMillis) {
    this.start = start;
    this.end = end;
    this.reads = new TokenBucket(READ_UNITS, nowMillis);
    this.writes = new TokenBucket(WRITE_UNITS, nowMillis);
    this.second = nowMillis / 1000;
  }

  long start() {
    return start;
  }

  long end() {
    return end;
  }

  /** The units the partition holds now for {@code access}: it keeps one second of its ceiling, no burst. */
  double units(Access access, long nowMillis) {
    return switch (access) {
      case READ -> reads.refill(nowMillis, READ_UNITS, READ_UNITS);
      case WRITE -> writes.refill(nowMillis, WRITE_UNITS, WRITE_UNITS);
    };
  }

  /**
   * Charges {@code units} consumed by the items whose partition-key hashes (unsigned) lie from {@code lowest} to
   * {@code highest} (none when {@code lowest > highest}), and says where to split the partition now, or -1 when it
   * should not: it has been hot for {@link #SUSTAINED_SECONDS} consecutive whole seconds and served more than one key
   * meanwhile. The point lies halfway between the lowest and highest hash it served, so the keys that made it hot end
   * up on both sides; a partition one hot key keeps busy never splits.
   */
  synchronized long consumed(Access access, long lowest, long highest, double units, long nowMillis) {
    roll(nowMillis / 1000);
    switch (access) {
      case READ -> {
        reads.take(units);
        readsThisSecond += units;
      }
      case WRITE -> {
        writes.take(units);
        writesThisSecond += units;
      }
    }
    lowestHash = Math.min(lowestHash, lowest);
    highestHash = Math.max(highestHash, highest);
    if (hotSeconds < SUSTAINED_SECONDS || lowestHash >= highestHash) {
      return -1;
    }
    return lowestHash + (highestHash - lowestHash + 1) / 2;
  }

  /** Closes the seconds before {@code now}: a hot second lengthens the run, any other second ends it. */
  private void roll(long now) {
    if (now <= second) {
      return;
    }
    boolean hot = readsThisSecond >= HOT_SHARE * READ_UNITS || writesThisSecond >= HOT_SHARE * WRITE_UNITS;
    hotSeconds = hot && now == second + 1 ? hotSeconds + 1 : 0;
    if (hotSeconds == 0) {
      lowestHash = Long.MAX_VALUE;
      highestHash = Long.MIN_VALUE;
    }
    second = now;
    readsThisSecond = 0;
    writesThisSecond = 0;
  }
}
