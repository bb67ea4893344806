package io.shaledb.core.capacity;

/**
 * The previous peak of an on-demand table or index, which sets how much it may serve at once: DynamoDB serves up to
 * double the previous peak instantly, and a higher peak becomes the previous one 30 minutes after traffic first
 * reached it ("On-demand capacity mode", Initial throughput and scaling properties). A new table's previous peak is
 * half of 4,000 WCU and 12,000 RCU, which it can therefore serve from its first second.
 */
final class OnDemandPeak {
  static final long ADOPTION_MILLIS = 30 * 60 * 1000;

  private final double initialPeak;
  private double previousPeak;
  /** The highest per-second consumption above the previous peak, and when it was first reached. */
  private double risingPeak;
  private long risingSinceMillis;
  private long secondStartMillis;
  private double unitsThisSecond;

  OnDemandPeak(double initialPeak, long nowMillis) {
    this.initialPeak = initialPeak;
    this.previousPeak = initialPeak;
    this.secondStartMillis = nowMillis;
  }

  /** The units per second the table may serve at {@code nowMillis}: double its previous peak. */
  synchronized double allowedPerSecond(long nowMillis) {
    roll(nowMillis);
    if (risingPeak > previousPeak && nowMillis - risingSinceMillis >= ADOPTION_MILLIS) {
      previousPeak = risingPeak;
      risingPeak = 0;
    }
    return 2 * Math.max(initialPeak, previousPeak);
  }

  synchronized void consumed(long nowMillis, double units) {
    roll(nowMillis);
    unitsThisSecond += units;
  }

  private void roll(long nowMillis) {
    if (nowMillis - secondStartMillis < 1000) {
      return;
    }
    if (unitsThisSecond > Math.max(previousPeak, risingPeak)) {
      if (risingPeak <= previousPeak) {
        risingSinceMillis = secondStartMillis;
      }
      risingPeak = unitsThisSecond;
    }
    unitsThisSecond = 0;
    secondStartMillis = nowMillis;
  }
}
