package io.shaledb.core.capacity;

/**
 * Capacity units that accrue at a rate up to a ceiling. A request is admitted while the bucket holds any units at
 * all and is charged what it consumed once done, which may overdraw the bucket: DynamoDB learns a read's size only
 * by reading, and documents that requests are admitted while capacity remains and charged their actual consumption.
 * The rate and ceiling are passed in on each refill, as they follow the table's current settings.
 */
final class TokenBucket {
  private double units;
  private long refilledAtMillis;

  TokenBucket(double initialUnits, long nowMillis) {
    this.units = initialUnits;
    this.refilledAtMillis = nowMillis;
  }

  /** The units held at {@code nowMillis}, having accrued {@code perSecond} since the last refill, up to {@code ceiling}. */
  synchronized double refill(long nowMillis, double perSecond, double ceiling) {
    if (nowMillis > refilledAtMillis) {
      units += (nowMillis - refilledAtMillis) * perSecond / 1000.0;
      refilledAtMillis = nowMillis;
    }
    units = Math.min(units, ceiling);
    return units;
  }

  synchronized void take(double consumed) {
    units -= consumed;
  }
}
