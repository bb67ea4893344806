package io.shaledb.core.op.item;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.validate.Choice;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** GetItem's request, as decoded: any field may be null. */
public record GetItemInput(
    @Nullable String tableName,
    @Nullable Map<String, AttributeValue> key,
    @Nullable Boolean consistentRead,
    @Nullable List<String> attributesToGet,
    @Nullable String projectionExpression,
    @Nullable Map<String, String> expressionAttributeNames,
    @Nullable Choice<ReturnConsumedCapacity> returnConsumedCapacity) {}
