package io.shaledb.core.op.partiql;

import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.validate.Choice;
import java.util.List;

/** One statement of ExecuteTransaction, as decoded: any field may be null. */
public record ParameterizedStatement(
    String statement,
    List<AttributeValue> parameters,
    Choice<ReturnValuesOnConditionCheckFailure> returnValuesOnConditionCheckFailure) {}
