package io.shaledb.core.op.partiql;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.validate.Choice;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** ExecuteStatement's request, as decoded: any field may be null. */
public record ExecuteStatementInput(
    @Nullable String statement,
    @Nullable List<AttributeValue> parameters,
    @Nullable Boolean consistentRead,
    @Nullable String nextToken,
    @Nullable Choice<ReturnConsumedCapacity> returnConsumedCapacity,
    @Nullable Long limit,
    @Nullable Choice<ReturnValuesOnConditionCheckFailure> returnValuesOnConditionCheckFailure) {}
