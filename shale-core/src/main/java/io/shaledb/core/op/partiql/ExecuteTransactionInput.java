package io.shaledb.core.op.partiql;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.validate.Choice;
import java.util.List;

/** ExecuteTransaction's request, as decoded: any field may be null; a statement sent as null is null. */
public record ExecuteTransactionInput(List<ParameterizedStatement> transactStatements, String clientRequestToken,
    Choice<ReturnConsumedCapacity> returnConsumedCapacity) {}
