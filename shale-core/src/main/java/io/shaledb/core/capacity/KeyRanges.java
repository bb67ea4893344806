package io.shaledb.core.capacity;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The per-partition ceilings of a table, after adaptive capacity. DynamoDB spreads a table over partitions that each
 * serve at most 3,000 read and 1,000 write units a second; adaptive capacity lends a busy partition the table's unused
 * capacity at once, and splits a partition whose traffic stays high until its hot items sit alone ("DynamoDB burst
 * and adaptive capacity", "Isolate frequently accessed items"). What remains is the ceiling of a key range that can no
 * longer split: one partition key value's. ShaleDB keeps that ceiling per range of partition-key hashes (1,024 ranges,
 * as item keys begin with the hash), each holding one second of it: a uniform workload spreads over the ranges and is
 * bounded only by its table, a hot key meets its range's ceiling whatever the table's capacity.
 */
final class KeyRanges {
  static final double READ_UNITS_PER_RANGE = 3_000;
  static final double WRITE_UNITS_PER_RANGE = 1_000;
  private static final int RANGE_BITS = 10;

  /** Made when first used: most tables never see most ranges' keys in a test. */
  private final AtomicReferenceArray<TokenBucket> reads = new AtomicReferenceArray<>(1 << RANGE_BITS);
  private final AtomicReferenceArray<TokenBucket> writes = new AtomicReferenceArray<>(1 << RANGE_BITS);

  /** The units the range of the key with partition-key hash {@code hash} holds now. */
  double units(Access access, int hash, long nowMillis) {
    double rate = perSecond(access);
    return bucket(access, hash, nowMillis).refill(nowMillis, rate, rate);
  }

  void consumed(Access access, int hash, double units, long nowMillis) {
    bucket(access, hash, nowMillis).take(units);
  }

  private static double perSecond(Access access) {
    return switch (access) {
      case READ -> READ_UNITS_PER_RANGE;
      case WRITE -> WRITE_UNITS_PER_RANGE;
    };
  }

  private TokenBucket bucket(Access access, int hash, long nowMillis) {
    AtomicReferenceArray<TokenBucket> buckets = switch (access) {
      case READ -> reads;
      case WRITE -> writes;
    };
    int range = hash >>> (Integer.SIZE - RANGE_BITS);
    TokenBucket bucket = buckets.get(range);
    if (bucket == null) {
      buckets.compareAndSet(range, null, new TokenBucket(perSecond(access), nowMillis));
      bucket = buckets.get(range);
    }
    return bucket;
  }
}
