package io.shaledb.core.op.tx;

import java.util.List;

/** TransactWriteItems' request, as decoded: any field may be null; an action with no kind set is null. */
public record TransactWriteItemsInput(
    List<TransactAction> transactItems,
    String clientRequestToken,
    String returnConsumedCapacity,
    String returnItemCollectionMetrics) {}
