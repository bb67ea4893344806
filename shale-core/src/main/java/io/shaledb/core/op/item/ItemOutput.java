package io.shaledb.core.op.item;

import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.ConsumedCapacity;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The response of a single-item operation: the item it returns (old, new or read), or null, and the capacity
 * consumed when ReturnConsumedCapacity asked for it, and the item collection metrics when
 * ReturnItemCollectionMetrics asked for them (else null).
 */
public record ItemOutput(@Nullable Map<String, AttributeValue> attributes, @Nullable ConsumedCapacity consumedCapacity,
    @Nullable ItemCollectionMetrics itemCollectionMetrics) {

  public ItemOutput(@Nullable Map<String, AttributeValue> attributes, @Nullable ConsumedCapacity consumedCapacity) {
    this(attributes, consumedCapacity, null);
  }
}
