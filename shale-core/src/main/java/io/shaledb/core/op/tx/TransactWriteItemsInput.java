package io.shaledb.core.op.tx;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.ReturnItemCollectionMetrics;
import io.shaledb.core.validate.Choice;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** TransactWriteItems' request, as decoded: any field may be null; an action with no kind set is null. */
public record TransactWriteItemsInput(
    @Nullable List<TransactAction> transactItems,
    @Nullable String clientRequestToken,
    @Nullable Choice<ReturnConsumedCapacity> returnConsumedCapacity,
    @Nullable Choice<ReturnItemCollectionMetrics> returnItemCollectionMetrics) {}
