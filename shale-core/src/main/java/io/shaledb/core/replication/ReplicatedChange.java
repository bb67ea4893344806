package io.shaledb.core.replication;

import io.shaledb.core.model.AttributeValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One change of an item as regions send it to each other: which item, what it became and when and where it was made.
 *
 * @param keys the item's key attributes
 * @param item the item after the change, or null when the change deleted it
 * @param byService whether the database made the change itself (a time-to-live deletion)
 */
public record ReplicatedChange(Map<String, AttributeValue> keys, @Nullable Map<String, AttributeValue> item,
    ReplicationStamp stamp, boolean byService) {

  public ReplicatedChange {
    keys = Map.copyOf(keys);
    item = item == null ? null : Map.copyOf(item);
  }
}
