package io.shaledb.core.op.table;

import org.jspecify.annotations.Nullable;

/** A table's time to live: whether it is on, and which attribute holds expiry times (null when none). */
public record TimeToLiveOutput(boolean enabled, @Nullable String attributeName) {

  /** The TimeToLiveStatus DynamoDB reports. */
  public String status() {
    return enabled ? "ENABLED" : "DISABLED";
  }
}
