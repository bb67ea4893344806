package io.shaledb.core.autoscaling;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a DynamoDB ResourceId names: {@code table/T} or {@code table/T/index/I}.
 *
 * @param index the global secondary index, or null for the table itself
 */
public record ScalingResource(String table, @Nullable String index) {

  /** The resource {@code resourceId} names, if it has one of DynamoDB's two forms. */
  public static Optional<ScalingResource> parse(String resourceId) {
    String[] parts = resourceId.split("/", -1);
    if (parts.length == 2 && parts[0].equals("table") && !parts[1].isEmpty()) {
      return Optional.of(new ScalingResource(parts[1], null));
    }
    if (parts.length == 4 && parts[0].equals("table") && parts[2].equals("index") && !parts[1].isEmpty()
        && !parts[3].isEmpty()) {
      return Optional.of(new ScalingResource(parts[1], parts[3]));
    }
    return Optional.empty();
  }

  /** The ResourceId that names it. */
  public String resourceId() {
    return index == null ? "table/" + table : "table/" + table + "/index/" + index;
  }
}
