package io.shaledb.core.op.read;

import io.shaledb.core.api.ConditionalOperator;
import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.Select;
import io.shaledb.core.validate.Choice;

import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.op.item.ExpectedCondition;
import java.util.List;
import java.util.Map;

/**
 * The parameters Query and Scan share, as decoded: any field may be null.
 *
 * @param legacyFilter QueryFilter or ScanFilter
 */
public record ReadRequest(
    String tableName,
    String indexName,
    Choice<Select> select,
    List<String> attributesToGet,
    String projectionExpression,
    String filterExpression,
    Map<String, String> expressionAttributeNames,
    Map<String, AttributeValue> expressionAttributeValues,
    Long limit,
    Boolean consistentRead,
    Map<String, AttributeValue> exclusiveStartKey,
    Choice<ReturnConsumedCapacity> returnConsumedCapacity,
    Map<String, ExpectedCondition> legacyFilter,
    Choice<ConditionalOperator> conditionalOperator) {}
