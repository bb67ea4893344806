package io.shaledb.core.op.partiql;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.validate.Choice;
import java.util.List;

/** BatchExecuteStatement's request, as decoded: any field may be null. */
public record BatchExecuteStatementInput(List<BatchStatementRequest> statements,
    Choice<ReturnConsumedCapacity> returnConsumedCapacity) {}
