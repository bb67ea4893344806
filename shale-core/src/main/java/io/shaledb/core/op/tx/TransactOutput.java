package io.shaledb.core.op.tx;

import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.ConsumedCapacity;
import java.util.List;
import java.util.Map;

/**
 * The response of a transaction: for TransactGetItems the items read in request order (null where absent; the
 * list itself is null for TransactWriteItems) and the capacity consumed by table.
 */
public record TransactOutput(List<Map<String, AttributeValue>> items, List<ConsumedCapacity> consumedCapacity) {}
