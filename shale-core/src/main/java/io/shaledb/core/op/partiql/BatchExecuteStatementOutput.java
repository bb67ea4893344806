package io.shaledb.core.op.partiql;

import io.shaledb.core.op.ConsumedCapacity;
import java.util.List;

/** BatchExecuteStatement's response: one answer per statement, in request order, and the capacity by table. */
public record BatchExecuteStatementOutput(List<BatchStatementResponse> responses,
    List<ConsumedCapacity> consumedCapacity) {}
