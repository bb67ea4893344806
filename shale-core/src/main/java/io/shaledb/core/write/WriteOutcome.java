package io.shaledb.core.write;

import io.shaledb.core.model.AttributeValue;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One item's write as it committed: the item before and after it (either may be null, absent).
 *
 * @param itemCollectionBytes the size of the item's collection after the write, or -1 when the table has no local
 *     secondary index
 * @param capacityUnits the capacity units the write was charged on the table itself
 * @param indexCharges what it was charged on each index it changed
 */
public record WriteOutcome(@Nullable Map<String, AttributeValue> previous,
    @Nullable Map<String, AttributeValue> current, long itemCollectionBytes, double capacityUnits,
    List<IndexWriteUnits.Charge> indexCharges) {}
