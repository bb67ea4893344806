package io.shaledb.core.op.item;

import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.model.ItemSize;
import io.shaledb.core.op.ConsumedCapacity;
import java.util.Map;

/**
 * The item before and after a committed write; either may be null (absent).
 *
 * @param itemCollectionBytes the size of the item's collection after the write, or -1 when the table has no local
 *     secondary index
 */
public record WriteResult(Map<String, AttributeValue> previous, Map<String, AttributeValue> current,
    long itemCollectionBytes) {

  /** DynamoDB charges a write on the larger of the item before and after it. */
  public double writeUnits() {
    long before = previous == null ? 0 : ItemSize.of(previous);
    long after = current == null ? 0 : ItemSize.of(current);
    return ConsumedCapacity.writeUnits(Math.max(before, after));
  }
}
