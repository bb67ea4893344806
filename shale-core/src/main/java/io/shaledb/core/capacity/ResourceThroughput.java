package io.shaledb.core.capacity;

/**
 * The rate state of one table or global index: a bucket for reads and one for writes, and for on-demand capacity
 * the previous peaks that set its rates.
 */
final class ResourceThroughput {
  /** DynamoDB keeps up to five minutes of unused provisioned capacity for bursts ("Burst capacity"). */
  static final long BURST_SECONDS = 300;
  /** Half of what a new on-demand table serves at once: 4,000 write and 12,000 read request units. */
  static final double INITIAL_WRITE_PEAK = 2_000;
  static final double INITIAL_READ_PEAK = 6_000;

  private final TokenBucket reads;
  private final TokenBucket writes;
  private final OnDemandPeak readPeak;
  private final OnDemandPeak writePeak;

  /**
   * A resource seen for the first time starts with one second of what it may serve ({@code readUnits} and
   * {@code writeUnits}): it has had no unused capacity to save for a burst yet, and an empty bucket would refuse its
   * first request.
   */
  ResourceThroughput(double readUnits, double writeUnits, long nowMillis) {
    this.reads = new TokenBucket(readUnits, nowMillis);
    this.writes = new TokenBucket(writeUnits, nowMillis);
    this.readPeak = new OnDemandPeak(INITIAL_READ_PEAK, nowMillis);
    this.writePeak = new OnDemandPeak(INITIAL_WRITE_PEAK, nowMillis);
  }

  /** The units a provisioned resource holds now for {@code access}. */
  double provisionedUnits(Access access, double provisionedPerSecond, long nowMillis) {
    return bucket(access).refill(nowMillis, provisionedPerSecond, provisionedPerSecond * BURST_SECONDS);
  }

  /**
   * The units an on-demand resource holds now for {@code access}: it accrues double its previous peak, up to
   * {@code maxPerSecond}, and keeps at most one second of it, as on-demand capacity has no burst to save.
   */
  double onDemandUnits(Access access, double maxPerSecond, long nowMillis) {
    double rate = Math.min(maxPerSecond, onDemandRate(access, nowMillis));
    return bucket(access).refill(nowMillis, rate, rate);
  }

  /** What on-demand scaling lets the resource serve a second now, before any maximum: double its previous peak. */
  double onDemandRate(Access access, long nowMillis) {
    return peak(access).allowedPerSecond(nowMillis);
  }

  void consumed(Access access, double units, long nowMillis) {
    bucket(access).take(units);
    peak(access).consumed(nowMillis, units);
  }

  private TokenBucket bucket(Access access) {
    return switch (access) {
      case READ -> reads;
      case WRITE -> writes;
    };
  }

  private OnDemandPeak peak(Access access) {
    return switch (access) {
      case READ -> readPeak;
      case WRITE -> writePeak;
    };
  }
}
