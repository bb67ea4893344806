package io.shaledb.core.op.partiql;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.validate.Choice;
import java.util.List;

/** ExecuteStatement's request, as decoded: any field may be null. */
public record ExecuteStatementInput(
    String statement,
    List<AttributeValue> parameters,
    Boolean consistentRead,
    String nextToken,
    Choice<ReturnConsumedCapacity> returnConsumedCapacity,
    Long limit,
    Choice<ReturnValuesOnConditionCheckFailure> returnValuesOnConditionCheckFailure) {}
