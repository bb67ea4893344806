package io.shaledb.core.op.read;

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
    String select,
    List<String> attributesToGet,
    String projectionExpression,
    String filterExpression,
    Map<String, String> expressionAttributeNames,
    Map<String, AttributeValue> expressionAttributeValues,
    Long limit,
    Boolean consistentRead,
    Map<String, AttributeValue> exclusiveStartKey,
    String returnConsumedCapacity,
    Map<String, ExpectedCondition> legacyFilter,
    String conditionalOperator) {}
