package io.shaledb.core.op.partiql;

import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.PageItem;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * ExecuteStatement's response.
 *
 * @param items the items a SELECT read, or a write's RETURNING item (empty when there is none); null for a write
 *     without RETURNING, which answers no Items
 * @param nextToken where the next page of a SELECT starts, or null at the end
 * @param lastEvaluatedKey the key of the last item read when the page stopped early, or null
 */
public record ExecuteStatementOutput(@Nullable List<PageItem> items, @Nullable String nextToken, @Nullable ConsumedCapacity consumedCapacity,
    @Nullable Map<String, AttributeValue> lastEvaluatedKey) {}
