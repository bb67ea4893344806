package io.shaledb.core.capacity;

import java.util.Map;

/**
 * Whether a table's throughput is enforced. The server has a default ({@code --capacity}); a table's tag
 * {@value #TAG} ({@code enforce} or {@code off}) overrides it, so one server can mix throttled and unthrottled tables.
 * The default is {@link #OFF}: tests written against emulators create tables with 1/1 provisioned throughput and
 * expect them never to throttle.
 */
public enum CapacityMode {
  OFF,
  ENFORCE;

  /** The tag whose value, {@code enforce} or {@code off}, sets a table's mode. */
  public static final String TAG = "shaledb:capacity";

  /** The mode of a table with these tags on a server whose default is this mode. */
  public CapacityMode forTable(Map<String, String> tags) {
    if (tags.isEmpty()) {
      return this;
    }
    String tagged = tags.get(TAG);
    if (tagged == null) {
      return this;
    }
    return switch (tagged) {
      case "enforce" -> ENFORCE;
      case "off" -> OFF;
      default -> this;
    };
  }
}
