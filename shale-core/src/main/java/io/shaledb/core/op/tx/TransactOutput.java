package io.shaledb.core.op.tx;

import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.PageItem;
import io.shaledb.core.op.item.ItemCollectionMetrics;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The response of a transaction: for TransactGetItems the items read in request order (stored unless projected,
 * null where absent; the list itself is null for TransactWriteItems), the capacity consumed by table and, for
 * TransactWriteItems asked for them, item collection metrics by table.
 */
public record TransactOutput(@Nullable List<@Nullable PageItem> items, List<ConsumedCapacity> consumedCapacity,
    @Nullable Map<String, List<ItemCollectionMetrics>> itemCollectionMetrics) {}
