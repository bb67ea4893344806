package io.shaledb.core.op.partiql;

import io.shaledb.core.api.ReturnConsumedCapacity;
import io.shaledb.core.validate.Choice;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** ExecuteTransaction's request, as decoded: any field may be null; a statement sent as null is null. */
public record ExecuteTransactionInput(@Nullable List<ParameterizedStatement> transactStatements, @Nullable String clientRequestToken,
    @Nullable Choice<ReturnConsumedCapacity> returnConsumedCapacity) {}
