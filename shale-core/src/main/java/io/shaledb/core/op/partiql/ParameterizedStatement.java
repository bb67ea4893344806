package io.shaledb.core.op.partiql;

import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.validate.Choice;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One statement of ExecuteTransaction, as decoded: any field may be null. */
public record ParameterizedStatement(
    @Nullable String statement,
    @Nullable List<AttributeValue> parameters,
    @Nullable Choice<ReturnValuesOnConditionCheckFailure> returnValuesOnConditionCheckFailure) {}
