package io.shaledb.core.op.item;

import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.ConsumedCapacity;
import java.util.Map;

/**
 * The item before and after a committed write; either may be null (absent).
 *
 * @param itemCollectionBytes the size of the item's collection after the write, or -1 when the table has no local
 *     secondary index
 * @param writeBytes the larger of the item's sizes before and after the write (0 for neither), as staged
 */
public record WriteResult(Map<String, AttributeValue> previous, Map<String, AttributeValue> current,
    long itemCollectionBytes, long writeBytes) {

  /** DynamoDB charges a write on the larger of the item before and after it. */
  public double writeUnits() {
    return ConsumedCapacity.writeUnits(writeBytes);
  }
}
