package io.shaledb.core.op.partiql;

import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.validate.Choice;
import java.util.List;

/** One statement of BatchExecuteStatement, as decoded: any field may be null. */
public record BatchStatementRequest(
    String statement,
    List<AttributeValue> parameters,
    Boolean consistentRead,
    Choice<ReturnValuesOnConditionCheckFailure> returnValuesOnConditionCheckFailure) {}
