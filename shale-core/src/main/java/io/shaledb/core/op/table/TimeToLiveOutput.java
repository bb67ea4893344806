package io.shaledb.core.op.table;

/**
 * A table's time to live: whether it is on, which attribute holds expiry times (null when none), and whether the
 * last change is still being taken up (ENABLING or DISABLING).
 */
public record TimeToLiveOutput(boolean enabled, String attributeName, boolean changing) {

  /** The TimeToLiveStatus DynamoDB reports. */
  public String status() {
    return enabled ? (changing ? "ENABLING" : "ENABLED") : (changing ? "DISABLING" : "DISABLED");
  }
}
