package io.shaledb.core.op.tx;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.ReturnItemCollectionMetrics;
import io.shaledb.core.validate.Choice;

import java.util.List;

/** TransactWriteItems' request, as decoded: any field may be null; an action with no kind set is null. */
public record TransactWriteItemsInput(
    List<TransactAction> transactItems,
    String clientRequestToken,
    Choice<ReturnConsumedCapacity> returnConsumedCapacity,
    Choice<ReturnItemCollectionMetrics> returnItemCollectionMetrics) {}
