package io.shaledb.core.op.partiql;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.validate.Choice;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** BatchExecuteStatement's request, as decoded: any field may be null. */
public record BatchExecuteStatementInput(@Nullable List<BatchStatementRequest> statements,
    @Nullable Choice<ReturnConsumedCapacity> returnConsumedCapacity) {}
