package io.shaledb.core.autoscaling;

import io.shaledb.core.capacity.Access;
import java.util.Optional;

/**
 * The capacities of DynamoDB that Application Auto Scaling scales. Persisted by ordinal in the target's key: never
 * reorder.
 */
public enum ScalableDimension {
  TABLE_READ("dynamodb:table:ReadCapacityUnits", false, Access.READ),
  TABLE_WRITE("dynamodb:table:WriteCapacityUnits", false, Access.WRITE),
  INDEX_READ("dynamodb:index:ReadCapacityUnits", true, Access.READ),
  INDEX_WRITE("dynamodb:index:WriteCapacityUnits", true, Access.WRITE);

  private final String text;
  private final boolean index;
  private final Access access;

  ScalableDimension(String text, boolean index, Access access) {
    this.text = text;
    this.index = index;
    this.access = access;
  }

  /** The dimension's name on the wire. */
  public String text() {
    return text;
  }

  /** Whether it scales a global secondary index rather than a table. */
  public boolean index() {
    return index;
  }

  public Access access() {
    return access;
  }

  /** The DynamoDB dimension {@code text} names, if it names one. */
  public static Optional<ScalableDimension> of(String text) {
    for (ScalableDimension dimension : values()) {
      if (dimension.text.equals(text)) {
        return Optional.of(dimension);
      }
    }
    return Optional.empty();
  }
}
