package io.shaledb.core.op.partiql;

import io.shaledb.core.api.ReturnValuesOnConditionCheckFailure;
import io.shaledb.core.error.DynamoException;
import io.shaledb.core.model.AttributeValue;
import io.shaledb.core.validate.Choice;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One statement of BatchExecuteStatement, as decoded: any field may be null.
 *
 * @param parametersError the first error in the values of the Parameters, which fails this statement alone (the
 *     conformance suite's capture of DynamoDB), or null
 */
public record BatchStatementRequest(
    @Nullable String statement,
    @Nullable List<AttributeValue> parameters,
    @Nullable DynamoException parametersError,
    @Nullable Boolean consistentRead,
    @Nullable Choice<ReturnValuesOnConditionCheckFailure> returnValuesOnConditionCheckFailure) {}
