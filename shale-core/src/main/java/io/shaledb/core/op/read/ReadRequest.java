package io.shaledb.core.op.read;

import io.shaledb.core.api.ConditionalOperator;
import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.Select;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.item.ExpectedCondition;
import io.shaledb.core.validate.Choice;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parameters Query and Scan share, as decoded: any field may be null.
 *
 * @param legacyFilter QueryFilter or ScanFilter
 */
public record ReadRequest(
    @Nullable String tableName,
    @Nullable String indexName,
    @Nullable Choice<Select> select,
    @Nullable List<String> attributesToGet,
    @Nullable String projectionExpression,
    @Nullable String filterExpression,
    @Nullable Map<String, String> expressionAttributeNames,
    @Nullable Map<String, AttributeValue> expressionAttributeValues,
    @Nullable Long limit,
    @Nullable Boolean consistentRead,
    @Nullable Map<String, AttributeValue> exclusiveStartKey,
    @Nullable Choice<ReturnConsumedCapacity> returnConsumedCapacity,
    @Nullable Map<String, ExpectedCondition> legacyFilter,
    @Nullable Choice<ConditionalOperator> conditionalOperator) {}
