package io.shaledb.core.op.partiql;

import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.PageItem;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * ExecuteTransaction's response.
 *
 * @param responses for a read transaction, the item each SELECT found (null where none), in statement order; null for
 *     a write transaction
 */
public record ExecuteTransactionOutput(@Nullable List<PageItem> responses, List<ConsumedCapacity> consumedCapacity) {}
