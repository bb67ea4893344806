package io.shaledb.core.op.item;

import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.ConsumedCapacity;
import java.util.Map;

/**
 * The response of a single-item operation: the item it returns (old, new or read), or null, and the capacity
 * consumed when ReturnConsumedCapacity asked for it, and the item collection metrics when
 * ReturnItemCollectionMetrics asked for them (else null).
 */
public record ItemOutput(Map<String, AttributeValue> attributes, ConsumedCapacity consumedCapacity,
    ItemCollectionMetrics itemCollectionMetrics) {

  public ItemOutput(Map<String, AttributeValue> attributes, ConsumedCapacity consumedCapacity) {
    this(attributes, consumedCapacity, null);
  }
}
