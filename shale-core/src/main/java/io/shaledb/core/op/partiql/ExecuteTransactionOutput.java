package io.shaledb.core.op.partiql;

import io.shaledb.core.op.ConsumedCapacity;
import io.shaledb.core.op.PageItem;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * ExecuteTransaction's response.
 *
 * @param responses for a read transaction, the item each SELECT found (null where none), in statement order; empty for
 *     a write transaction, whose Responses DynamoDB answers as an empty list (the conformance suite's capture)
 */
public record ExecuteTransactionOutput(List<@Nullable PageItem> responses, List<ConsumedCapacity> consumedCapacity) {}
