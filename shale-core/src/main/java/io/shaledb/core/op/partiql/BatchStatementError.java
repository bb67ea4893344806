package io.shaledb.core.op.partiql;

import io.shaledb.core.model.AttributeValue;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Why one statement of a batch failed.
 *
 * @param item the item as it was, for a failed condition with ReturnValuesOnConditionCheckFailure ALL_OLD; else null
 */
public record BatchStatementError(BatchStatementErrorCode code, @Nullable String message, @Nullable Map<String, AttributeValue> item) {}
